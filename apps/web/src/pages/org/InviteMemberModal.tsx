import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';
import { MUTED, ROLE_LABELS } from './org-fields';

type Member = components['schemas']['MemberViewDto'];
type Invite = components['schemas']['InviteMemberDto'];

/** An admin invites a colleague by e-mail; the colleague sets their own name and password from the link. */
export function InviteMemberModal({
  organizationId,
  open,
  onClose,
  onInvited,
}: {
  organizationId: string;
  open: boolean;
  onClose: () => void;
  onInvited: (m: Member) => void;
}) {
  const [form] = Form.useForm<Invite>();
  const [error, setError] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: async (v: Invite) =>
      unwrap(
        await api.POST('/api/organizations/{id}/invitations', {
          params: { path: { id: organizationId } },
          body: { email: v.email.trim(), name: v.name?.trim() || undefined, role: v.role },
        }),
      ),
    onSuccess: (m) => {
      setError(null);
      form.resetFields();
      onInvited(m);
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title="邀请成员"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="发送邀请"
      cancelText="取消"
      okButtonProps={{ loading: invite.isPending }}
      // A closed modal keeps its last render (antd): gone when hidden, no stale spinner stays in the page.
      destroyOnHidden
    >
      <p style={MUTED}>我们会向对方发送邀请邮件，链接 7 天内有效；对方填写姓名、设置密码后即加入本单位。未接受前可随时撤销。</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => invite.mutate(v)}
        initialValues={{ role: 'member' }}
        validateTrigger={['onChange', 'onBlur']}
      >
        <Form.Item
          name="email"
          label="对方邮箱（登录用）"
          rules={[
            { required: true, message: '请输入邮箱' },
            { type: 'email', message: '邮箱格式不正确' },
            { max: 200, message: '最多 200 字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label="对方姓名（选填，对方可自行填写）" rules={[{ max: 50, message: '最多 50 字' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Radio.Group
            options={[
              { value: 'member', label: ROLE_LABELS.member },
              { value: 'admin', label: ROLE_LABELS.admin },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
