import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';
import { RegionCascader } from '../../components/reference';
import { creditCodeMessage } from '../../components/credit-code';
import { MUTED, text } from './org-fields';

type Organization = components['schemas']['OrganizationDetailDto'];
type Body = components['schemas']['UpdateOrganizationDto'];

interface Values {
  name?: string;
  creditCode?: string;
  region?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  description?: string;
}

/**
 * Edits the organization (admins only). Contact details and the description always; the name,
 * credit code and region only before verification — after it, only the bureau changes them.
 * For a rejected organization, saving sends it back to the bureau's queue (the API resubmits it).
 */
export function OrgEditModal({
  organization: o,
  open,
  onClose,
  onSaved,
}: {
  organization: Organization;
  open: boolean;
  onClose: () => void;
  onSaved: (o: Organization) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const identityEditable = o.status !== 'verified';
  const resubmit = o.status === 'rejected';

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body: Body = {
        contactName: v.contactName?.trim() ?? '',
        contactPhone: v.contactPhone?.trim() || undefined,
        contactEmail: v.contactEmail?.trim() || undefined,
        description: v.description?.trim() ?? '',
      };
      if (identityEditable) {
        body.name = v.name?.trim();
        body.region = v.region;
        body.creditCode = v.creditCode?.trim() || undefined;
      }
      return unwrap(await api.PATCH('/api/organizations/{id}', { params: { path: { id: o.id } }, body }));
    },
    onSuccess: (saved) => {
      setError(null);
      onSaved(saved);
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });

  return (
    <Modal
      title={resubmit ? '修改单位信息并重新提交认证' : '修改单位信息'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={resubmit ? '保存并重新提交认证' : '保存'}
      cancelText="取消"
      okButtonProps={{ loading: save.isPending }}
      width={640}
    >
      {resubmit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`科技局未通过认证的原因：${text(o.rejectReason) ?? '未写明原因'}`}
          description="请按原因修改后保存，单位将重新进入科技局的认证队列。"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        validateTrigger={['onChange', 'onBlur']}
        initialValues={{
          name: o.name,
          creditCode: text(o.creditCode) ?? undefined,
          region: o.region,
          contactName: text(o.contactName) ?? undefined,
          contactPhone: text(o.contactPhone) ?? undefined,
          contactEmail: text(o.contactEmail) ?? undefined,
          description: text(o.description) ?? undefined,
        }}
      >
        {identityEditable ? (
          <>
            <Form.Item
              name="name"
              label="单位名称"
              rules={[
                { required: true, whitespace: true, message: '请输入单位名称' },
                { max: 100, message: '最多 100 字' },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="creditCode"
              label={o.kind === 'enterprise' ? '统一社会信用代码' : '统一社会信用代码（选填）'}
              normalize={(v?: string) => v?.toUpperCase()}
              rules={[
                { required: o.kind === 'enterprise', message: '企业须填写统一社会信用代码' },
                {
                  validator: async (_r, value?: string) => {
                    if (!value) return;
                    const message = creditCodeMessage(value);
                    if (message) throw new Error(message);
                  },
                },
              ]}
            >
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="region" label="所在地" rules={[{ required: true, message: '请选择所在地' }]}>
              <RegionCascader />
            </Form.Item>
          </>
        ) : (
          <p style={MUTED}>单位已通过认证，名称、统一社会信用代码和所在地不能自行修改，如需变更请联系科技局。</p>
        )}
        <Form.Item name="contactName" label="联系人" rules={[{ max: 50, message: '最多 50 字' }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label="联系电话"
          rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '不是有效的电话号码（5–20 位数字，可含 +、- 和空格）' }]}
        >
          <Input autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="contactEmail"
          label="联系邮箱"
          rules={[
            { type: 'email', message: '邮箱格式不正确' },
            { max: 200, message: '最多 200 字符' },
          ]}
        >
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item name="description" label="单位简介" rules={[{ max: 2000, message: '最多 2000 字' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
