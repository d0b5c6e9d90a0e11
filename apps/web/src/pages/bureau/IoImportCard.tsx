import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiRequestError } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { importSheet, LIST_NOUN, type ImportReport, type IoList } from './IoApi';

interface Problem {
  row?: number;
  column?: string;
  field?: string;
  message: string;
}

interface Outcome {
  type: 'success' | 'info' | 'warning' | 'error';
  text: string;
}

/** Upload: a dry run lists every problem (row, column, reason) before anything is written; then the real import. */
export default function IoImportCard({ list }: { list: IoList }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const qc = useQueryClient();

  // A dry run is for one list: switching lists keeps the chosen file but asks for a new check.
  useEffect(() => {
    setReport(null);
    setProblems([]);
    setOutcome(null);
    setPage(1);
  }, [list]);

  const reset = (f: File | null) => {
    setFile(f);
    setReport(null);
    setProblems([]);
    setOutcome(null);
    setPage(1);
  };
  const refused = (err: unknown) => {
    const details = err instanceof ApiRequestError ? (err.body.details ?? []) : [];
    setProblems(details);
    setPage(1);
    setOutcome({ type: 'error', text: errorMessage(err) });
  };

  const dryRun = useMutation({
    mutationFn: (f: File) => importSheet(list, f, true),
    onSuccess: (r) => {
      setReport(r);
      setProblems(r.problems);
      setPage(1);
      const ignored = r.ignoredColumns.length ? `；已忽略未识别的列：${r.ignoredColumns.join('、')}` : '';
      setOutcome(
        r.problemCount
          ? {
              type: 'warning',
              text: `试导入：共 ${r.totalRows} 行，${r.validRows} 行无问题，发现 ${r.problemCount} 处问题${r.truncated ? '（只列出前 1000 处）' : ''}。未写入任何数据，请修改文件后重新试导入${ignored}`,
            }
          : { type: 'info', text: `试导入：共 ${r.totalRows} 行，全部没有问题，未写入任何数据。可以点“导入”正式写入${ignored}` },
      );
    },
    onError: (err) => {
      setReport(null);
      refused(err);
    },
  });
  const doImport = useMutation({
    mutationFn: (f: File) => importSheet(list, f, false),
    onSuccess: async (r) => {
      setReport(null);
      setProblems([]);
      setOutcome({ type: 'success', text: `导入完成：已写入 ${r.imported} 条${LIST_NOUN[list]}（批次号 ${r.importId}）` });
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      await qc.invalidateQueries({
        predicate: (q) =>
          q.queryKey.some(
            (k) => typeof k === 'string' && (k.includes(list) || k.includes('search') || k.includes('dashboard') || k.includes('review')),
          ),
      });
    },
    onError: refused,
  });

  const canImport = !!file && !!report && report.problemCount === 0 && report.totalRows > 0;

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          导入{LIST_NOUN[list]}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>
        先按模板填写，选择文件后点“试导入”检查：只列出问题、不写入。没有问题后再点“导入”，全部写入；有任何问题则一条也不写入。
      </Typography.Paragraph>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <label htmlFor={inputId}>选择文件（.xlsx 或 UTF-8 编码的 .csv）：</label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          data-testid="io-file-input"
          onChange={(e) => reset(e.target.files?.[0] ?? null)}
        />
        <Button onClick={() => file && dryRun.mutate(file)} disabled={!file} loading={dryRun.isPending} data-testid="io-dry-run">
          试导入
        </Button>
        <Button
          type="primary"
          onClick={() => file && doImport.mutate(file)}
          disabled={!canImport}
          loading={doImport.isPending}
          data-testid="io-import"
        >
          导入
        </Button>
      </Space>
      {!file && !outcome && <Typography.Paragraph>还没有选择文件。</Typography.Paragraph>}
      {file && !report && !outcome && <Typography.Paragraph>已选择：{file.name}，请先试导入。</Typography.Paragraph>}
      {outcome && (
        <Alert type={outcome.type} showIcon title={outcome.text} data-testid="io-result" role="status" style={{ marginBottom: 12 }} />
      )}
      {problems.length > 0 && (
        <Table<Problem>
          rowKey={(p, i) => `${p.row ?? ''}-${p.column ?? p.field ?? ''}-${i}`}
          size="small"
          dataSource={problems}
          onRow={() => ({ 'data-testid': 'io-problem-row' }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: problems.length,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 处问题`,
            onChange: (p, ps) => {
              setPage(ps !== pageSize ? 1 : p);
              setPageSize(ps);
            },
          }}
          columns={[
            { title: '行号', dataIndex: 'row', width: 90, render: (v?: number) => v ?? '—' },
            { title: '列名', dataIndex: 'column', width: 200, render: (v: string | undefined, p) => v ?? p.field ?? '—' },
            { title: '原因', dataIndex: 'message' },
          ]}
        />
      )}
    </Card>
  );
}
