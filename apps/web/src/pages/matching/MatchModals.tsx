import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors, errorMessage } from '../../components/api-errors';

type DismissBody = components['schemas']['DismissMatchDto'];

/** The API's fixed list of reasons (DismissMatchDto.reason); the other side sees the one chosen. */
const DISMISS_REASONS: DismissBody['reason'][] = ['领域不符', '技术不成熟', '价格或预算不合适', '已有解决方案', '合作方式不合适', '其他'];

/** "不相关": a reason from the list (a note is required with 其他); the match is not suggested again. */
export function DismissModal({
  matchId,
  title,
  onClose,
  onDone,
}: {
  matchId: string | null;
  title: string;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<DismissBody>();
  const reason = Form.useWatch('reason', form);
  const [error, setError] = useState<string | null>(null);
  const dismiss = useMutation({
    mutationFn: async (body: DismissBody) =>
      unwrap(await api.POST('/api/matches/{id}/dismiss', { params: { path: { id: matchId as string } }, body })),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title="标记为不相关"
      open={!!matchId}
      okText="确认标记"
      cancelText="取消"
      okButtonProps={{ loading: dismiss.isPending }}
      onOk={() =>
        form
          .validateFields()
          .then((v) => {
            setError(null);
            dismiss.mutate({ reason: v.reason, note: v.note?.trim() || undefined });
          })
          .catch(() => undefined)
      }
      onCancel={() => {
        setError(null);
        onClose();
      }}
      forceRender
    >
      <Typography.Paragraph>“{title}”将不再推荐给你，所选原因对方可以看到，帮助对方改进。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请选择原因' }]}>
          <Select placeholder="选择原因" options={DISMISS_REASONS.map((r) => ({ value: r, label: r }))} data-testid="dismiss-reason" />
        </Form.Item>
        <Form.Item
          name="note"
          label={reason === '其他' ? '补充说明' : '补充说明（选填）'}
          rules={[
            { required: reason === '其他', whitespace: true, message: '选择“其他”时请写明原因' },
            { max: 500, message: '不能超过 500 个字符' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "发起对接": a message to the other side; the engagement is created from the match and opened. */
export function EngageModal({ matchId, title, onClose }: { matchId: string | null; title: string; onClose(): void }) {
  const [form] = Form.useForm<{ message: string }>();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const engage = useMutation({
    mutationFn: async (message: string) => unwrap(await api.POST('/api/engagements', { body: { matchId: matchId as string, message } })),
    onSuccess: (e) => {
      form.resetFields();
      navigate(`/engagements/${e.id}`);
    },
    onError: (err) => setError(applyApiErrors(form, err) ?? errorMessage(err)),
  });
  const cancel = () => {
    setError(null);
    onClose();
  };
  const send = () =>
    form
      .validateFields()
      .then((v) => {
        setError(null);
        engage.mutate(v.message.trim());
      })
      .catch(() => undefined);
  return (
    <Modal
      title="发起对接"
      open={!!matchId}
      onCancel={cancel}
      footer={[
        <Button key="cancel" onClick={cancel}>
          取消
        </Button>,
        <Button key="send" type="primary" loading={engage.isPending} onClick={send} data-testid="engagement-send">
          发送对接请求
        </Button>,
      ]}
      forceRender
    >
      <Typography.Paragraph>向“{title}”的发布单位发送对接请求。对方接受后，双方可以看到彼此的联系人。</Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} action={<Link to="/engagements">查看我的对接</Link>} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="message"
          label="给对方的留言"
          extra="简要说明本单位的情况、感兴趣的原因和希望的合作方式"
          rules={[
            { required: true, whitespace: true, message: '请填写留言' },
            { max: 2000, message: '不能超过 2000 个字符' },
          ]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid="engagement-message" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
