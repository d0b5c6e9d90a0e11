import { Form, Input } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { LOGIN_EMAIL_RULES } from '../../components/person-rules';
import MemberFormModal, { useMemberMutation } from './MemberFormModal';
import { MUTED } from './org-fields';
import { RoleField } from './MemberModals';

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
  const { mutation: invite, error } = useMemberMutation(
    form,
    async (v: Invite) =>
      unwrap(
        await api.POST('/api/organizations/{id}/invitations', {
          params: { path: { id: organizationId } },
          body: { email: v.email.trim(), name: v.name?.trim() || undefined, role: v.role },
        }),
      ),
    onInvited,
  );
  return (
    <MemberFormModal<Invite>
      title="邀请成员"
      open={open}
      onCancel={onClose}
      okText="发送邀请"
      busy={invite.isPending}
      // A closed modal keeps its last render (antd): gone when hidden, no stale spinner stays in the page.
      destroyOnHidden
      intro={<p style={MUTED}>我们会向对方发送邀请邮件，链接 7 天内有效；对方填写姓名、设置密码后即加入本单位。未接受前可随时撤销。</p>}
      error={error}
      form={form}
      onFinish={(v) => invite.mutate(v)}
      formProps={{ initialValues: { role: 'member' }, validateTrigger: ['onChange', 'onBlur'] }}
    >
      <Form.Item name="email" label="对方邮箱（登录用）" rules={LOGIN_EMAIL_RULES}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label="对方姓名（选填，对方可自行填写）" rules={[{ max: 50, message: '最多 50 字' }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <RoleField />
    </MemberFormModal>
  );
}
