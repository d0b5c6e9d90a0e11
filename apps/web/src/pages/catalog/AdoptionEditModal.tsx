import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { applyApiErrors } from '../../components/api-errors';
import { useReference } from '../../components/reference';
import { type Adoption, BENEFIT_KIND_LABELS, type ContractKind, MUTED } from './AdoptionParts';

interface Values {
  contractKind: ContractKind;
  amountWan: number;
  signedOn: Dayjs;
  contractRegistrationNo?: string;
  benefitKind?: NonNullable<Adoption['benefitKind']>;
  benefit?: string;
  benefitAmountWan?: number | null;
}

const toWan = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? undefined : yuan / 10_000);
const toYuan = (w: number | null | undefined) => (w === null || w === undefined ? undefined : Math.round(w * 10_000));

/** Corrects a pending or rejected adoption; the API puts it back in the bureau's queue. */
export function AdoptionEditModal({
  adoption: a,
  open,
  onClose,
  onSaved,
}: {
  adoption: Adoption;
  open: boolean;
  onClose: () => void;
  onSaved: (a: Adoption) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { data: reference } = useReference();
  const save = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.PATCH('/api/adoptions/{id}', {
          params: { path: { id: a.id } },
          body: {
            contractKind: v.contractKind,
            amountYuan: toYuan(v.amountWan),
            signedOn: v.signedOn.format('YYYY-MM-DD'),
            contractRegistrationNo: v.contractRegistrationNo?.trim() || undefined,
            benefitKind: v.benefitKind,
            benefit: v.benefit?.trim() || undefined,
            benefitAmountYuan: toYuan(v.benefitAmountWan),
          },
        }),
      ),
    onSuccess: (saved) => {
      setError(null);
      onSaved(saved);
    },
    onError: (err) => setError(applyApiErrors(form, err, { amountYuan: 'amountWan', benefitAmountYuan: 'benefitAmountWan' })),
  });

  return (
    <Modal
      title={a.status === 'rejected' ? '修改并重新提交' : '修改成果转化应用'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存并提交确认"
      cancelText="取消"
      okButtonProps={{ loading: save.isPending }}
      width={640}
    >
      <p style={MUTED}>保存后将重新提交科技局确认。成果和应用企业不能修改。</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        validateTrigger={['onChange', 'onBlur']}
        initialValues={{
          contractKind: a.contractKind,
          amountWan: toWan(a.amountYuan),
          signedOn: dayjs(a.signedOn),
          contractRegistrationNo: a.contractRegistrationNo ?? undefined,
          benefitKind: a.benefitKind ?? undefined,
          benefit: a.benefit ?? undefined,
          benefitAmountWan: toWan(a.benefitAmountYuan),
        }}
      >
        <Form.Item name="contractKind" label="合同类型" rules={[{ required: true, message: '请选择合同类型' }]}>
          <Select options={(reference?.contractKinds ?? [a.contractKind]).map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item
          name="amountWan"
          label="合同金额（万元）"
          rules={[
            { required: true, message: '请填写合同金额' },
            { type: 'number', min: 0, message: '金额不能为负数' },
          ]}
        >
          <InputNumber min={0} precision={4} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="contractRegistrationNo"
          label="技术合同登记号（选填）"
          normalize={(v?: string) => v?.toUpperCase()}
          rules={[{ pattern: /^[0-9A-Z-]{8,30}$/, message: '技术合同登记号格式不正确（8–30 位数字、大写字母或“-”）' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="benefitKind" label="效益类型（选填）">
          <Radio.Group options={Object.entries(BENEFIT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="benefit" label="经济社会效益说明（选填）" rules={[{ max: 1000, message: '最多 1000 字' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="benefitAmountWan" label="效益金额（万元，选填）" rules={[{ type: 'number', min: 0, message: '金额不能为负数' }]}>
          <InputNumber min={0} precision={4} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
