import { Alert, Button, Form, Input, type FormInstance } from 'antd';
import { useFormSubmit } from '../../components/use-form-submit';

interface ReasonFieldProps {
  label: string;
  /** What the messages call the reason (请填写驳回原因, 驳回原因不超过 500 字); without it the label names it. */
  noun?: string;
  max?: number;
  rows?: number;
  testId?: string;
  placeholder?: string;
  /** Counts the characters and stops typing at `max`. */
  counted?: boolean;
}

/** The text area of a reason the API requires: not blank, at most `max` characters. */
export function ReasonField({ label, noun, max = 500, rows = 3, testId, placeholder, counted }: ReasonFieldProps) {
  return (
    <Form.Item
      name="reason"
      label={label}
      rules={[
        { required: true, whitespace: true, message: `请填写${noun ?? label}` },
        { max, message: `${noun ?? ''}不超过 ${max} 字` },
      ]}
    >
      <Input.TextArea
        rows={rows}
        data-testid={testId}
        placeholder={placeholder}
        {...(counted ? { showCount: true, maxLength: max } : {})}
      />
    </Form.Item>
  );
}

/**
 * Sends a form's trimmed reason: busy while the call runs, the form emptied and `onDone` called
 * when it succeeds, the API's refusal shown beside the fields it names and returned as `error`.
 */
export function useReasonSubmit(
  form: FormInstance<{ reason: string }>,
  onSubmit: (reason: string) => Promise<unknown>,
  onDone: () => void,
) {
  return useFormSubmit(form, async (reason: string) => {
    await onSubmit(reason.trim());
    form.resetFields();
    onDone();
  });
}

interface Props {
  /** Prefix of the data-testids: `<prefix>-reason`, `<prefix>-submit`. */
  testId: string;
  placeholder: string;
  /** Rejects with the reason (and says so); a refusal stays in the form. */
  onReject: (reason: string) => Promise<unknown>;
  onDone: () => void;
}

/** The bureau's rejection under an item or a revision: the reason the publisher will read, and the confirm button. */
export default function RejectReasonForm({ testId, placeholder, onReject, onDone }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, error, submit } = useReasonSubmit(form, onReject, onDone);
  return (
    <Form
      form={form}
      layout="vertical"
      validateTrigger={['onChange', 'onBlur']}
      onFinish={(v) => void submit(v.reason)}
      style={{ marginTop: 16 }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <ReasonField label="驳回原因（发布单位会看到）" noun="驳回原因" testId={`${testId}-reason`} placeholder={placeholder} />
      <Button danger htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
        确认驳回
      </Button>
    </Form>
  );
}
