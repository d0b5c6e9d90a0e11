import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';
import { MUTED, ROLE_LABELS } from './org-fields';

type Member = components['schemas']['MemberViewDto'];
type AddMember = components['schemas']['AddMemberDto'];

/** An admin adds an account to the organization: name, e-mail, initial password, role. */
export function AddMemberModal({
  organizationId,
  open,
  onClose,
  onAdded,
}: {
  organizationId: string;
  open: boolean;
  onClose: () => void;
  onAdded: (m: Member) => void;
}) {
  const [form] = Form.useForm<AddMember>();
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: async (v: AddMember) =>
      unwrap(
        await api.POST('/api/organizations/{id}/members', {
          params: { path: { id: organizationId } },
          body: { name: v.name.trim(), email: v.email.trim(), password: v.password, role: v.role },
        }),
      ),
    onSuccess: (m) => {
      setError(null);
      form.resetFields();
      onAdded(m);
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title="添加成员"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="添加"
      cancelText="取消"
      okButtonProps={{ loading: add.isPending }}
    >
      <p style={MUTED}>为本单位同事开通账号。请把初始密码告知对方，并提醒其登录后妥善保管。</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => add.mutate(v)}
        initialValues={{ role: 'member' }}
        validateTrigger={['onChange', 'onBlur']}
      >
        <Form.Item
          name="name"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '最多 50 字' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label="邮箱（登录用）"
          rules={[
            { required: true, message: '请输入邮箱' },
            { type: 'email', message: '邮箱格式不正确' },
            { max: 200, message: '最多 200 字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码（至少 8 位，包含字母和数字）"
          rules={[
            { required: true, message: '请设置初始密码' },
            { min: 8, message: '密码至少 8 位' },
            { max: 128, message: '密码最多 128 位' },
            { pattern: /[A-Za-z]/, message: '密码须包含字母' },
            { pattern: /\d/, message: '密码须包含数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Radio.Group
            options={[
              { value: 'member', label: `${ROLE_LABELS.member}（发布需求和成果、参与对接）` },
              { value: 'admin', label: `${ROLE_LABELS.admin}（另可管理成员、单位信息和 Webhook）` },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Disables an account (it is signed out at once); the reason is optional for the organization's own admins. */
export function DisableMemberModal({
  member,
  onClose,
  onDone,
}: {
  member: Member | null;
  onClose: () => void;
  onDone: (m: Member) => void;
}) {
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const disable = useMutation({
    mutationFn: async (v: { reason?: string }) =>
      unwrap(
        await api.POST('/api/users/{id}/disable', {
          params: { path: { id: member?.id as string } },
          body: { reason: v.reason?.trim() || undefined },
        }),
      ),
    onSuccess: (m) => {
      setError(null);
      form.resetFields();
      onDone(m);
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title={`停用账号：${member?.name ?? ''}`}
      open={member !== null}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText="停用"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: disable.isPending }}
    >
      <p>停用后该账号立即退出所有登录，且不能再登录；之后可以重新启用。</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => disable.mutate(v)}>
        <Form.Item name="reason" label="停用原因（选填）" rules={[{ max: 500, message: '最多 500 字' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
