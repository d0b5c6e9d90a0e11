import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { applyApiErrors } from '../../components/api-errors';
import { DECLINE_REASONS, type DeclineReason, type Engagement, MUTED } from './EngagementParts';

interface ModalProps {
  engagement: Engagement;
  open: boolean;
  onClose: () => void;
  onDone: (updated: Engagement) => void;
}

/** 婉拒: a reason from the API's list (the other side sees it), with a note (required with 其他). */
export function DeclineModal({ engagement, open, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ reason: DeclineReason; note?: string }>();
  const reason = Form.useWatch('reason', form);
  const [error, setError] = useState<string | null>(null);
  const decline = useMutation({
    mutationFn: async (v: { reason: DeclineReason; note?: string }) =>
      unwrap(
        await api.POST('/api/engagements/{id}/decline', {
          params: { path: { id: engagement.id } },
          body: { reason: v.reason, note: v.note?.trim() ? v.note.trim() : undefined },
        }),
      ),
    onSuccess: (updated) => {
      setError(null);
      form.resetFields();
      onDone(updated);
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title="婉拒对接请求"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认婉拒"
      okButtonProps={{ danger: true, loading: decline.isPending }}
      cancelText="取消"
    >
      <p>请选择婉拒原因，对方会看到您选择的原因和补充说明。</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => decline.mutate(v)} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item name="reason" label="婉拒原因" rules={[{ required: true, message: '请选择婉拒原因' }]}>
          <Select options={DECLINE_REASONS.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label="补充说明"
          extra={<span style={MUTED}>{reason === '其他' ? '选择“其他”时须写明原因' : '选填'}</span>}
          rules={[
            { required: reason === '其他', whitespace: true, message: '选择“其他”时请写明原因' },
            { max: 500, message: '最多 500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 终止: either side ends the engagement with a written reason. */
export function AbandonModal({ engagement, open, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const abandon = useMutation({
    mutationFn: async (v: { reason: string }) =>
      unwrap(
        await api.POST('/api/engagements/{id}/abandon', {
          params: { path: { id: engagement.id } },
          body: { reason: v.reason.trim() },
        }),
      ),
    onSuccess: (updated) => {
      setError(null);
      form.resetFields();
      onDone(updated);
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title="终止对接"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认终止"
      okButtonProps={{ danger: true, loading: abandon.isPending }}
      cancelText="取消"
    >
      <p>终止后对接不能恢复。请写明原因，对方会收到通知。</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => abandon.mutate(v)} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item
          name="reason"
          label="终止原因"
          rules={[
            { required: true, whitespace: true, message: '请写明终止原因' },
            { max: 500, message: '最多 500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
