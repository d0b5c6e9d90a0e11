import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { dayText, TRL_TEXT } from '../../components/labels';
import ItemOwnerPanel from './ItemOwnerPanel';
import { priceText } from './PublicFormat';
import PublicTheme from './PublicTheme';
import { PublicContact, PublicDates, PublicItemActions, PublicItemHeading, PublicItemState } from './PublicItemParts';

/** The public view of a research result (科技成果). */
export default function ResultPage() {
  const { id = '' } = useParams();
  const {
    data: result,
    error,
    refetch,
  } = useQuery({
    queryKey: ['results', id],
    queryFn: async () => unwrap(await api.GET('/api/results/{id}', { params: { path: { id } } })),
  });

  useEffect(() => {
    if (result) document.title = `${result.title} - 科技成果 - 科技成果转化供需对接平台`;
  }, [result]);

  if (!result) return <PublicItemState what="科技成果" error={error} onRetry={() => void refetch()} />;

  return (
    <PublicTheme>
      <article>
        <PublicItemHeading kindText="科技成果" title={result.title} status={result.status} />
        <PublicItemActions
          kind="result"
          id={result.id}
          title={result.title}
          organizationId={result.organizationId}
          status={result.status}
        />

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>成果概况</h2>} size="small">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'org',
                label: '发布单位',
                span: 'filled',
                children: <Link to={`/organizations/${result.organizationId}`}>{result.organizationName ?? '查看发布单位'}</Link>,
              },
              { key: 'field', label: '产业领域', children: result.field ?? '未填写' },
              { key: 'region', label: '所在地', children: result.region },
              { key: 'trl', label: '技术成熟度', children: TRL_TEXT(result.trl) },
              { key: 'price', label: '转让价格', children: priceText(result.askingPriceYuan, result.priceNegotiable) },
              { key: 'lead', label: '团队负责人', children: result.teamLead ?? '未填写' },
              {
                key: 'modes',
                label: '合作方式',
                children: result.cooperationModes.length ? (
                  <Flex wrap gap={4}>
                    {result.cooperationModes.map((m) => (
                      <Tag key={m} color="blue">
                        {m}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  '未填写'
                ),
              },
              {
                key: 'keywords',
                label: '关键词',
                span: 'filled',
                children: result.keywords.length ? result.keywords.join('、') : '未填写',
              },
              {
                key: 'patents',
                label: '相关专利',
                span: 'filled',
                children: result.patents.length ? (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {result.patents.map((p) => (
                      <li key={p.number}>
                        {p.number}（{p.kindLabel}）
                      </li>
                    ))}
                  </ul>
                ) : (
                  '无'
                ),
              },
              ...(result.closedAt
                ? [{ key: 'closed', label: '关闭日期', span: 'filled' as const, children: dayText(result.closedAt) }]
                : []),
            ]}
          />
        </Card>

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>成果简介</h2>} size="small" style={{ marginTop: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{result.summary}</Typography.Paragraph>
        </Card>

        <PublicContact contact={result.contact} />
        <PublicDates publishedAt={result.publishedAt} updatedAt={result.updatedAt} />

        <ItemOwnerPanel kind="result" id={result.id} />
      </article>
    </PublicTheme>
  );
}
