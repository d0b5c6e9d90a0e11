import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession, type SecondStep } from '../../auth/session';
import { applyApiErrors } from '../../components/api-errors';
import TwoFactorLogin from './TwoFactorLogin';

/** Only same-site paths are followed after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const [form] = Form.useForm<{ email: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const typedEmail = Form.useWatch('email', form);
  const [secondStep, setSecondStep] = useState<SecondStep | null>(null);
  const proceed = () => navigate(safeNext(params.get('next')), { replace: true });

  const submit = async (v: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const next = await signIn(v.email, v.password);
      if (next) setSecondStep(next);
      else proceed();
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  if (secondStep) return <TwoFactorLogin step={secondStep} onSignedIn={proceed} onRestart={() => setSecondStep(null)} />;
  return (
    <Card style={{ maxWidth: 420, margin: '40px auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        登录
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="email" label="邮箱" rules={[{ required: true, message: '请输入邮箱' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label="密码"
          rules={[{ required: true, message: '请输入密码' }]}
          extra={
            <Link to="/password/forgot" state={{ email: typedEmail ?? '' }}>
              忘记密码？
            </Link>
          }
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        还没有账号？<Link to="/register">注册单位</Link>
      </Typography.Paragraph>
    </Card>
  );
}
