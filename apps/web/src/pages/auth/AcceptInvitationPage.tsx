import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { applyApiErrors } from '../../components/api-errors';
import { NEW_PASSWORD_HINT, NEW_PASSWORD_RULES, sameAs } from '../../components/password-rules';

/** The link's token: in the fragment (`#token=…`, which no server sees), or in the query of a hand-made link. */
function tokenOf(hash: string, search: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? new URLSearchParams(search).get('token');
}

/** 接受邀请: the invitee of an organization sets their name and password from the e-mailed link, then is signed in. */
export default function AcceptInvitationPage() {
  const [form] = Form.useForm<{ name: string; password: string; confirm: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [token] = useState(() => tokenOf(location.hash, location.search));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { name: string; password: string }) => {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const res = unwrap(await api.POST('/api/auth/invitation/accept', { body: { token, name: v.name.trim(), password: v.password } }));
      await signIn(res.email, v.password);
      navigate('/my/organization', { replace: true });
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 440, margin: '40px auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        接受邀请
      </Typography.Title>
      {!token ? (
        <Alert type="error" showIcon role="alert" title="链接不完整" description="请从邀请邮件中完整复制链接后打开。" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">填写您的姓名并设置登录密码，即可加入邀请您的单位。</Typography.Paragraph>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="name"
              label="姓名"
              rules={[
                { required: true, whitespace: true, message: '请输入姓名' },
                { max: 50, message: '最多 50 字' },
              ]}
            >
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item name="password" label="登录密码" extra={NEW_PASSWORD_HINT} rules={NEW_PASSWORD_RULES}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认密码"
              dependencies={['password']}
              rules={[{ required: true, message: '请再次输入密码' }, sameAs('password')]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              加入单位
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
