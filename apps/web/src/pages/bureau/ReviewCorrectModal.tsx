import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { applyApiErrors } from '../../components/api-errors';
import { RegionCascader, useReference } from '../../components/reference';
import { correct, invalidateReviewed, type CorrectNeedBody, type NeedView, type ResultView } from './ReviewApi';

type Kind = 'needs' | 'results';

interface Values {
  title: string;
  field?: string;
  trl?: number;
  region?: string;
  keywords: string[];
  cooperationModes: string[];
  text: string;
  budgetMinWan?: number | null;
  budgetMaxWan?: number | null;
  askingPriceWan?: number | null;
  priceNegotiable?: boolean;
  teamLead?: string;
  reason: string;
}

const toWan = (yuan: number | null | undefined) => (yuan == null ? null : yuan / 10_000);
const toYuan = (w: number | null | undefined) => (w == null ? undefined : Math.round(w * 10_000));

function initialValues(kind: Kind, item: NeedView | ResultView): Values {
  const base = {
    title: item.title,
    field: item.field ?? undefined,
    trl: item.trl ?? undefined,
    region: item.region,
    keywords: item.keywords,
    cooperationModes: item.cooperationModes,
    reason: '',
  };
  if (kind === 'needs') {
    const n = item as NeedView;
    return { ...base, text: n.description, budgetMinWan: toWan(n.budgetMinYuan), budgetMaxWan: toWan(n.budgetMaxYuan) };
  }
  const r = item as ResultView;
  return {
    ...base,
    text: r.summary,
    askingPriceWan: toWan(r.askingPriceYuan),
    priceNegotiable: r.priceNegotiable,
    teamLead: r.teamLead ?? '',
  };
}

/** The API's body: only what the bureau changed, in the API's names and in yuan, with the reason. */
function changes(kind: Kind, before: Values, v: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const k of ['title', 'field', 'trl', 'region', 'keywords', 'cooperationModes', 'teamLead', 'priceNegotiable'] as const)
    if (!same(before[k], v[k]) && (kind === 'results' || (k !== 'teamLead' && k !== 'priceNegotiable'))) body[k] = v[k];
  if (!same(before.text, v.text)) body[kind === 'needs' ? 'description' : 'summary'] = v.text;
  if (kind === 'needs') {
    if (!same(before.budgetMinWan, v.budgetMinWan)) body.budgetMinYuan = toYuan(v.budgetMinWan);
    if (!same(before.budgetMaxWan, v.budgetMaxWan)) body.budgetMaxYuan = toYuan(v.budgetMaxWan);
  } else if (!same(before.askingPriceWan, v.askingPriceWan)) body.askingPriceYuan = toYuan(v.askingPriceWan);
  return body;
}

const FIELD_MAP = {
  description: 'text',
  summary: 'text',
  budgetMinYuan: 'budgetMinWan',
  budgetMaxYuan: 'budgetMaxWan',
  askingPriceYuan: 'askingPriceWan',
};

/** The bureau corrects a published need or result; the reason is recorded in its history. */
export default function ReviewCorrectModal({
  open,
  kind,
  item,
  onClose,
}: {
  open: boolean;
  kind: Kind;
  item: NeedView | ResultView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { data: ref } = useReference();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const before = initialValues(kind, item);
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => correct(kind, item.id, body as CorrectNeedBody),
    onSuccess: async () => {
      message.success('已更正，原因已记入变更记录');
      await invalidateReviewed(qc, kind, item.id);
      onClose();
    },
    onError: (err) => setError(applyApiErrors(form, err, FIELD_MAP)),
  });
  const submit = (v: Values) => {
    setError(null);
    const body = changes(kind, before, v);
    if (!Object.keys(body).length) {
      setError('没有修改任何内容');
      return;
    }
    mutation.mutate({ ...body, reason: v.reason.trim() });
  };
  const options = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));

  return (
    <Modal
      open={open}
      title={`更正${kind === 'needs' ? '技术需求' : '科技成果'}`}
      okText="保存更正"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      width={720}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="review-correct"
        layout="vertical"
        initialValues={before}
        onFinish={submit}
        validateTrigger={['onChange', 'onBlur']}
      >
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="field" label="产业领域">
          <Select options={options(ref?.fields)} aria-label="产业领域" />
        </Form.Item>
        <Form.Item name="trl" label="技术成熟度（TRL 1–9）">
          <InputNumber min={1} max={9} precision={0} aria-label="技术成熟度" />
        </Form.Item>
        <Form.Item name="region" label="所在地">
          <RegionCascader />
        </Form.Item>
        <Form.Item name="keywords" label="关键词（回车添加，最多 10 个）" rules={[{ type: 'array', max: 10, message: '关键词最多 10 个' }]}>
          <Select mode="tags" aria-label="关键词" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="cooperationModes" label="合作方式">
          <Select mode="multiple" options={options(ref?.cooperationModes)} aria-label="合作方式" />
        </Form.Item>
        <Form.Item
          name="text"
          label={kind === 'needs' ? '需求描述' : '成果简介'}
          rules={[{ required: true, whitespace: true, message: '内容不能为空' }, { max: 5000 }]}
        >
          <Input.TextArea rows={5} />
        </Form.Item>
        {kind === 'needs' ? (
          <>
            <Form.Item name="budgetMinWan" label="预算下限（万元）">
              <InputNumber min={0} style={{ width: 200 }} aria-label="预算下限（万元）" />
            </Form.Item>
            <Form.Item name="budgetMaxWan" label="预算上限（万元）">
              <InputNumber min={0} style={{ width: 200 }} aria-label="预算上限（万元）" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="priceNegotiable" valuePropName="checked">
              <Checkbox>价格面议</Checkbox>
            </Form.Item>
            <Form.Item name="askingPriceWan" label="转让价格（万元）">
              <InputNumber min={0} style={{ width: 200 }} aria-label="转让价格（万元）" />
            </Form.Item>
            <Form.Item name="teamLead" label="团队负责人">
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label="更正原因（记入变更记录，发布单位可见）"
          rules={[{ required: true, whitespace: true, message: '请填写更正原因' }, { max: 500 }]}
        >
          <Input.TextArea rows={2} data-testid="review-correct-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
