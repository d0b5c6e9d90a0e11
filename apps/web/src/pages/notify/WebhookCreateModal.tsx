import { CopyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';
import { EVENT_LABELS, MUTED, SUBSCRIBABLE_EVENTS, type SubscribableEventType } from './event-labels';

type Registered = components['schemas']['RegisteredWebhookDto'];

interface Values {
  url: string;
  description?: string;
  eventTypes?: SubscribableEventType[];
}

const EVENT_OPTIONS = SUBSCRIBABLE_EVENTS.map((code) => ({
  value: code,
  label: `${EVENT_LABELS[code].group}：${EVENT_LABELS[code].label}`,
}));

/** Registers a URL; the answer carries the signing secret, shown in `SecretModal` once. */
export function WebhookCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (w: Registered) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.POST('/api/webhooks', {
          body: {
            url: v.url.trim(),
            description: v.description?.trim() || undefined,
            eventTypes: v.eventTypes?.length ? v.eventTypes : undefined,
          },
        }),
      ),
    onSuccess: (w) => {
      setError(null);
      form.resetFields();
      onCreated(w);
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title="登记 Webhook 地址"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending }}
      width={640}
    >
      <Typography.Paragraph style={MUTED}>
        平台会在所选事件发生时向该地址发送 POST 请求（JSON），并用签名密钥对请求签名。连续投递失败的地址会被自动停用。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item
          name="url"
          label="接收地址（URL）"
          rules={[
            { required: true, whitespace: true, message: '请填写接收地址' },
            { pattern: /^https?:\/\/\S+$/i, message: '请填写以 http:// 或 https:// 开头的网址' },
            { max: 2000, message: '网址过长' },
          ]}
        >
          <Input inputMode="url" autoComplete="url" />
        </Form.Item>
        <Form.Item name="description" label="说明（选填）" rules={[{ max: 200, message: '最多 200 字' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="eventTypes" label="接收的事件" extra={<span style={MUTED}>不选则接收所有事件</span>}>
          <Select mode="multiple" allowClear options={EVENT_OPTIONS} showSearch={{ optionFilterProp: 'label' }} aria-label="接收的事件" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The signing secret, which the API shows this one time only. */
export function SecretModal({ webhook, onClose }: { webhook: Registered | null; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!webhook) return;
    try {
      await navigator.clipboard.writeText(webhook.secret);
      message.success('签名密钥已复制');
    } catch {
      message.error('无法自动复制，请手动选中密钥复制');
    }
  };
  return (
    <Modal
      title="Webhook 已登记"
      open={webhook !== null}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已保存密钥
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="签名密钥只显示这一次"
        description="关闭此窗口后将无法再次查看。请立即复制并保存到接收方系统中，用于验证请求签名；如遗失，只能删除该地址后重新登记。"
      />
      <Typography.Paragraph>
        地址：<Typography.Text code>{webhook?.url}</Typography.Text>
      </Typography.Paragraph>
      <label htmlFor="webhook-secret">签名密钥</label>
      <Input.TextArea
        id="webhook-secret"
        readOnly
        value={webhook?.secret}
        autoSize
        data-testid="webhook-secret"
        onFocus={(e) => e.target.select()}
      />
      <Button icon={<CopyOutlined />} onClick={() => void copy()} style={{ marginTop: 8 }} data-testid="webhook-secret-copy">
        复制密钥
      </Button>
    </Modal>
  );
}
