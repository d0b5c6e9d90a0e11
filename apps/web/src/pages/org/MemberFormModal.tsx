import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Modal, type FormInstance, type ModalProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { applyApiErrors } from '../../components/api-errors';

/**
 * A member form's call to the API: on success the form is emptied and `onSuccess` gets the answer;
 * a refusal is shown beside the fields it names and returned as `error`.
 */
export function useMemberMutation<V, R>(form: FormInstance<V>, call: (v: V) => Promise<R>, onSuccess: (r: R) => void) {
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: call,
    onSuccess: (r) => {
      setError(null);
      form.resetFields();
      onSuccess(r);
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return { mutation, error, setError };
}

interface Props<V> {
  title: ReactNode;
  open: boolean;
  okText: string;
  busy: boolean;
  onCancel: () => void;
  /** What the modal says above the form. */
  intro: ReactNode;
  error: string | null;
  form: FormInstance<V>;
  onFinish: (v: V) => void;
  /** The form's starting values and when it checks them. */
  formProps?: { initialValues?: Partial<V>; validateTrigger?: string[] };
  okButtonProps?: ModalProps['okButtonProps'];
  destroyOnHidden?: boolean;
  children: ReactNode;
}

/** An organization admin's modal over a member form: its intro, the API's refusal, the fields, 取消 and the action. */
export default function MemberFormModal<V>(props: Props<V>) {
  const { title, open, okText, busy, onCancel, intro, error, form, onFinish, formProps, okButtonProps, destroyOnHidden, children } = props;
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ ...okButtonProps, loading: busy }}
      destroyOnHidden={destroyOnHidden}
    >
      {intro}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={onFinish} {...formProps}>
        {children}
      </Form>
    </Modal>
  );
}
