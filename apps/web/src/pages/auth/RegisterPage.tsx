import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';
import { creditCodeMessage } from '../../components/credit-code';
import { NEW_PASSWORD_HINT, NEW_PASSWORD_RULES } from '../../components/password-rules';
import { RegionCascader } from '../../components/reference';
import { ResendVerification } from './ResendVerification';

type RegisterBody = components['schemas']['RegisterDto'];

export default function RegisterPage() {
  const [form] = Form.useForm<RegisterBody>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<{ email: string; message: string } | null>(null);

  const submit = async (v: RegisterBody) => {
    setBusy(true);
    setError(null);
    try {
      const res = unwrap(await api.POST('/api/auth/register', { body: { ...v, creditCode: v.creditCode || undefined } }));
      setReceived({ email: v.email, message: res.message });
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  if (received) {
    return (
      <Card style={{ maxWidth: 560, margin: '24px auto' }}>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          请查收验证邮件
        </Typography.Title>
        <Alert
          type="success"
          showIcon
          role="status"
          title={`已发送到 ${received.email}`}
          description={received.message}
          style={{ marginBottom: 16 }}
        />
        <Typography.Paragraph>没有收到？可以重新发送（此前的链接随即失效）：</Typography.Paragraph>
        <ResendVerification email={received.email} compact />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          验证后即可<Link to="/login">登录</Link>查看认证进度。
        </Typography.Paragraph>
      </Card>
    );
  }

  return (
    <Card style={{ maxWidth: 560, margin: '24px auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        注册单位
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        企业、高校和科研院所均可注册。注册后请打开验证邮件中的链接验证邮箱，单位随即提交科技局认证，认证通过即可发布需求或成果、发起对接和揭榜。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'enterprise' }} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Radio.Group
            options={[
              { value: 'enterprise', label: '企业' },
              { value: 'university', label: '高校' },
              { value: 'institute', label: '科研院所' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="organizationName"
          label="单位名称"
          rules={[{ required: true, whitespace: true, message: '请输入单位名称' }, { max: 100 }]}
        >
          <Input placeholder="与营业执照或法人证书一致" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          extra={kind === 'enterprise' ? '企业必填，18 位' : '选填'}
          rules={[
            { required: kind === 'enterprise', message: '企业须填写统一社会信用代码' },
            {
              validator: async (_r, value?: string) => {
                if (!value) return;
                const message = creditCodeMessage(value);
                if (message) throw new Error(message);
              },
            },
          ]}
          normalize={(v?: string) => v?.toUpperCase()}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="region" label="所在地" rules={[{ required: true, message: '请选择所在地' }]}>
          <RegionCascader />
        </Form.Item>
        <Form.Item name="name" label="联系人姓名" rules={[{ required: true, whitespace: true, message: '请输入联系人姓名' }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="email"
          label="邮箱（登录用）"
          rules={[
            { required: true, message: '请输入邮箱' },
            { type: 'email', message: '邮箱格式不正确' },
          ]}
        >
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item name="password" label="密码" extra={NEW_PASSWORD_HINT} rules={NEW_PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input autoComplete="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          注册
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        已有账号？<Link to="/login">登录</Link>
      </Typography.Paragraph>
    </Card>
  );
}
