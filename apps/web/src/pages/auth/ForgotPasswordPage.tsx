import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useFormSubmit } from '../../components/use-form-submit';

/** 忘记密码: asks for a one-time link by e-mail. The answer is the same whether the address has an account. */
export default function ForgotPasswordPage() {
  const [form] = Form.useForm<{ email: string }>();
  const location = useLocation();
  const [sent, setSent] = useState<string | null>(null);
  const typed = (location.state as { email?: string } | null)?.email ?? '';

  const { busy, error, submit } = useFormSubmit(form, async (v: { email: string }) => {
    const res = unwrap(await api.POST('/api/auth/password/forgot', { body: { email: v.email } }));
    setSent(res.message);
  });

  return (
    <Card style={{ maxWidth: 420, margin: '40px auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        找回密码
      </Typography.Title>
      {sent ? (
        <Alert type="success" showIcon title="请查收邮件" description={sent} role="status" style={{ marginBottom: 16 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            请输入登录用的邮箱。我们会向该邮箱发送重置密码的链接，链接 30 分钟内有效，只能使用一次。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ email: typed }}>
            <Form.Item
              name="email"
              label="邮箱"
              rules={[
                { required: true, message: '请输入邮箱' },
                { type: 'email', message: '邮箱格式不正确' },
              ]}
            >
              <Input autoComplete="username" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              发送重置链接
            </Button>
          </Form>
        </>
      )}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        想起密码了？<Link to="/login">返回登录</Link>
      </Typography.Paragraph>
    </Card>
  );
}
