import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { components } from '../../api/schema';
import { ORG_KIND, TRL_TEXT } from '../../components/labels';
import { budgetText, priceText } from '../catalog/PublicFormat';
import Highlighted from './Highlighted';

type Hit = components['schemas']['SearchHitDto'];

/** One found need or result: highlighted title and snippet, its facts, its publisher. */
export default function SearchHit({ hit }: { hit: Hit }) {
  const href = hit.type === 'need' ? `/needs/${hit.id}` : `/results/${hit.id}`;
  const money =
    hit.type === 'need'
      ? `预算：${budgetText(hit.budgetMinYuan, hit.budgetMaxYuan)}`
      : `价格：${priceText(hit.priceYuan, hit.priceNegotiable)}`;
  return (
    <Card size="small" data-testid="search-hit" style={{ marginBottom: 12 }}>
      <Typography.Title level={3} style={{ fontSize: 17, marginTop: 0, marginBottom: 8 }}>
        <Link to={href}>
          <Highlighted html={hit.titleHighlighted} />
        </Link>
      </Typography.Title>
      {hit.snippet && (
        <Typography.Paragraph style={{ marginBottom: 8, color: 'rgba(0,0,0,0.8)' }}>
          <Highlighted html={hit.snippet} />
        </Typography.Paragraph>
      )}
      <Flex wrap gap={6} style={{ marginBottom: 8 }}>
        {hit.field && <Tag color="blue">{hit.field}</Tag>}
        <Tag>{hit.region}</Tag>
        <Tag>{TRL_TEXT(hit.trl)}</Tag>
        {hit.cooperationModes.map((m) => (
          <Tag key={m} color="geekblue" variant="outlined">
            {m}
          </Tag>
        ))}
      </Flex>
      <Flex wrap gap={16} style={{ fontSize: 13 }}>
        <span>{money}</span>
        {hit.organizationName && (
          <span>
            发布单位：
            <Link to={`/organizations/${hit.organizationId}`} style={{ textDecoration: 'underline' }}>
              {hit.organizationName}
            </Link>
            {hit.organizationKind && `（${ORG_KIND[hit.organizationKind] ?? hit.organizationKind}）`}
          </span>
        )}
        {hit.keywords.length > 0 && <span>关键词：{hit.keywords.join('、')}</span>}
      </Flex>
    </Card>
  );
}
