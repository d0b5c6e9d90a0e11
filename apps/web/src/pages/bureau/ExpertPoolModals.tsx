import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { applyApiErrors } from '../../components/api-errors';
import { ORG_KIND } from '../../components/labels';
import { useReference } from '../../components/reference';

/** Fields of expertise: the platform's industry fields as suggestions, finer specialties may be typed. */
export function ExpertFieldsSelect(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const ref = useReference();
  return (
    <Select
      {...props}
      mode="tags"
      aria-label="专业领域"
      placeholder="选择或输入专业领域（可多选）"
      tokenSeparators={[',', '，', '、']}
      options={(ref.data?.fields ?? []).map((f) => ({ value: f, label: f }))}
      maxCount={20}
    />
  );
}

export const FIELD_RULES = [
  { required: true, type: 'array' as const, min: 1, message: '请至少填写一个专业领域' },
  {
    validator: (_: unknown, v?: string[]) =>
      (v ?? []).every((f) => f.trim().length > 0 && f.length <= 50) ? Promise.resolve() : Promise.reject(new Error('每个领域不超过 50 字')),
  },
];

/** Sets a user's place in the pool (in, with fields; or out). */
export function useSetExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, isExpert, fields }: { userId: string; isExpert: boolean; fields: string[] }) =>
      unwrap(await api.POST('/api/users/{id}/expert', { params: { path: { id: userId } }, body: { isExpert, fields } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['experts'] }),
  });
}

interface AddValues {
  organizationId?: string;
  userId?: string;
  fields: string[];
}

/** Puts someone into the pool: pick their organization, then one of its members, then the fields. */
export function ExpertAddModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<AddValues>();
  const { message } = App.useApp();
  const [orgQ, setOrgQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const orgId = Form.useWatch('organizationId', form);
  const setExpert = useSetExpert();
  const orgs = useQuery({
    queryKey: ['organizations', 'expert-pick', orgQ],
    enabled: open,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/organizations', { params: { query: { q: orgQ || undefined, status: 'verified', page: 1, pageSize: 20 } } }),
      ),
  });
  const members = useQuery({
    queryKey: ['organization-members', orgId, 'expert-pick'],
    enabled: open && !!orgId,
    queryFn: async () =>
      unwrap(await api.GET('/api/organizations/{id}/members', { params: { path: { id: orgId! }, query: { page: 1, pageSize: 100 } } })),
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const user = await setExpert.mutateAsync({ userId: v.userId!, isExpert: true, fields: v.fields.map((f) => f.trim()) });
      message.success(`已将 ${user.name} 列入专家库`);
      form.resetFields();
      setError(null);
      onClose();
    } catch (err) {
      setError(applyApiErrors(form, err, { fields: 'fields' }));
    }
  };

  return (
    <Modal
      open={open}
      title="列入专家库"
      okText="列入专家库"
      cancelText="取消"
      onOk={() => void submit()}
      okButtonProps={{ loading: setExpert.isPending }}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ fields: [] }}>
        <Form.Item name="organizationId" label="所在单位" rules={[{ required: true, message: '请先选择单位' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setOrgQ }}
            aria-label="所在单位"
            placeholder="输入单位名称搜索"
            loading={orgs.isFetching}
            notFoundContent={orgs.isFetching ? '正在搜索…' : '没有找到已认证的单位'}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${ORG_KIND[o.kind] ?? o.kind}）` }))}
            onChange={() => form.setFieldValue('userId', undefined)}
          />
        </Form.Item>
        <Form.Item name="userId" label="单位成员" rules={[{ required: true, message: '请选择要列入专家库的成员' }]}>
          <Select
            aria-label="单位成员"
            placeholder={orgId ? '选择成员' : '请先选择单位'}
            disabled={!orgId}
            loading={members.isFetching}
            notFoundContent="该单位没有可选的成员"
            options={(members.data?.items ?? [])
              .filter((m) => m.active)
              .map((m) => ({ value: m.id, label: `${m.name}（${m.email}）${m.isExpert ? ' · 已在专家库' : ''}` }))}
            onChange={(id: string) => {
              const m = members.data?.items.find((x) => x.id === id);
              if (m?.isExpert) form.setFieldValue('fields', m.expertFields);
            }}
          />
        </Form.Item>
        <Form.Item name="fields" label="专业领域" rules={FIELD_RULES}>
          <ExpertFieldsSelect />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
    </Modal>
  );
}

/** Changes the fields of an expert already in the pool. */
export function ExpertFieldsModal({
  expert,
  onClose,
}: {
  expert: { userId: string; name: string; fields: string[] } | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ fields: string[] }>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const setExpert = useSetExpert();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !expert) return;
    try {
      await setExpert.mutateAsync({ userId: expert.userId, isExpert: true, fields: v.fields.map((f) => f.trim()) });
      message.success('专业领域已更新');
      setError(null);
      onClose();
    } catch (err) {
      setError(applyApiErrors(form, err));
    }
  };
  return (
    <Modal
      open={!!expert}
      title={`修改专业领域：${expert?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onOk={() => void submit()}
      okButtonProps={{ loading: setExpert.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ fields: expert?.fields ?? [] }} preserve={false}>
        <Form.Item name="fields" label="专业领域" rules={FIELD_RULES}>
          <ExpertFieldsSelect />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
    </Modal>
  );
}
