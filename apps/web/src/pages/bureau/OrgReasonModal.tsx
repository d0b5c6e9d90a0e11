import { Alert, Button, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { applyApiErrors } from '../../components/api-errors';

interface Props {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  /** Prefix of the data-testids: `<prefix>-reason`, `<prefix>-submit`. */
  testId: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for the reason the API requires (a rejection, a disabled account) and shows the API's refusal. */
export default function OrgReasonModal({ open, title, label, okText, testId, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const submit = async (v: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(v.reason.trim());
      form.resetFields();
      onClose();
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" danger type="primary" loading={busy} onClick={() => form.submit()} data-testid={`${testId}-submit`}>
          {okText}
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item
          name="reason"
          label={label}
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { max: 500, message: '原因不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
