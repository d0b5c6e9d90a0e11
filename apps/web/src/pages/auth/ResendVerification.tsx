import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useFormSubmit } from '../../components/use-form-submit';

/**
 * 重新发送验证邮件: a new one-time link to the address (the earlier ones stop working). The answer
 * is the same whether the address has an unverified account or not; too many requests are refused.
 */
export function ResendVerification({ email, compact = false }: { email?: string; compact?: boolean }) {
  const [form] = Form.useForm<{ email: string }>();
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, submit } = useFormSubmit(form, async (v: { email: string }) => {
    setSent(unwrap(await api.POST('/api/auth/email/verify/resend', { body: { email: v.email } })).message);
  });

  if (sent) return <Alert type="success" showIcon role="status" title="验证邮件已重新发送" description={sent} />;
  return (
    <Form
      form={form}
      layout={compact ? 'inline' : 'vertical'}
      onFinish={submit}
      requiredMark={false}
      initialValues={{ email: email ?? '' }}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12, width: '100%' }} />}
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="email"
          label={compact ? undefined : '注册邮箱'}
          hidden={compact && !!email}
          style={{ flex: 1, marginBottom: 0 }}
          rules={[
            { required: true, message: '请输入邮箱' },
            { type: 'email', message: '邮箱格式不正确' },
          ]}
        >
          <Input autoComplete="email" aria-label="注册邮箱" />
        </Form.Item>
        <Button htmlType="submit" loading={busy} style={compact ? undefined : { alignSelf: 'flex-end' }}>
          重新发送验证邮件
        </Button>
      </Space.Compact>
    </Form>
  );
}
