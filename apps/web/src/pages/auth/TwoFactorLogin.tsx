import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiRequestError, unwrap } from '../../api/client';
import { useSession, type SecondStep } from '../../auth/session';
import { applyApiErrors, errorMessage } from '../../components/api-errors';
import { CodeField, RecoveryCodes, TotpSetup, type Enrolment } from '../account/TwoFactorParts';

interface Props {
  step: SecondStep;
  /** Signed in: go where the user was headed. */
  onSignedIn: () => void;
  /** The challenge ran out: back to the password. */
  onRestart: () => void;
}

const isExpired = (err: unknown): boolean => err instanceof ApiRequestError && err.body.error === 'TWO_FACTOR_CHALLENGE_EXPIRED';

/** The sign-in's second step: a code (or a recovery code), or turning two-factor on where it is required. */
export default function TwoFactorLogin({ step, onSignedIn, onRestart }: Props) {
  return (
    <Card style={{ maxWidth: 460, margin: '40px auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        两步验证
      </Typography.Title>
      {'twoFactorRequired' in step ? (
        <CodeStep challengeToken={step.challengeToken} onSignedIn={onSignedIn} onRestart={onRestart} />
      ) : (
        <EnrolStep challengeToken={step.challengeToken} onSignedIn={onSignedIn} onRestart={onRestart} />
      )}
    </Card>
  );
}

interface StepProps {
  challengeToken: string;
  onSignedIn: () => void;
  onRestart: () => void;
}

function Expired({ onRestart }: { onRestart: () => void }) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title="验证已过期，请重新登录"
      action={
        <Button size="small" onClick={onRestart}>
          重新登录
        </Button>
      }
    />
  );
}

function CodeStep({ challengeToken, onSignedIn, onRestart }: StepProps) {
  const [form] = Form.useForm<{ code?: string; recoveryCode?: string }>();
  const { adopt } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { code?: string; recoveryCode?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const factor = useRecovery ? { recoveryCode: v.recoveryCode ?? '' } : { code: (v.code ?? '').replace(/\s+/g, '') };
      const session = unwrap(await api.POST('/api/auth/login/two-factor', { body: { challengeToken, ...factor, useCookie: true } }));
      await adopt(session.accessToken);
      onSignedIn();
    } catch (err) {
      if (isExpired(err)) setExpired(true);
      else setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  if (expired) return <Expired onRestart={onRestart} />;
  return (
    <>
      <Typography.Paragraph>
        {useRecovery ? '请输入一个尚未使用过的恢复码。' : '该账号已开启两步验证，请输入验证器应用中显示的 6 位验证码。'}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        {useRecovery ? (
          <Form.Item name="recoveryCode" label="恢复码" rules={[{ required: true, message: '请输入恢复码' }]}>
            <Input autoComplete="off" autoFocus placeholder="xxxx-xxxx-xxxx" style={{ maxWidth: 240 }} />
          </Form.Item>
        ) : (
          <CodeField autoFocus />
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Typography.Link
          onClick={() => {
            setUseRecovery(!useRecovery);
            setError(null);
            form.resetFields();
          }}
        >
          {useRecovery ? '使用验证码' : '使用恢复码'}
        </Typography.Link>
      </Typography.Paragraph>
    </>
  );
}

function EnrolStep({ challengeToken, onSignedIn, onRestart }: StepProps) {
  const { adopt } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [done, setDone] = useState<{ accessToken: string; recoveryCodes: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const started = unwrap(await api.POST('/api/auth/login/two-factor/enrol/start', { body: { challengeToken } }));
        if (live) setEnrolment(started);
      } catch (err) {
        if (!live) return;
        if (isExpired(err)) setExpired(true);
        else setError(errorMessage(err));
      }
    })();
    return () => {
      live = false;
    };
  }, [challengeToken]);

  const confirm = async (code: string) => {
    try {
      const session = unwrap(
        await api.POST('/api/auth/login/two-factor/enrol/confirm', { body: { challengeToken, code, useCookie: true } }),
      );
      setDone({ accessToken: session.accessToken, recoveryCodes: session.recoveryCodes });
    } catch (err) {
      if (isExpired(err)) setExpired(true);
      else throw err;
    }
  };

  if (expired) return <Expired onRestart={onRestart} />;
  if (done) {
    return (
      <RecoveryCodes
        codes={done.recoveryCodes}
        doneText="继续"
        onDone={async () => {
          await adopt(done.accessToken);
          onSignedIn();
        }}
      />
    );
  }
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="科技局账号须开启两步验证后才能登录" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {enrolment ? <TotpSetup enrolment={enrolment} confirm={confirm} /> : !error && <Spin />}
    </>
  );
}
