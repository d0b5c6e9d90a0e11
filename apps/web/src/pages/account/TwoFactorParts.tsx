import { Alert, App, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';

export type Enrolment = components['schemas']['TwoFactorEnrolmentDto'];

/** The 6-digit code field of every two-factor form. */
export function CodeField({ autoFocus = false }: { autoFocus?: boolean }) {
  return (
    <Form.Item
      name="code"
      label="验证码"
      extra="打开验证器应用，输入其中显示的 6 位数字"
      rules={[
        { required: true, message: '请输入验证码' },
        { pattern: /^\s*\d{3}\s*\d{3}\s*$/, message: '请输入 6 位数字验证码' },
      ]}
    >
      <Input inputMode="numeric" autoComplete="one-time-code" maxLength={7} autoFocus={autoFocus} style={{ maxWidth: 200 }} />
    </Form.Item>
  );
}

/** The secret in groups of four, easier to type into an app by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Setting up an authenticator app: scan the QR code (or type the secret), then prove it with the
 * first code. `confirm` throws the API's refusal, shown beside the field.
 */
export function TotpSetup({ enrolment, confirm }: { enrolment: Enrolment; confirm: (code: string) => Promise<void> }) {
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await confirm(v.code.replace(/\s+/g, ''));
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph>
        1. 在手机上安装验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP 或腾讯身份验证器），用它扫描下面的二维码。
      </Typography.Paragraph>
      <img src={enrolment.qrDataUrl} alt="两步验证二维码" width={200} height={200} style={{ display: 'block', marginBottom: 8 }} />
      <Typography.Paragraph>
        无法扫码？在应用中选择手动输入，账号填写登录邮箱，密钥填写：
        <br />
        <Typography.Text code copyable={{ text: enrolment.secret, tooltips: ['复制密钥', '已复制'] }} aria-label="密钥">
          {grouped(enrolment.secret)}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>2. 输入应用中显示的 6 位验证码，完成开启。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <CodeField />
        <Button type="primary" htmlType="submit" loading={busy}>
          验证并开启
        </Button>
      </Form>
    </>
  );
}

/**
 * Recovery codes, shown once: copy or download them, and say they are kept before going on.
 */
export function RecoveryCodes({ codes, doneText, onDone }: { codes: string[]; doneText: string; onDone: () => void | Promise<void> }) {
  const { message } = App.useApp();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const text = `科技成果转化平台 两步验证恢复码（每个只能使用一次）\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      message.success('恢复码已复制');
    } catch {
      message.error('无法访问剪贴板，请下载或手动抄写');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = '科技成果转化平台-恢复码.txt';
    a.click();
    URL.revokeObjectURL(url);
  };

  const done = async () => {
    setBusy(true);
    try {
      await onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="请妥善保存以下恢复码"
        description="手机丢失或无法使用验证器时，可用恢复码代替验证码登录。每个恢复码只能使用一次；恢复码仅显示这一次。"
      />
      <ol aria-label="恢复码" style={{ columns: 2, fontFamily: 'monospace', fontSize: 15, maxWidth: 360 }}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button onClick={() => void copy()}>复制恢复码</Button>
        <Button onClick={download}>下载恢复码</Button>
      </Space>
      <div style={{ marginBottom: 16 }}>
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
          我已保存恢复码
        </Checkbox>
      </div>
      <Button type="primary" disabled={!saved} loading={busy} onClick={() => void done()}>
        {doneText}
      </Button>
    </>
  );
}
