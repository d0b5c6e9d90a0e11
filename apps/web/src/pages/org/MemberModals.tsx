import { Form, Input, Radio } from 'antd';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { LOGIN_EMAIL_RULES, PERSON_NAME_RULES } from '../../components/person-rules';
import { newPasswordRules } from '../../components/password-rules';
import MemberFormModal, { useMemberMutation } from './MemberFormModal';
import { MUTED, ROLE_LABELS } from './org-fields';

type Member = components['schemas']['MemberViewDto'];
type AddMember = components['schemas']['AddMemberDto'];

/** The role a member is invited or added with; `described` says what each role may do. */
export function RoleField({ described }: { described?: boolean }) {
  return (
    <Form.Item name="role" label="角色" rules={described ? [{ required: true, message: '请选择角色' }] : undefined}>
      <Radio.Group
        options={[
          { value: 'member', label: described ? `${ROLE_LABELS.member}（发布需求和成果、参与对接）` : ROLE_LABELS.member },
          { value: 'admin', label: described ? `${ROLE_LABELS.admin}（另可管理成员、单位信息和 Webhook）` : ROLE_LABELS.admin },
        ]}
      />
    </Form.Item>
  );
}

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
  const { mutation: add, error } = useMemberMutation(
    form,
    async (v: AddMember) =>
      unwrap(
        await api.POST('/api/organizations/{id}/members', {
          params: { path: { id: organizationId } },
          body: { name: v.name.trim(), email: v.email.trim(), password: v.password, role: v.role },
        }),
      ),
    onAdded,
  );
  return (
    <MemberFormModal<AddMember>
      title="添加成员"
      open={open}
      onCancel={onClose}
      okText="添加"
      busy={add.isPending}
      intro={<p style={MUTED}>为本单位同事开通账号。请把初始密码告知对方，并提醒其登录后妥善保管。</p>}
      error={error}
      form={form}
      onFinish={(v) => add.mutate(v)}
      formProps={{ initialValues: { role: 'member' }, validateTrigger: ['onChange', 'onBlur'] }}
    >
      <Form.Item name="name" label="姓名" rules={PERSON_NAME_RULES}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label="邮箱（登录用）" rules={LOGIN_EMAIL_RULES}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="password"
        label="初始密码（至少 8 位，包含字母和数字）"
        rules={newPasswordRules({ required: '请设置初始密码', tooLong: '密码最多 128 位' })}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <RoleField described />
    </MemberFormModal>
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
  const {
    mutation: disable,
    error,
    setError,
  } = useMemberMutation(
    form,
    async (v: { reason?: string }) =>
      unwrap(
        await api.POST('/api/users/{id}/disable', {
          params: { path: { id: member?.id as string } },
          body: { reason: v.reason?.trim() || undefined },
        }),
      ),
    onDone,
  );
  return (
    <MemberFormModal<{ reason?: string }>
      title={`停用账号：${member?.name ?? ''}`}
      open={member !== null}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      okText="停用"
      okButtonProps={{ danger: true }}
      busy={disable.isPending}
      intro={<p>停用后该账号立即退出所有登录，且不能再登录；之后可以重新启用。</p>}
      error={error}
      form={form}
      onFinish={(v) => disable.mutate(v)}
    >
      <Form.Item name="reason" label="停用原因（选填）" rules={[{ max: 500, message: '最多 500 字' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </MemberFormModal>
  );
}
