import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { applyApiErrors, errorMessage } from '../../components/api-errors';
import { dateText, dayText, wan } from '../../components/labels';
import type { Adoption } from '../catalog/AdoptionParts';
import { downloadContract } from '../catalog/contract-api';
import { ReadableTheme } from '../challenges/ChallengeShared';

interface CertifyValues {
  contractRegistrationNo: string;
  registeredOn: Dayjs;
  techAmountYuan?: number;
}

/** One submitted contract: its PDF and figures, certified with a registration number or returned with a reason. */
function ContractReview({ adoption, onDone }: { adoption: Adoption; onDone: () => void }) {
  const { message } = App.useApp();
  const [certifyForm] = Form.useForm<CertifyValues>();
  const [returnForm] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const id = adoption.id;
  const contract = useQuery({
    queryKey: ['adoption', id, 'contract'],
    queryFn: async () => unwrap(await api.GET('/api/adoptions/{id}/contract', { params: { path: { id } } })),
  });
  const certify = useMutation({
    mutationFn: async (v: CertifyValues) =>
      unwrap(
        await api.POST('/api/adoptions/{id}/contract/certify', {
          params: { path: { id } },
          body: {
            contractRegistrationNo: v.contractRegistrationNo.trim(),
            registeredOn: v.registeredOn.format('YYYY-MM-DD'),
            techAmountYuan: v.techAmountYuan,
          },
        }),
      ),
    onSuccess: () => {
      message.success('已认定登记');
      onDone();
    },
    onError: (err) => setProblem(applyApiErrors(certifyForm, err)),
  });
  const giveBack = useMutation({
    mutationFn: async (v: { reason: string }) =>
      unwrap(await api.POST('/api/adoptions/{id}/contract/return', { params: { path: { id } }, body: { reason: v.reason.trim() } })),
    onSuccess: () => {
      message.success('已退回');
      onDone();
    },
    onError: (err) => setProblem(applyApiErrors(returnForm, err)),
  });
  const c = contract.data;
  return (
    <Flex vertical gap={16}>
      {problem && <Alert type="error" showIcon title={problem} />}
      {contract.isError && <Alert type="error" showIcon title={errorMessage(contract.error)} />}
      {c && (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'result', label: '科技成果', children: <Link to={`/adoptions/${id}`}>{adoption.resultTitle ?? '成果'}</Link> },
            { key: 'seller', label: '卖方（成果单位）', children: adoption.resultOrganizationName },
            { key: 'buyer', label: '买方（应用企业）', children: adoption.enterpriseName },
            { key: 'kind', label: '合同类型', children: `${c.contractKind}（按${c.contractCategory}登记）` },
            { key: 'amount', label: '合同金额', children: wan(c.amountYuan) },
            { key: 'tech', label: '申报的技术交易额', children: c.techAmountYuan === null ? '—' : wan(c.techAmountYuan) },
            { key: 'signed', label: '签订日期', children: dayText(c.signedOn) },
            { key: 'submitted', label: '提交时间', children: dateText(c.submittedAt) },
            {
              key: 'file',
              label: '合同文件',
              children: c.file ? (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() => void downloadContract(id, c.file!.filename).catch((e) => message.error(errorMessage(e)))}
                >
                  {c.file.filename}
                </Button>
              ) : (
                '—'
              ),
            },
          ]}
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        认定登记
      </Typography.Title>
      <Form form={certifyForm} layout="vertical" initialValues={{ registeredOn: dayjs() }} onFinish={(v) => certify.mutate(v)}>
        <Form.Item
          name="contractRegistrationNo"
          label="技术合同登记号"
          extra="16 位数字：4 位登记年度 + 6 位登记机构所在地行政区划代码 + 6 位流水号，如 2026420800000123"
          rules={[{ required: true, message: '请填写技术合同登记号' }]}
        >
          <Input maxLength={16} inputMode="numeric" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="registeredOn" label="登记日期" style={{ flex: 1 }} rules={[{ required: true, message: '请选择登记日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="techAmountYuan" label="认定的技术交易额（元，不填按申报）" style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={certify.isPending} data-testid="contract-certify">
          认定登记
        </Button>
      </Form>
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        退回
      </Typography.Title>
      <Form form={returnForm} layout="vertical" onFinish={(v) => giveBack.mutate(v)}>
        <Form.Item name="reason" label="退回原因" rules={[{ required: true, whitespace: true, message: '请写明退回原因' }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Button danger htmlType="submit" loading={giveBack.isPending}>
          退回修改
        </Button>
      </Form>
    </Flex>
  );
}

/** The bureau's queue of 技术合同认定登记: submitted contracts, oldest first. */
export default function ContractQueuePage() {
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Adoption | null>(null);
  const queue = useQuery({
    queryKey: ['contracts', 'queue', page],
    queryFn: async () => unwrap(await api.GET('/api/contracts/review-queue', { params: { query: { page, pageSize: 20 } } })),
  });
  return (
    <ReadableTheme>
      <Link to="/bureau">← 返回数据概览</Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 12 }}>
        技术合同认定登记
      </Typography.Title>
      <Typography.Paragraph>
        核对双方上传的合同文件、合同类型与技术交易额，认定登记（填写登记号）或写明原因退回。只有认定登记的合同计入技术合同成交额。
      </Typography.Paragraph>
      {queue.isError && <Alert type="error" showIcon title={errorMessage(queue.error)} />}
      <Table<Adoption>
        rowKey="id"
        loading={queue.isLoading}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: '没有待认定登记的合同' }}
        pagination={{ current: page, pageSize: 20, total: queue.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '科技成果', key: 'result', render: (_v, a) => <Link to={`/adoptions/${a.id}`}>{a.resultTitle ?? '成果'}</Link> },
          { title: '卖方', dataIndex: 'resultOrganizationName' },
          { title: '买方', dataIndex: 'enterpriseName' },
          { title: '类别', dataIndex: 'contractCategory' },
          { title: '合同金额', dataIndex: 'amountYuan', align: 'right', render: (v: number) => wan(v) },
          { title: '技术交易额', dataIndex: 'techAmountYuan', align: 'right', render: (v: number | null) => (v === null ? '—' : wan(v)) },
          { title: '提交时间', dataIndex: 'contractSubmittedAt', render: (v: string | null) => dateText(v) },
          {
            title: '操作',
            key: 'op',
            render: (_v, a) => (
              <Button size="small" type="primary" onClick={() => setOpen(a)} data-testid={`contract-review-${a.id}`}>
                审核
              </Button>
            ),
          },
        ]}
      />
      <Drawer title="技术合同认定登记" size="large" open={!!open} onClose={() => setOpen(null)} destroyOnHidden>
        {open && (
          <ContractReview
            adoption={open}
            onDone={() => {
              setOpen(null);
              void qc.invalidateQueries({ queryKey: ['contracts'] });
              void qc.invalidateQueries({ queryKey: ['stats'] });
              void qc.invalidateQueries({ queryKey: ['bureau', 'pending'] });
            }}
          />
        )}
      </Drawer>
    </ReadableTheme>
  );
}
