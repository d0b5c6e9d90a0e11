import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession, type SecondStep } from '../../auth/session';
import { useFormSubmit } from '../../components/use-form-submit';
import NewPasswordFields from '../../components/NewPasswordFields';
import { PERSON_NAME_RULES } from '../../components/person-rules';
import { useLinkToken } from './link-token';
import TwoFactorLogin from './TwoFactorLogin';

/**
 * 接受邀请: the invitee of an organization sets their name and password from the e-mailed link, then is signed in
 * (through the second step first where the account must use two-factor sign-in, as bureau accounts may).
 */
export default function AcceptInvitationPage() {
  const [form] = Form.useForm<{ name: string; password: string; confirm: string }>();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const token = useLinkToken();
  const [secondStep, setSecondStep] = useState<SecondStep | null>(null);
  const proceed = () => navigate('/my/organization', { replace: true });

  const { busy, error, submit } = useFormSubmit(form, async (v: { name: string; password: string }) => {
    if (!token) return;
    const res = unwrap(await api.POST('/api/auth/invitation/accept', { body: { token, name: v.name.trim(), password: v.password } }));
    const next = await signIn(res.email, v.password);
    if (next) setSecondStep(next);
    else proceed();
  });

  if (secondStep) return <TwoFactorLogin step={secondStep} onSignedIn={proceed} onRestart={() => navigate('/login', { replace: true })} />;
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
            <Form.Item name="name" label="姓名" rules={PERSON_NAME_RULES}>
              <Input autoComplete="name" />
            </Form.Item>
            <NewPasswordFields label="登录密码" confirmNoun="密码" />
            <Button type="primary" htmlType="submit" block loading={busy}>
              加入单位
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
