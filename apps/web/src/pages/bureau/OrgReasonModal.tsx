import { Alert, Button, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { ReasonField, useReasonSubmit } from './RejectReasonForm';

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
  const { busy, error, setError, submit } = useReasonSubmit(form, onSubmit, onClose);
  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);
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
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v.reason)} validateTrigger={['onChange', 'onBlur']}>
        <ReasonField label={label} noun="原因" testId={`${testId}-reason`} />
      </Form>
    </Modal>
  );
}
