import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiRequestError } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { importSheet, LIST_NOUN, type ImportReport, type IoList, type IoScope } from './IoApi';

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

/** What the import does, as the card says it before a file is chosen. */
const HOW: Record<IoScope, string> = {
  bureau:
    '先按模板填写，选择文件后点“试导入”检查：只列出问题、不写入。没有问题后再点“导入”，全部写入；有任何问题则一条也不写入。与平台上已有条目或文件中前面的行重复的行跳过不写入。',
  own: '只能导入本单位的条目：单位列可不填，填写时须为本单位；状态只能填“草稿”或“待审核”（不填为待审核，导入后提交科技局审核）。先“试导入”检查，没有问题后再“导入”；有任何问题则一条也不写入，与已有条目重复的行跳过。',
};

/** The dry run's verdict: how many rows would be written, skipped as duplicates, or have problems. */
function dryRunText(r: ImportReport): Outcome {
  const ignored = r.ignoredColumns.length ? `；已忽略未识别的列：${r.ignoredColumns.join('、')}` : '';
  const skipped = r.skipped ? `，${r.skipped} 行与已有条目或前面的行重复、将跳过` : '';
  if (r.problemCount) {
    return {
      type: 'warning',
      text: `试导入：共 ${r.totalRows} 行，${r.validRows} 行无问题${skipped}，发现 ${r.problemCount} 处问题${r.truncated ? '（只列出前 1000 处）' : ''}。未写入任何数据，请修改文件后重新试导入${ignored}`,
    };
  }
  if (r.validRows === 0)
    return { type: 'info', text: `试导入：共 ${r.totalRows} 行，全部与已有条目或前面的行重复，导入不会写入任何数据${ignored}` };
  return {
    type: 'info',
    text: `试导入：共 ${r.totalRows} 行，${r.validRows} 行没有问题${skipped}；未写入任何数据。可以点“导入”正式写入${ignored}`,
  };
}

/**
 * Upload: a dry run lists every problem (row, column, reason) and every row it would skip before
 * anything is written; then the real import. The bureau's console and an organization's own lists
 * use it alike; `scope` says whose entries it takes.
 */
export default function IoImportCard({ list, scope = 'bureau' }: { list: IoList; scope?: IoScope }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [skipped, setSkipped] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const qc = useQueryClient();

  // A dry run is for one list: switching lists keeps the chosen file but asks for a new check.
  const clear = () => {
    setReport(null);
    setProblems([]);
    setSkipped([]);
    setOutcome(null);
    setPage(1);
  };
  useEffect(clear, [list]);

  const reset = (f: File | null) => {
    setFile(f);
    clear();
  };
  const refused = (err: unknown) => {
    const details = err instanceof ApiRequestError ? (err.body.details ?? []) : [];
    setProblems(details);
    setSkipped([]);
    setPage(1);
    setOutcome({ type: 'error', text: errorMessage(err) });
  };

  const dryRun = useMutation({
    mutationFn: (f: File) => importSheet(list, f, true),
    onSuccess: (r) => {
      setReport(r);
      setProblems(r.problems);
      setSkipped(r.skippedRows);
      setPage(1);
      setOutcome(dryRunText(r));
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
      setSkipped(r.skippedRows);
      const review = scope === 'own' ? '，待审核的条目已提交科技局审核' : '';
      const skips = r.skipped ? `，跳过 ${r.skipped} 行重复` : '';
      setOutcome({ type: 'success', text: `导入完成：已写入 ${r.imported} 条${LIST_NOUN[list]}${skips}${review}（批次号 ${r.importId}）` });
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      await qc.invalidateQueries({
        predicate: (q) =>
          q.queryKey.some(
            (k) =>
              typeof k === 'string' &&
              (k.includes(list) || k.includes('my-items') || k.includes('search') || k.includes('dashboard') || k.includes('review')),
          ),
      });
    },
    onError: refused,
  });

  const canImport = !!file && !!report && report.problemCount === 0 && report.validRows > 0;

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          导入{scope === 'own' ? '本单位的' : ''}
          {LIST_NOUN[list]}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>{HOW[scope]}</Typography.Paragraph>
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
        <RowTable
          rows={problems}
          noun="处问题"
          testId="io-problem-row"
          page={page}
          pageSize={pageSize}
          onPage={(p, ps) => {
            setPage(ps !== pageSize ? 1 : p);
            setPageSize(ps);
          }}
        />
      )}
      {skipped.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            跳过的重复行
          </Typography.Title>
          <RowTable rows={skipped} noun="行跳过" testId="io-skipped-row" />
        </>
      )}
    </Card>
  );
}

/** Rows of a report (problems, or skipped rows): row, column, reason, paginated. */
function RowTable({
  rows,
  noun,
  testId,
  page,
  pageSize,
  onPage,
}: {
  rows: Problem[];
  noun: string;
  testId: string;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
}) {
  return (
    <Table<Problem>
      rowKey={(p, i) => `${p.row ?? ''}-${p.column ?? p.field ?? ''}-${i}`}
      size="small"
      dataSource={rows}
      onRow={() => ({ 'data-testid': testId }) as HTMLAttributes<HTMLElement>}
      pagination={{
        ...(page ? { current: page, pageSize } : { defaultPageSize: 20 }),
        total: rows.length,
        showSizeChanger: true,
        showTotal: (t) => `共 ${t} ${noun}`,
        onChange: onPage,
      }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 90, render: (v?: number) => v ?? '—' },
        { title: '列名', dataIndex: 'column', width: 200, render: (v: string | undefined, p) => v ?? p.field ?? '—' },
        { title: '原因', dataIndex: 'message' },
      ]}
    />
  );
}
