import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { api, unwrap } from '../../api/client';
import { useFormSubmit } from '../../components/use-form-submit';
import NewPasswordFields from '../../components/NewPasswordFields';

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

  const { busy, error, submit } = useFormSubmit(form, async (v: Values) => {
    unwrap(await api.POST('/api/auth/password/change', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
    form.resetFields();
    message.success('密码已修改，其他设备上的登录已退出');
    await qc.invalidateQueries({ queryKey: ['auth', 'sessions'] });
  });

  return (
    <Card title="修改密码" style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 400 }}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" />
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
