import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Pagination, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText, ITEM_STATUS, TRL_TEXT } from '../../components/labels';
import { editable, getItem, itemKey, itemPath, KIND_TEXT, type ItemKind } from '../catalog/ItemApi';
import ItemTheme from '../catalog/ItemTheme';
import { DismissModal, EngageModal } from './MatchModals';
import MatchReasons from './MatchReasons';
import { StatusTag } from '../catalog/ItemTags';

type Match = components['schemas']['MatchViewDto'];

async function listMatches(kind: ItemKind, id: string, page: number, pageSize: number) {
  const params = { path: { id }, query: { page, pageSize } };
  return kind === 'need'
    ? unwrap(await api.GET('/api/needs/{id}/matches', { params }))
    : unwrap(await api.GET('/api/results/{id}/matches', { params }));
}

const scoreColor = (score: number): string => (score >= 60 ? '#237804' : score >= 30 ? '#1659c7' : '#595959');

/** One match: the other side's item, its score as a bar, why it matches, and what to do with it. */
function MatchCard({ match, canAct, onDismiss, onEngage }: { match: Match; canAct: boolean; onDismiss(): void; onEngage(): void }) {
  const c = match.counterpart;
  const title = c?.title ?? '（对方已不再公开）';
  return (
    <Card data-testid="match-item" style={{ marginBottom: 16 }}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
          <div>
            <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
              {c ? <Link to={itemPath(c.type, c.id)}>{c.title}</Link> : title}
            </Typography.Title>
            {c && (
              <Flex wrap gap={6} align="center" style={{ marginTop: 6 }}>
                <Link to={`/organizations/${c.organizationId}`}>{c.organizationName ?? '发布单位'}</Link>
                {c.field && <Tag>{c.field}</Tag>}
                <Tag>{c.region}</Tag>
                <Tag>{TRL_TEXT(c.trl)}</Tag>
              </Flex>
            )}
          </div>
          <div style={{ minWidth: 220 }} data-testid="match-score" data-score={match.score}>
            <Typography.Text strong>匹配得分 {match.score}</Typography.Text>
            <Progress
              percent={match.score}
              strokeColor={scoreColor(match.score)}
              format={(p) => `${p}`}
              aria-label={`匹配得分 ${match.score} 分（满分 100）`}
            />
          </div>
        </Space>
        <MatchReasons explanation={match.explanation} textScore={match.textScore} />
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text>计算于 {dateText(match.computedAt)}</Typography.Text>
          {canAct && c && (
            <Space wrap>
              <Button onClick={onDismiss} aria-label={`标记“${title}”不相关`}>
                不相关
              </Button>
              <Button type="primary" onClick={onEngage} data-testid="start-engagement">
                发起对接
              </Button>
            </Space>
          )}
        </Space>
      </Space>
    </Card>
  );
}

/** The matches of one of the organization's published needs (成果) or results (需求), best first. */
export default function MatchListPage({ kind, id }: { kind: ItemKind; id: string }) {
  const t = KIND_TEXT[kind];
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 10));
  const [dismissing, setDismissing] = useState<Match | null>(null);
  const [engaging, setEngaging] = useState<Match | null>(null);

  const item = useQuery({ queryKey: itemKey(kind, id), queryFn: () => getItem(kind, id) });
  const matches = useQuery({
    queryKey: ['matches', kind, id, page, pageSize],
    queryFn: () => listMatches(kind, id, page, pageSize),
    placeholderData: (prev) => prev,
  });
  const owner = !!me && item.data?.organizationId === me.organization.id;

  if (item.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} aria-label="正在加载" />;
  if (item.isError) return <Alert type="error" showIcon title={`无法打开这条${t.noun}`} description={errorMessage(item.error)} />;
  const data = item.data;
  const status = data?.status;
  const other = t.other;

  const empty = (
    <Empty
      description={
        <div style={{ maxWidth: 560, margin: '0 auto', textAlign: 'left' }}>
          <Typography.Paragraph>
            {status === 'published'
              ? `暂时还没有匹配的${other}。匹配在${t.noun}发布后自动计算，有新的${other}发布时也会重新计算。`
              : `匹配在${t.noun}经科技局审核发布后自动计算，目前还没有。`}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            想获得更多、更准的匹配：填写 3–8 个具体的技术关键词（材料、工艺、设备、产品）；在{kind === 'need' ? '需求描述' : '成果简介'}
            中写清技术难点或创新点以及量化指标；选择产业领域、技术成熟度和合作方式。
          </Typography.Paragraph>
        </div>
      }
    >
      {owner && editable(status) && (
        <Button type="primary" onClick={() => navigate(`${itemPath(kind, id)}/edit`)}>
          完善{t.noun}
        </Button>
      )}
    </Empty>
  );

  const items = matches.data?.items ?? [];
  return (
    <ItemTheme>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {kind === 'need' ? '匹配的科技成果' : '匹配的技术需求'}
      </Typography.Title>
      {data && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text>
            {t.full}：<Link to={itemPath(kind, id)}>{data.title}</Link>
          </Typography.Text>
          {status && <StatusTag status={status} label={data.statusLabel} />}
          <Link to={t.mine}>返回{t.myTitle}</Link>
          <Link to="/engagements">我的对接</Link>
        </Space>
      )}
      {status && status !== 'published' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`这条${t.noun}当前为“${ITEM_STATUS[status]?.label ?? status}”：只有已发布的${t.noun}会计算匹配。`}
        />
      )}
      <Typography.Paragraph>
        得分 0–100，由文本相关度结合产业领域、技术成熟度、价格与预算、合作方式和地区综合计算。标记“不相关”的不再推荐。
      </Typography.Paragraph>
      {matches.isError && <Alert type="error" showIcon title={errorMessage(matches.error)} style={{ marginBottom: 16 }} />}
      {matches.isLoading ? (
        <Spin style={{ display: 'block', margin: '40px auto' }} aria-label="正在加载匹配" />
      ) : items.length ? (
        <>
          {items.map((m) => (
            <MatchCard key={m.id} match={m} canAct={owner} onDismiss={() => setDismissing(m)} onEngage={() => setEngaging(m)} />
          ))}
          <Pagination
            current={matches.data?.page ?? page}
            pageSize={matches.data?.pageSize ?? pageSize}
            total={matches.data?.total ?? 0}
            showSizeChanger
            pageSizeOptions={[10, 20, 50]}
            showTotal={(total) => `共 ${total} 条匹配`}
            onChange={(p, ps) => setParams({ page: String(p), pageSize: String(ps) }, { replace: true })}
            align="center"
          />
        </>
      ) : (
        !matches.isError && empty
      )}
      <DismissModal
        matchId={dismissing?.id ?? null}
        title={dismissing?.counterpart?.title ?? ''}
        onClose={() => setDismissing(null)}
        onDone={() => {
          setDismissing(null);
          message.success('已标记为不相关，不再推荐');
          void qc.invalidateQueries({ queryKey: ['matches', kind, id] });
        }}
      />
      <EngageModal matchId={engaging?.id ?? null} title={engaging?.counterpart?.title ?? ''} onClose={() => setEngaging(null)} />
    </ItemTheme>
  );
}
