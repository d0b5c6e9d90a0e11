import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Input, Radio, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../components/api-errors';
import {
  getPublished,
  getQueue,
  getRevisionQueue,
  KIND_NOUN,
  type AdoptionView,
  type NeedView,
  type ResultView,
  type ReviewKind,
  type RevisionView,
} from './ReviewApi';
import ReviewDrawer from './ReviewDrawer';
import { AdoptionTable, ItemTable, type PageData } from './ReviewTables';
import { RevisionDrawer, RevisionTable } from './RevisionReview';

type Tab = ReviewKind | 'revisions' | 'published';
const QUEUES: ReviewKind[] = ['needs', 'results', 'adoptions'];
const TABS: Tab[] = [...QUEUES, 'revisions', 'published'];

/** The bureau's review queues (oldest first), the revisions of published items, and the published items it may correct. */
export default function ReviewQueuesPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'needs';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));
  const publishedKind: 'needs' | 'results' = params.get('kind') === 'results' ? 'results' : 'needs';
  const q = params.get('q') ?? '';
  const openId = params.get('open') ?? undefined;
  const drawerKind: ReviewKind = tab === 'published' ? publishedKind : tab === 'revisions' ? 'needs' : tab;

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: false });
  };

  const counts = useQueries({
    queries: QUEUES.map((k) => ({ queryKey: ['review-queue', k, 'count'], queryFn: () => getQueue(k, 1, 1) })),
  });
  const revisionCount = useQuery({ queryKey: ['review-revisions', 'count'], queryFn: () => getRevisionQueue(1, 1) });
  const revisions = useQuery({
    queryKey: ['review-revisions', page, pageSize],
    queryFn: () => getRevisionQueue(page, pageSize),
    enabled: tab === 'revisions',
  });
  const queue = useQuery({
    queryKey: ['review-queue', tab, page, pageSize],
    queryFn: () => getQueue(tab as ReviewKind, page, pageSize),
    enabled: tab !== 'published' && tab !== 'revisions',
    // Keep the rows while paging, never another tab's rows under this tab.
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === tab ? prev : undefined),
  });
  const published = useQuery({
    queryKey: ['review-published', publishedKind, page, pageSize, q],
    queryFn: () => getPublished(publishedKind, page, pageSize, q),
    enabled: tab === 'published',
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === publishedKind ? prev : undefined),
  });

  const onPage = (p: number, ps: number) => update({ page: ps !== pageSize ? 1 : p, pageSize: ps });
  const open = (id: string) => update({ open: id });
  const current = tab === 'published' ? published : tab === 'revisions' ? revisions : queue;
  const rows = (tab === 'revisions' ? [] : (current.data?.items ?? [])) as (NeedView | ResultView | AdoptionView)[];
  const initial = rows.find((r) => r.id === openId);

  const label = (k: ReviewKind) => (
    <span data-testid={`review-tab-${k}`}>
      {KIND_NOUN[k]}{' '}
      <Badge
        count={counts[QUEUES.indexOf(k)].data?.total ?? 0}
        showZero
        overflowCount={999}
        style={{ backgroundColor: '#1659c7' }}
        aria-label={`${counts[QUEUES.indexOf(k)].data?.total ?? 0} 条待审核`}
      />
    </span>
  );
  const empty = (k: ReviewKind) =>
    k === 'adoptions' ? '没有待确认的转化应用，新的登记提交后会出现在这里' : `没有待审核的${KIND_NOUN[k]}，单位提交审核后会出现在这里`;

  const body = (k: Tab) => {
    if (k !== tab) return null;
    const common = { page, pageSize, onPage, loading: current.isFetching };
    return (
      <>
        {current.isError && <Alert type="error" showIcon title={errorMessage(current.error)} role="alert" style={{ marginBottom: 12 }} />}
        {k === 'revisions' ? (
          <RevisionTable data={revisions.data} onOpen={(r) => open(r.id)} {...common} />
        ) : k === 'adoptions' ? (
          <AdoptionTable
            data={queue.data as PageData<AdoptionView> | undefined}
            onOpen={(r) => open(r.id)}
            empty={empty('adoptions')}
            {...common}
          />
        ) : k === 'published' ? (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Radio.Group
                aria-label="清单"
                optionType="button"
                value={publishedKind}
                onChange={(e) => update({ kind: e.target.value as string, page: 1, open: undefined })}
                options={[
                  { value: 'needs', label: '技术需求' },
                  { value: 'results', label: '科技成果' },
                ]}
              />
              <Input.Search
                aria-label="按标题或关键词搜索"
                placeholder="按标题或关键词搜索"
                allowClear
                defaultValue={q}
                key={q}
                onSearch={(v) => update({ q: v.trim(), page: 1 })}
                style={{ width: 280 }}
              />
            </Space>
            <ItemTable
              kind={publishedKind}
              data={published.data as PageData<NeedView | ResultView> | undefined}
              onOpen={(r) => open(r.id)}
              empty={q ? '没有符合条件的已发布条目，换个关键词试试' : '还没有已发布的条目'}
              published
              {...common}
            />
          </>
        ) : (
          <ItemTable
            kind={k}
            data={queue.data as PageData<NeedView | ResultView> | undefined}
            onOpen={(r) => open(r.id)}
            empty={empty(k)}
            {...common}
          />
        )}
      </>
    );
  };

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        审核队列
      </Typography.Title>
      <Typography.Paragraph>
        按提交时间从早到晚排列。点击一行查看完整内容和变更记录，再决定通过或驳回；驳回须写明原因。发布单位对已发布内容的修改在“已发布内容的修改”中逐字段对照审核；已发布的需求和成果可在“已发布（更正）”中更正。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k, page: 1, open: undefined, q: undefined, kind: undefined })}
        items={[
          ...QUEUES.map((k) => ({ key: k, label: label(k), children: body(k) })),
          {
            key: 'revisions',
            label: (
              <span data-testid="review-tab-revisions">
                已发布内容的修改{' '}
                <Badge
                  count={revisionCount.data?.total ?? 0}
                  showZero
                  overflowCount={999}
                  style={{ backgroundColor: '#1659c7' }}
                  aria-label={`${revisionCount.data?.total ?? 0} 条待审核`}
                />
              </span>
            ),
            children: body('revisions'),
          },
          { key: 'published', label: <span data-testid="review-tab-published">已发布（更正）</span>, children: body('published') },
        ]}
      />
      {tab === 'revisions' ? (
        <RevisionDrawer
          id={openId}
          initial={(revisions.data?.items as RevisionView[] | undefined)?.find((r) => r.id === openId)}
          onClose={() => update({ open: undefined })}
        />
      ) : (
        <ReviewDrawer kind={drawerKind} id={openId} initial={initial} onClose={() => update({ open: undefined })} />
      )}
    </div>
  );
}
