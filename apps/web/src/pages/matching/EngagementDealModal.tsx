import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Result, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';
import { useReference } from '../../components/reference';
import { type Engagement, MUTED } from './EngagementParts';

type ContractKind = components['schemas']['DealDto']['contractKind'];

interface DealValues {
  resultId?: string;
  contractKind: ContractKind;
  amountWan: number;
  signedOn: Dayjs;
  contractRegistrationNo?: string;
}

/** Published results of both parties: the deal's result when the engagement started from a need. */
function usePartyResults(e: Engagement, enabled: boolean) {
  return useQuery({
    queryKey: ['engagement-deal-results', e.requesterOrganizationId, e.receiverOrganizationId],
    enabled,
    queryFn: async () => {
      const lists = await Promise.all(
        [e.requesterOrganizationId, e.receiverOrganizationId].map(async (organizationId) =>
          unwrap(await api.GET('/api/results', { params: { query: { organizationId, status: 'published', pageSize: 100 } } })),
        ),
      );
      return lists.flatMap((l) => l.items).map((r) => ({ value: r.id, label: `${r.title}（${r.organizationName ?? '成果单位'}）` }));
    },
  });
}

/**
 * 成交: both sides record the signed technology contract; the API creates an adoption (成果转化应用)
 * awaiting the bureau's confirmation, whose link is shown once it exists.
 */
export function DealModal({
  engagement,
  open,
  onClose,
  onDone,
}: {
  engagement: Engagement;
  open: boolean;
  onClose: () => void;
  onDone: (updated: Engagement) => void;
}) {
  const [form] = Form.useForm<DealValues>();
  const [error, setError] = useState<string | null>(null);
  const [adoptionId, setAdoptionId] = useState<string | null>(null);
  const needsResult = !engagement.resultId;
  const { data: reference } = useReference();
  const results = usePartyResults(engagement, open && needsResult);

  const deal = useMutation({
    mutationFn: async (v: DealValues) =>
      unwrap(
        await api.POST('/api/engagements/{id}/deal', {
          params: { path: { id: engagement.id } },
          body: {
            resultId: needsResult ? v.resultId : undefined,
            contractKind: v.contractKind,
            amountYuan: Math.round(v.amountWan * 10_000),
            signedOn: v.signedOn.format('YYYY-MM-DD'),
            contractRegistrationNo: v.contractRegistrationNo?.trim() || undefined,
          },
        }),
      ),
    onSuccess: (updated) => {
      setError(null);
      setAdoptionId(updated.adoptionId);
      onDone(updated);
    },
    onError: (err) => setError(applyApiErrors(form, err, { amountYuan: 'amountWan' })),
  });

  const close = () => {
    if (adoptionId) {
      form.resetFields();
      setAdoptionId(null);
    }
    onClose();
  };

  if (adoptionId) {
    return (
      <Modal title="已成交" open={open} onCancel={close} footer={<Button onClick={close}>完成</Button>}>
        <Result
          status="success"
          title="已登记成果转化应用"
          subTitle="合同信息已提交，等待科技局确认后列入成果转化应用清单。"
          extra={
            <Link to={`/adoptions/${adoptionId}`} data-testid="deal-adoption-link">
              查看成果转化应用
            </Link>
          }
        />
      </Modal>
    );
  }

  return (
    <Modal
      title="登记成交"
      open={open}
      onCancel={close}
      footer={[
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={deal.isPending} onClick={() => form.submit()} data-testid="deal-submit">
          确认成交
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        填写双方签订的技术合同。确认后将生成一条成果转化应用，由科技局核实确认；对接状态变为“已成交”。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => deal.mutate(v)} validateTrigger={['onChange', 'onBlur']}>
        {needsResult && (
          <Form.Item
            name="resultId"
            label="成交的科技成果"
            extra={<span style={MUTED}>本对接由技术需求发起，请选择双方已发布的科技成果中实际成交的一项</span>}
            rules={[{ required: true, message: '请选择成交的科技成果' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={results.isLoading}
              options={results.data ?? []}
              notFoundContent={results.isLoading ? '加载中…' : '双方都没有已发布的科技成果'}
            />
          </Form.Item>
        )}
        <Form.Item name="contractKind" label="合同类型" rules={[{ required: true, message: '请选择合同类型' }]}>
          <Select options={(reference?.contractKinds ?? []).map((k) => ({ value: k, label: k }))} loading={!reference} />
        </Form.Item>
        <Form.Item
          name="amountWan"
          label="合同金额（万元）"
          rules={[
            { required: true, message: '请填写合同金额' },
            { type: 'number', min: 0, max: 1_000_000, message: '金额应在 0 至 1,000,000 万元之间' },
          ]}
        >
          <InputNumber min={0} max={1_000_000} precision={4} style={{ width: '100%' }} suffix="万元" />
        </Form.Item>
        <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} placeholder="选择日期（不能晚于今天）" />
        </Form.Item>
        <Form.Item
          name="contractRegistrationNo"
          label="技术合同登记号"
          extra={<span style={MUTED}>选填；已在技术合同登记机构登记的，填写登记号</span>}
          normalize={(v?: string) => v?.toUpperCase()}
          rules={[{ pattern: /^[0-9A-Z-]{8,30}$/, message: '技术合同登记号格式不正确（8–30 位数字、大写字母或“-”）' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
