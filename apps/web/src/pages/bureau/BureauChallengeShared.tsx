import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useOrganizationName } from '../challenges/ChallengeShared';
import { ReasonField, useReasonSubmit } from './RejectReasonForm';

/** Beijing is UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant as the wall-clock time in Beijing, for a date picker (which shows wall-clock values). */
export function toBeijingPicker(iso: string | null | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  const shifted = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
  return dayjs(shifted);
}

/** A picked wall-clock time taken as Beijing time, in the API's format (2027-01-15T17:00:00+08:00). */
export function fromBeijingPicker(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** Today's date in Beijing (YYYY-MM-DD). */
export function beijingToday(): string {
  return new Date(Date.now() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** An organization's name, looked up by id (the proposal and ranking views carry only ids). */
export function OrgName({ id }: { id: string }) {
  const name = useOrganizationName(id);
  return <>{name.data ?? (name.isLoading ? '加载中…' : '（单位名称不可用）')}</>;
}

/** Refreshes everything shown about one challenge after an action on it. */
export function useRefreshChallenge(id: string) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['challenge', id] }),
      qc.invalidateQueries({ queryKey: ['bureau-challenge', id] }),
      qc.invalidateQueries({ queryKey: ['challenges'] }),
    ]);
  };
}

interface ReasonModalProps {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  /** Test hooks for the text area and the confirm button. */
  inputTestId?: string;
  submitTestId?: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for the reason an action needs (a cancellation, a rejection, a return) and shows the API's refusal. */
export function ReasonModal({ open, title, label, okText, danger, inputTestId, submitTestId, onSubmit, onClose }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, error, submit: send } = useReasonSubmit(form, onSubmit, onClose);
  const submit = async () => {
    const { reason } = await form.validateFields();
    await send(reason);
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger, loading: busy, ...(submitTestId ? { 'data-testid': submitTestId } : {}) }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <ReasonField label={label} max={1000} rows={4} testId={inputTestId} counted />
      </Form>
    </Modal>
  );
}
