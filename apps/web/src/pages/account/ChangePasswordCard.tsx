import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { applyApiErrors } from '../../components/api-errors';
import { NEW_PASSWORD_HINT, NEW_PASSWORD_RULES, sameAs } from '../../components/password-rules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the password with the current one; the API ends the other devices' sessions and keeps this one. */
export function ChangePasswordCard() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      unwrap(await api.POST('/api/auth/password/change', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
      form.resetFields();
      message.success('密码已修改，其他设备上的登录已退出');
      await qc.invalidateQueries({ queryKey: ['auth', 'sessions'] });
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="修改密码" style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 400 }}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra={NEW_PASSWORD_HINT} rules={NEW_PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, sameAs('newPassword')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
