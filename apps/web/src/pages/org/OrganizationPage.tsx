import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dayText, ORG_KIND, ORG_STATUS } from '../../components/labels';
import { isMissing } from '../catalog/PublicItemParts';
import PublicOrgLists from '../catalog/PublicOrgLists';
import PublicTheme from '../catalog/PublicTheme';

/** The API types some optional text as `object`: shown as text when present. */
const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** The public profile of an organization, with what it has published. */
export default function OrganizationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const {
    data: org,
    error,
    refetch,
  } = useQuery({
    queryKey: ['organization', id],
    queryFn: async () => unwrap(await api.GET('/api/organizations/{id}', { params: { path: { id } } })),
  });

  useEffect(() => {
    if (org) document.title = `${org.name} - 科技成果转化供需对接平台`;
  }, [org]);

  if (!org) {
    if (!error) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (isMissing(error))
      return (
        <PublicTheme>
          <Result
            status="404"
            title={<h1 style={{ fontSize: 24, margin: 0 }}>该单位不存在或无权查看</h1>}
            subTitle="只有通过科技局认证的单位才公开展示。"
            extra={
              <Button type="primary" onClick={() => navigate('/')}>
                返回首页
              </Button>
            }
          />
        </PublicTheme>
      );
    return (
      <Alert
        type="error"
        showIcon
        title="单位信息加载失败"
        description={errorMessage(error)}
        action={
          <Button size="small" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    );
  }

  const status = ORG_STATUS[org.status];
  // The API answers the detailed view (with contacts) only to the organization itself and the bureau.
  const contact =
    'contactName' in org ? { name: text(org.contactName), phone: text(org.contactPhone), email: text(org.contactEmail) } : null;
  const description = text(org.description);
  const own = me?.organization.id === org.id;

  return (
    <PublicTheme>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {org.name}
        </Typography.Title>
        <Tag color="blue">{ORG_KIND[org.kind] ?? org.kind}</Tag>
        {status && <Tag color={status.color}>{status.label}</Tag>}
        {own && <Link to="/my/organization">管理本单位信息</Link>}
      </Flex>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>单位信息</h2>} size="small">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'kind', label: '单位类型', children: ORG_KIND[org.kind] ?? org.kind },
            { key: 'region', label: '所在地', children: org.region },
            {
              key: 'status',
              label: '认证状态',
              children: `${status?.label ?? org.status}${org.status === 'verified' && text(org.verifiedAt) ? `（${dayText(text(org.verifiedAt))} 通过科技局认证）` : ''}`,
            },
            { key: 'credit', label: '统一社会信用代码', children: text(org.creditCode) ?? '—' },
            {
              key: 'desc',
              label: '单位简介',
              span: 'filled',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{description ?? '该单位尚未填写简介。'}</span>,
            },
          ]}
        />
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>联系方式</h2>} size="small" style={{ marginTop: 16 }}>
        {contact && (contact.name || contact.phone || contact.email) ? (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 'name', label: '联系人', children: contact.name ?? '—' },
              { key: 'phone', label: '联系电话', children: contact.phone ?? '—' },
              { key: 'email', label: '联系邮箱', children: contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—' },
            ]}
          />
        ) : (
          <Typography.Paragraph style={{ margin: 0 }}>
            单位联系方式仅对本单位和科技局可见。如需联系，请在该单位发布的需求或成果页面登录并发起对接。
          </Typography.Paragraph>
        )}
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>发布的需求与成果</h2>} size="small" style={{ marginTop: 16 }}>
        <PublicOrgLists organizationId={org.id} needsFirst={org.kind === 'enterprise'} />
      </Card>
    </PublicTheme>
  );
}
