import { Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useFormSubmit } from '../../components/use-form-submit';
import NewPasswordFields from '../../components/NewPasswordFields';
import { useLinkToken } from './link-token';

/** Sets a new password from an e-mailed (or, for the bureau's first admin, printed) one-time link. */
export default function ResetPasswordPage() {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const navigate = useNavigate();
  const token = useLinkToken();
  const [done, setDone] = useState(false);

  const { busy, error, submit } = useFormSubmit(form, async (v: { password: string }) => {
    if (!token) return;
    unwrap(await api.POST('/api/auth/password/reset', { body: { token, password: v.password } }));
    setDone(true);
  });

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
            <NewPasswordFields />
            <Button type="primary" htmlType="submit" block loading={busy}>
              设置密码
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
