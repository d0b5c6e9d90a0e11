import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import type { components } from '../../api/schema';
import { dayText } from '../../components/labels';
import ItemOwnerPanel from './ItemOwnerPanel';
import PublicTheme from './PublicTheme';
import { PublicContact, PublicDates, PublicItemActions, PublicItemHeading, PublicItemState } from './PublicItemParts';

type Contact = components['schemas']['ContactViewDto'];
type Detail = NonNullable<DescriptionsProps['items']>[number];

/** What a need and a result both show on their public page. */
export interface PublicItem {
  id: string;
  title: string;
  status: string;
  organizationId: string;
  organizationName?: string | null;
  field?: string | null;
  region: string;
  cooperationModes: string[];
  keywords: string[];
  closedAt?: string | null;
  contact?: Contact;
  publishedAt: string | null;
  updatedAt: string;
}

interface Props<T extends PublicItem> {
  kind: 'need' | 'result';
  query: UseQueryResult<T>;
  /** Titles of the overview card and of the text card. */
  overviewTitle: string;
  textTitle: string;
  text: (item: T) => string;
  /** The kind's own details: after the region, after the cooperation modes, after the keywords. */
  details: (item: T) => { afterRegion: Detail[]; afterModes?: Detail[]; afterKeywords?: Detail[] };
}

const KIND_TEXT = { need: '技术需求', result: '科技成果' } as const;

/** A published need's or result's page: heading and actions, overview, text, contacts, dates, the owner's panel. */
export default function PublicItemPage<T extends PublicItem>({ kind, query, overviewTitle, textTitle, text, details }: Props<T>) {
  const { data: item, error, refetch } = query;
  const kindText = KIND_TEXT[kind];

  useEffect(() => {
    if (item) document.title = `${item.title} - ${kindText} - 科技成果转化供需对接平台`;
  }, [item, kindText]);

  if (!item) return <PublicItemState what={kindText} error={error} onRetry={() => void refetch()} />;

  const own = details(item);
  return (
    <PublicTheme>
      <article>
        <PublicItemHeading kindText={kindText} title={item.title} status={item.status} />
        <PublicItemActions kind={kind} id={item.id} title={item.title} organizationId={item.organizationId} status={item.status} />

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{overviewTitle}</h2>} size="small">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'org',
                label: '发布单位',
                span: 'filled',
                children: <Link to={`/organizations/${item.organizationId}`}>{item.organizationName ?? '查看发布单位'}</Link>,
              },
              { key: 'field', label: '产业领域', children: item.field ?? '未填写' },
              { key: 'region', label: '所在地', children: item.region },
              ...own.afterRegion,
              {
                key: 'modes',
                label: '合作方式',
                children: item.cooperationModes.length ? (
                  <Flex wrap gap={4}>
                    {item.cooperationModes.map((m) => (
                      <Tag key={m} color="blue">
                        {m}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  '未填写'
                ),
              },
              ...(own.afterModes ?? []),
              { key: 'keywords', label: '关键词', span: 'filled', children: item.keywords.length ? item.keywords.join('、') : '未填写' },
              ...(own.afterKeywords ?? []),
              ...(item.closedAt ? [{ key: 'closed', label: '关闭日期', span: 'filled' as const, children: dayText(item.closedAt) }] : []),
            ]}
          />
        </Card>

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{textTitle}</h2>} size="small" style={{ marginTop: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text(item)}</Typography.Paragraph>
        </Card>

        <PublicContact contact={item.contact} />
        <PublicDates publishedAt={item.publishedAt} updatedAt={item.updatedAt} />

        <ItemOwnerPanel kind={kind} id={item.id} />
      </article>
    </PublicTheme>
  );
}
