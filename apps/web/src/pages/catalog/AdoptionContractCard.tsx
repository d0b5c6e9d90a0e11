import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, InputNumber, Progress, Select, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, unwrap, uploadWithProgress } from '../../api/client';
import { applyApiErrors, errorMessage } from '../../components/api-errors';
import { dateText, dayText, wan } from '../../components/labels';
import { useReference } from '../../components/reference';
import { MUTED } from './AdoptionParts';
import { type Contract, CONTRACT_STATUS_COLOR, downloadContract } from './contract-api';

interface SubmitValues {
  contractKind: Contract['contractKind'];
  amountYuan: number;
  techAmountYuan: number;
}

/**
 * 技术合同认定登记 of an adoption, for its two parties (and the bureau): the signed PDF, the kind,
 * contract amount and 技术交易额 submitted to the bureau, and where the registration stands.
 */
export function AdoptionContractCard({ adoptionId, canEdit }: { adoptionId: string; canEdit: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data: ref } = useReference();
  const [form] = Form.useForm<SubmitValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const contract = useQuery({
    queryKey: ['adoption', adoptionId, 'contract'],
    queryFn: async () => unwrap(await api.GET('/api/adoptions/{id}/contract', { params: { path: { id: adoptionId } } })),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['adoption', adoptionId] });
  };
  const submit = useMutation({
    mutationFn: async (v: SubmitValues) =>
      unwrap(await api.POST('/api/adoptions/{id}/contract/submit', { params: { path: { id: adoptionId } }, body: v })),
    onSuccess: () => {
      setProblem(null);
      refresh();
      message.success('已提交科技局认定登记');
    },
    onError: (err) => setProblem(applyApiErrors(form, err)),
  });
  const upload = async (file: File) => {
    setProgress(0);
    setProblem(null);
    try {
      await uploadWithProgress(
        `/api/adoptions/${encodeURIComponent(adoptionId)}/contract/file?filename=${encodeURIComponent(file.name)}`,
        file,
        setProgress,
      );
      refresh();
      message.success('合同文件已上传');
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setProgress(null);
    }
  };

  const c = contract.data;
  if (contract.isError) return <Alert type="error" showIcon title={errorMessage(contract.error)} />;
  if (!c) return null;
  const open = canEdit && (c.status === 'unregistered' || c.status === 'returned');
  return (
    <Card title="技术合同认定登记" style={{ marginBottom: 16 }} data-testid="contract-card">
      {c.status === 'returned' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`科技局退回：${c.returnReason ?? ''}`} />
      )}
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} data-testid="contract-problem" />}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: '状态',
            children: (
              <Tag color={CONTRACT_STATUS_COLOR[c.status]} data-testid="contract-status">
                {c.statusLabel}
              </Tag>
            ),
          },
          { key: 'category', label: '技术合同类别', children: `${c.contractCategory}（${c.contractKind}）` },
          { key: 'amount', label: '合同金额', children: wan(c.amountYuan) },
          { key: 'tech', label: '技术交易额', children: c.techAmountYuan === null ? '未申报' : wan(c.techAmountYuan) },
          { key: 'no', label: '技术合同登记号', children: c.status === 'certified' ? c.contractRegistrationNo : '认定登记后由科技局填写' },
          { key: 'on', label: '登记日期', children: c.registeredOn ? dayText(c.registeredOn) : '—' },
          {
            key: 'file',
            label: '合同文件',
            span: 'filled',
            children: c.file ? (
              <Flex gap={8} align="center" wrap>
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() => void downloadContract(adoptionId, c.file!.filename).catch((e) => message.error(errorMessage(e)))}
                >
                  {c.file.filename}
                </Button>
                <span style={MUTED}>上传于 {dateText(c.file.uploadedAt)}</span>
              </Flex>
            ) : (
              '尚未上传'
            ),
          },
        ]}
      />
      {open && (
        <div style={{ marginTop: 16 }}>
          <Typography.Paragraph style={MUTED}>
            上传双方已签订的技术合同（PDF，不超过 10
            MB），填写技术交易额（合同金额中技术部分的金额，不能大于合同金额）后提交科技局认定登记。
          </Typography.Paragraph>
          <input
            ref={input}
            type="file"
            accept="application/pdf,.pdf"
            hidden
            aria-label="选择合同文件"
            onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
          />
          <Button
            icon={<UploadOutlined />}
            onClick={() => input.current?.click()}
            disabled={progress !== null}
            data-testid="contract-upload"
          >
            {c.file ? '重新上传合同文件' : '上传合同文件'}
          </Button>
          {progress !== null && <Progress percent={progress} size="small" />}
          <Form
            form={form}
            layout="inline"
            style={{ marginTop: 12, rowGap: 12 }}
            initialValues={{ contractKind: c.contractKind, amountYuan: c.amountYuan, techAmountYuan: c.techAmountYuan ?? undefined }}
            onFinish={(v) => submit.mutate(v)}
            // The API's "技术交易额不能大于合同金额" names both amounts: changing either clears both messages.
            onValuesChange={(changed: Partial<SubmitValues>) => {
              if ('amountYuan' in changed || 'techAmountYuan' in changed) {
                form.setFields([
                  { name: 'amountYuan', errors: [] },
                  { name: 'techAmountYuan', errors: [] },
                ]);
              }
            }}
          >
            <Form.Item name="contractKind" label="合同类型">
              <Select style={{ width: 140 }} options={(ref?.contractKinds ?? []).map((k) => ({ value: k, label: k }))} />
            </Form.Item>
            <Form.Item name="amountYuan" label="合同金额（元）" rules={[{ required: true, message: '请填写合同金额' }]}>
              <InputNumber min={0} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="techAmountYuan" label="技术交易额（元）" rules={[{ required: true, message: '请填写技术交易额' }]}>
              <InputNumber min={0} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={!c.file} data-testid="contract-submit">
              提交认定登记
            </Button>
          </Form>
        </div>
      )}
    </Card>
  );
}
