import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { applyApiErrors, errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { CodeField, RecoveryCodes, TotpSetup, type Enrolment } from './TwoFactorParts';

const STATUS_KEY = ['account', 'two-factor'];

/** What the card shows besides the status: setting up, new recovery codes, or a form in a dialog. */
type Panel = { kind: 'setup'; enrolment: Enrolment } | { kind: 'codes'; codes: string[] } | null;

/** 两步验证: turn sign-in with an authenticator app on or off, and make new recovery codes. */
export function TwoFactorCard() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [panel, setPanel] = useState<Panel>(null);
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);
  const [starting, setStarting] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: STATUS_KEY,
    queryFn: async () => unwrap(await api.GET('/api/account/two-factor')),
  });

  const start = async () => {
    setStarting(true);
    try {
      setPanel({ kind: 'setup', enrolment: unwrap(await api.POST('/api/account/two-factor/start')) });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setStarting(false);
    }
  };

  const confirm = async (code: string) => {
    const { recoveryCodes } = unwrap(await api.POST('/api/account/two-factor/confirm', { body: { code } }));
    setPanel({ kind: 'codes', codes: recoveryCodes });
    await qc.invalidateQueries({ queryKey: STATUS_KEY });
  };

  const body = () => {
    if (isLoading) return <Spin />;
    if (error || !data) return <Alert type="error" showIcon role="alert" title={errorMessage(error)} />;
    if (panel?.kind === 'setup') return <TotpSetup enrolment={panel.enrolment} confirm={confirm} />;
    if (panel?.kind === 'codes') {
      return (
        <RecoveryCodes
          codes={panel.codes}
          doneText="完成"
          onDone={() => {
            setPanel(null);
            message.success('两步验证已开启，恢复码请妥善保存');
          }}
        />
      );
    }
    return (
      <>
        {data.required && !data.enabled && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="科技局账号必须开启两步验证，下次登录时将要求开启" />
        )}
        <Descriptions
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'status',
              label: '状态',
              children: data.enabled ? (
                <Space>
                  <Tag color="green">已开启</Tag>
                  {data.enabledAt && `开启于 ${dateText(data.enabledAt)}`}
                </Space>
              ) : (
                <Tag>未开启</Tag>
              ),
            },
            ...(data.enabled ? [{ key: 'codes', label: '剩余恢复码', children: `${data.recoveryCodesLeft} 个` }] : []),
          ]}
        />
        {data.enabled ? (
          <Space wrap>
            <Button onClick={() => setDialog('regenerate')}>重新生成恢复码</Button>
            {!data.required && (
              <Button danger onClick={() => setDialog('disable')}>
                关闭两步验证
              </Button>
            )}
          </Space>
        ) : (
          <Button type="primary" loading={starting} onClick={() => void start()}>
            开启两步验证
          </Button>
        )}
      </>
    );
  };

  return (
    <Card title="两步验证" style={{ marginBottom: 16 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="开启后，登录时除密码外还需输入手机验证器应用上的 6 位验证码；即使密码泄露，他人也无法登录。"
      />
      {body()}
      {dialog && (
        <CodeDialog
          kind={dialog}
          onClose={() => setDialog(null)}
          onDone={async (codes) => {
            setDialog(null);
            if (codes) setPanel({ kind: 'codes', codes });
            else message.success('两步验证已关闭');
            await qc.invalidateQueries({ queryKey: STATUS_KEY });
          }}
        />
      )}
    </Card>
  );
}

interface DialogValues {
  code: string;
  password?: string;
}

/** New recovery codes (a code), or turning two-factor off (the password and a code). */
function CodeDialog({
  kind,
  onClose,
  onDone,
}: {
  kind: 'regenerate' | 'disable';
  onClose: () => void;
  onDone: (codes: string[] | null) => Promise<void>;
}) {
  const [form] = Form.useForm<DialogValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: DialogValues) => {
    setBusy(true);
    setError(null);
    const code = v.code.replace(/\s+/g, '');
    try {
      if (kind === 'regenerate') {
        const { recoveryCodes } = unwrap(await api.POST('/api/account/two-factor/recovery-codes/regenerate', { body: { code } }));
        await onDone(recoveryCodes);
      } else {
        unwrap(await api.POST('/api/account/two-factor/disable', { body: { code, password: v.password ?? '' } }));
        await onDone(null);
      }
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={kind === 'regenerate' ? '重新生成恢复码' : '关闭两步验证'}
      okText={kind === 'regenerate' ? '生成' : '关闭两步验证'}
      okButtonProps={{ danger: kind === 'disable', loading: busy }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type={kind === 'regenerate' ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        title={kind === 'regenerate' ? '生成后，原有的恢复码全部失效。' : '关闭后登录只需密码，账号安全性降低；原有恢复码全部失效。'}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        {kind === 'disable' && (
          <Form.Item name="password" label="登录密码" rules={[{ required: true, message: '请输入登录密码' }]}>
            <Input.Password autoComplete="current-password" style={{ maxWidth: 300 }} />
          </Form.Item>
        )}
        <CodeField autoFocus />
      </Form>
    </Modal>
  );
}
