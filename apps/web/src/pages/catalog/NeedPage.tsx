import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { dayText, TRL_TEXT } from '../../components/labels';
import ItemOwnerPanel from './ItemOwnerPanel';
import { budgetText, deadlineText, endOfChinaDay } from './PublicFormat';
import PublicTheme from './PublicTheme';
import { PublicContact, PublicDates, PublicItemActions, PublicItemHeading, PublicItemState } from './PublicItemParts';

/** The public view of a technology need (技术需求). */
export default function NeedPage() {
  const { id = '' } = useParams();
  const {
    data: need,
    error,
    refetch,
  } = useQuery({
    queryKey: ['needs', id],
    queryFn: async () => unwrap(await api.GET('/api/needs/{id}', { params: { path: { id } } })),
  });

  useEffect(() => {
    if (need) document.title = `${need.title} - 技术需求 - 科技成果转化供需对接平台`;
  }, [need]);

  if (!need) return <PublicItemState what="技术需求" error={error} onRetry={() => void refetch()} />;

  const deadline = need.deadline ? `${need.deadline}（${deadlineText(endOfChinaDay(need.deadline))}）` : '长期有效';
  return (
    <PublicTheme>
      <article>
        <PublicItemHeading kindText="技术需求" title={need.title} status={need.status} />
        <PublicItemActions kind="need" id={need.id} title={need.title} organizationId={need.organizationId} status={need.status} />

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>需求概况</h2>} size="small">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'org',
                label: '发布单位',
                span: 'filled',
                children: <Link to={`/organizations/${need.organizationId}`}>{need.organizationName ?? '查看发布单位'}</Link>,
              },
              { key: 'field', label: '产业领域', children: need.field ?? '未填写' },
              { key: 'region', label: '所在地', children: need.region },
              { key: 'trl', label: '期望技术成熟度', children: TRL_TEXT(need.trl) },
              { key: 'budget', label: '预算', children: budgetText(need.budgetMinYuan, need.budgetMaxYuan) },
              {
                key: 'modes',
                label: '合作方式',
                children: need.cooperationModes.length ? (
                  <Flex wrap gap={4}>
                    {need.cooperationModes.map((m) => (
                      <Tag key={m} color="blue">
                        {m}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  '未填写'
                ),
              },
              { key: 'deadline', label: '截止日期', children: deadline },
              { key: 'keywords', label: '关键词', span: 'filled', children: need.keywords.length ? need.keywords.join('、') : '未填写' },
              ...(need.closedAt ? [{ key: 'closed', label: '关闭日期', span: 'filled' as const, children: dayText(need.closedAt) }] : []),
            ]}
          />
        </Card>

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>需求描述</h2>} size="small" style={{ marginTop: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{need.description}</Typography.Paragraph>
        </Card>

        <PublicContact contact={need.contact} />
        <PublicDates publishedAt={need.publishedAt} updatedAt={need.updatedAt} />

        <ItemOwnerPanel kind="need" id={need.id} />
      </article>
    </PublicTheme>
  );
}
