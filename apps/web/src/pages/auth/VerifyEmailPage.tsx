import { Alert, Button, Card, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { ResendVerification } from './ResendVerification';
import { useLinkToken } from './link-token';

type State = { kind: 'working' } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

/** 验证邮箱: follows the e-mailed one-time link of a registration; the organization then goes to the bureau. */
export default function VerifyEmailPage() {
  const navigate = useNavigate();
  const { me, reload } = useSession();
  const token = useLinkToken();
  const [state, setState] = useState<State>(() =>
    token ? { kind: 'working' } : { kind: 'failed', message: '链接不完整，请从邮件中完整复制链接后打开' },
  );
  // The link works once: never sent twice (React runs effects twice in development).
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    void (async () => {
      try {
        const res = unwrap(await api.POST('/api/auth/email/verify', { body: { token } }));
        setState({ kind: 'done', message: res.message });
        if (me) await reload();
      } catch (err) {
        setState({ kind: 'failed', message: errorMessage(err) });
      }
    })();
  }, [token, me, reload]);

  return (
    <Card style={{ maxWidth: 480, margin: '40px auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        验证邮箱
      </Typography.Title>
      {state.kind === 'working' && <Spin tip="正在验证…" />}
      {state.kind === 'done' && (
        <>
          <Alert type="success" showIcon role="status" title="邮箱已验证" description={state.message} style={{ marginBottom: 16 }} />
          <Button type="primary" block onClick={() => navigate(me ? '/my/organization' : '/login', { replace: true })}>
            {me ? '查看我的单位' : '去登录'}
          </Button>
        </>
      )}
      {state.kind === 'failed' && (
        <>
          <Alert type="error" showIcon role="alert" title={state.message} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>可以重新发送验证邮件（此前的链接随即失效）：</Typography.Paragraph>
          <ResendVerification email={me?.user.email} />
        </>
      )}
    </Card>
  );
}
