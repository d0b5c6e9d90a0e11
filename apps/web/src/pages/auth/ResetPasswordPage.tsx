import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { applyApiErrors } from '../../components/api-errors';
import { NEW_PASSWORD_HINT, NEW_PASSWORD_RULES, sameAs } from '../../components/password-rules';

/** The link's token: in the fragment (`#token=…`, which no server sees), or in the query of a hand-made link. */
function tokenOf(hash: string, search: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? new URLSearchParams(search).get('token');
}

/** Sets a new password from an e-mailed (or, for the bureau's first admin, printed) one-time link. */
export default function ResetPasswordPage() {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenOf(location.hash, location.search));
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { password: string }) => {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      unwrap(await api.POST('/api/auth/password/reset', { body: { token, password: v.password } }));
      setDone(true);
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: '40px auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        设置新密码
      </Typography.Title>
      {done ? (
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            title="密码已设置"
            description="请使用新密码登录。为安全起见，该账号在所有设备上的登录均已退出。"
            style={{ marginBottom: 16 }}
          />
          <Button type="primary" block onClick={() => navigate('/login', { replace: true })}>
            去登录
          </Button>
        </>
      ) : !token ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="链接不完整"
          description={
            <>
              请从邮件中完整复制链接后打开，或<Link to="/password/forgot">重新申请重置密码</Link>。
            </>
          }
        />
      ) : (
        <>
          {error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={error}
              description={<Link to="/password/forgot">重新申请重置密码</Link>}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="password" label="新密码" extra={NEW_PASSWORD_HINT} rules={NEW_PASSWORD_RULES}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认新密码"
              dependencies={['password']}
              rules={[{ required: true, message: '请再次输入新密码' }, sameAs('password')]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              设置密码
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
