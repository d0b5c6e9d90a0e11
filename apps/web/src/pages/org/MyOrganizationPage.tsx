import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Spin, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { components } from '../../api/schema';
import { type Me, useSession } from '../../auth/session';
import { dateText, ORG_KIND, ORG_STATUS } from '../../components/labels';
import { MembersCard } from './MembersCard';
import { OrgEditModal } from './OrgEditModal';
import { MUTED, text } from './org-fields';
import { ReadableTag } from '../notify/ReadableTag';

type Organization = components['schemas']['OrganizationDetailDto'];

function VerificationNotice({ organization: o, isAdmin, onEdit }: { organization: Organization; isAdmin: boolean; onEdit: () => void }) {
  if (o.status === 'pending')
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="科技局正在审核本单位的认证申请"
        description="审核通过后即可提交需求和成果审核、发起对接和揭榜；结果会通过站内通知和邮件告知。审核期间可以先填写需求和成果草稿。"
      />
    );
  if (o.status === 'rejected')
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`认证未通过：${text(o.rejectReason) ?? '科技局未写明原因'}`}
        description={
          isAdmin ? '请按原因修改单位信息，保存后将重新提交科技局认证。' : '请联系本单位管理员按原因修改单位信息并重新提交认证。'
        }
        action={
          isAdmin && (
            <Button type="primary" onClick={onEdit} data-testid="org-resubmit">
              修改并重新提交
            </Button>
          )
        }
      />
    );
  return null;
}

export default function MyOrganizationPage() {
  const { me, isAdmin } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);

  if (!me) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const o = me.organization;
  const status = ORG_STATUS[o.status] ?? { label: o.status, color: 'default' };

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '单位名称', children: o.name },
    { key: 'kind', label: '单位类型', children: ORG_KIND[o.kind] ?? o.kind },
    { key: 'creditCode', label: '统一社会信用代码', children: text(o.creditCode) ?? '未填写' },
    { key: 'region', label: '所在地', children: o.region },
    {
      key: 'status',
      label: '认证状态',
      children: (
        <span>
          <ReadableTag color={status.color} testId="org-status">
            {status.label}
          </ReadableTag>
          {o.status === 'verified' && text(o.verifiedAt) && `认证时间：${dateText(text(o.verifiedAt))}`}
        </span>
      ),
    },
    { key: 'createdAt', label: '注册时间', children: dateText(o.createdAt) },
    { key: 'contactName', label: '联系人', children: text(o.contactName) ?? '未填写' },
    { key: 'contactPhone', label: '联系电话', children: text(o.contactPhone) ?? '未填写' },
    { key: 'contactEmail', label: '联系邮箱', children: text(o.contactEmail) ?? '未填写' },
    {
      key: 'description',
      label: '单位简介',
      span: 'filled',
      children: <div style={{ whiteSpace: 'pre-wrap' }}>{text(o.description) ?? '未填写'}</div>,
    },
  ];

  const saved = (updated: Organization) => {
    const wasRejected = o.status === 'rejected';
    setEditing(false);
    qc.setQueryData<Me>(['me'], (prev) => (prev ? { ...prev, organization: updated } : prev));
    void qc.invalidateQueries({ queryKey: ['me'] });
    message.success(wasRejected && updated.status === 'pending' ? '已保存并重新提交认证，请等待科技局审核' : '单位信息已保存');
  };

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        本单位
      </Typography.Title>
      <VerificationNotice organization={o} isAdmin={isAdmin} onEdit={() => setEditing(true)} />
      <Card
        title={o.name}
        style={{ marginBottom: 16 }}
        extra={
          isAdmin ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="org-edit">
              {o.status === 'verified' ? '修改联系信息' : '修改单位信息'}
            </Button>
          ) : (
            <span style={MUTED}>仅管理员可修改</span>
          )
        }
      >
        <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} />
        {o.status === 'verified' && (
          <Typography.Paragraph style={{ ...MUTED, marginTop: 12, marginBottom: 0 }}>
            公开主页：
            <Link style={{ textDecoration: 'underline' }} to={`/organizations/${o.id}`}>
              查看其他单位看到的本单位信息
            </Link>
          </Typography.Paragraph>
        )}
      </Card>
      <MembersCard organizationId={o.id} isAdmin={isAdmin} selfId={me.user.id} />
      {isAdmin && <OrgEditModal organization={o} open={editing} onClose={() => setEditing(false)} onSaved={saved} />}
    </div>
  );
}
