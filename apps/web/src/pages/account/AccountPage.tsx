import { Alert, Card, Descriptions, Typography } from 'antd';
import { useSession } from '../../auth/session';
import { ORG_KIND } from '../../components/labels';
import { ResendVerification } from '../auth/ResendVerification';
import { ChangePasswordCard } from './ChangePasswordCard';
import { SessionsCard } from './SessionsCard';
import { TwoFactorCard } from './TwoFactorCard';

/** 账号与安全: who is signed in, the password, two-factor sign-in, and the devices signed in. */
export default function AccountPage() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        账号与安全
      </Typography.Title>
      {!me.user.emailVerified && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="登录邮箱尚未验证"
          description={
            <>
              <Typography.Paragraph>请打开注册时收到的验证邮件中的链接；验证后单位才会提交科技局认证。</Typography.Paragraph>
              <ResendVerification email={me.user.email} compact />
            </>
          }
        />
      )}
      <Card title="账号" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'name', label: '姓名', children: me.user.name },
            { key: 'email', label: '登录邮箱', children: `${me.user.email}${me.user.emailVerified ? '' : '（未验证）'}` },
            { key: 'org', label: '单位', children: `${me.organization.name}（${ORG_KIND[me.organization.kind] ?? me.organization.kind}）` },
            { key: 'role', label: '角色', children: me.user.role === 'admin' ? '单位管理员' : '成员' },
          ]}
        />
      </Card>
      <ChangePasswordCard />
      <TwoFactorCard />
      <SessionsCard />
    </>
  );
}
