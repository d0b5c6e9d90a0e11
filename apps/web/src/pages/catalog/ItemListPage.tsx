import { PlusOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Progress, Select, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText, ITEM_STATUS } from '../../components/labels';
import { useReference } from '../../components/reference';
import {
  editable,
  itemPath,
  KIND_TEXT,
  listItems,
  ownerNote,
  type ItemKind,
  type ItemListQuery,
  type ItemStatus,
  type ItemView,
} from './ItemApi';
import ItemTheme from './ItemTheme';
import { StatusTag } from './ItemTags';

const STATES: ItemStatus[] = ['draft', 'submitted', 'rejected', 'published', 'closed'];

/** What to do next, for an empty tab. */
function emptyText(kind: ItemKind, status: ItemStatus | undefined, filtered: boolean): string {
  const t = KIND_TEXT[kind];
  if (filtered) return `没有符合条件的${t.noun}，可以清除关键词或领域筛选后再看。`;
  switch (status) {
    case 'draft':
      return `没有草稿。点击“${t.create}”开始填写，填写过程中会自动保存为草稿。`;
    case 'submitted':
      return `没有待审核的${t.noun}。草稿填写完整后点击“提交审核”，科技局审核通过后即公开发布。`;
    case 'rejected':
      return `没有被驳回的${t.noun}。`;
    case 'published':
      return `还没有已发布的${t.noun}。提交审核并经科技局通过后，${t.noun}会公开并自动匹配${t.other}。`;
    case 'closed':
      return `没有已关闭的${t.noun}。`;
    default:
      return `本单位还没有${t.full}。点击“${t.create}”填写第一条，提交科技局审核通过后即可公开并获得${t.other}匹配。`;
  }
}

/** The signed-in organization's own needs or results, by state, paginated by the API. */
export default function ItemListPage({ kind }: { kind: ItemKind }) {
  const t = KIND_TEXT[kind];
  const { me } = useSession();
  const { data: reference } = useReference();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const status = (STATES as string[]).includes(params.get('status') ?? '') ? (params.get('status') as ItemStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));
  const q = params.get('q') ?? '';
  const field = (params.get('field') ?? undefined) as ItemListQuery['field'];
  const canCreate = !!me && t.owners.includes(me.organization.kind);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const query: ItemListQuery = { mine: true, page, pageSize, status, q: q || undefined, field, sort: 'updatedAt', order: 'desc' };
  const list = useQuery({ queryKey: ['my-items', kind, query], queryFn: () => listItems(kind, query) });
  // How many of each state (for the tabs): one count-only request per state.
  const counts = useQueries({
    queries: [undefined, ...STATES].map((s) => ({
      queryKey: ['my-items', kind, 'count', s ?? 'all'],
      queryFn: () => listItems(kind, { mine: true, status: s, page: 1, pageSize: 1 }),
      staleTime: 30_000,
    })),
  });
  const countOf = (i: number) => (counts[i]?.data ? `（${counts[i].data.total}）` : '');

  const columns: TableColumnsType<ItemView> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, r) => (
        <Space orientation="vertical" size={2}>
          <Link to={itemPath(kind, r.id)}>{title}</Link>
          {r.status === 'rejected' && r.rejectReason && (
            <Typography.Text type="danger" style={{ fontSize: 13 }}>
              驳回原因：{r.rejectReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 96,
      render: (s: ItemStatus, r) => <StatusTag status={s} label={r.statusLabel} />,
    },
    { title: '产业领域', dataIndex: 'field', width: 130, render: (f: string | null) => f ?? '未选择' },
    {
      title: '质量评分',
      dataIndex: 'qualityScore',
      width: 150,
      render: (score: number | undefined, r) =>
        score === undefined ? (
          '—'
        ) : (
          <Tooltip title={r.qualityHints?.length ? `${r.qualityHints.length} 条修改建议` : '无修改建议'}>
            <Progress
              percent={score}
              size="small"
              format={(p) => `${p} 分`}
              status={r.qualityHints?.some((h) => h.severity === 'error') ? 'exception' : 'normal'}
              aria-label={`质量评分 ${score} 分`}
            />
          </Tooltip>
        ),
    },
    { title: '最后修改', dataIndex: 'updatedAt', width: 170, render: (d: string) => dateText(d) },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={itemPath(kind, r.id)} aria-label={`查看“${r.title}”`}>
            查看
          </Link>
          {editable(r.status) && (
            <Link to={`${itemPath(kind, r.id)}/edit`} aria-label={`编辑“${r.title}”`}>
              编辑
            </Link>
          )}
          {r.status === 'published' && (
            <Link to={`${itemPath(kind, r.id)}/matches`} aria-label={`“${r.title}”的匹配`}>
              匹配
            </Link>
          )}
        </Space>
      ),
    },
  ];

  const filtered = !!q || !!field;
  return (
    <ItemTheme>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t.myTitle}
        </Typography.Title>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(t.newPath)}>
            {t.create}
          </Button>
        )}
      </Space>
      {me && !canCreate && <Alert type="info" showIcon title={ownerNote(kind, me?.organization.kind)} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={status ?? 'all'}
        onChange={(k) => update({ status: k === 'all' ? undefined : k })}
        items={[
          { key: 'all', label: `全部${countOf(0)}` },
          ...STATES.map((s, i) => ({ key: s, label: `${ITEM_STATUS[s].label}${countOf(i + 1)}` })),
        ]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={`按标题或内容搜索${t.noun}`}
          placeholder="标题或内容包含…"
          allowClear
          defaultValue={q}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ width: 260 }}
        />
        <Select
          aria-label="按产业领域筛选"
          placeholder="全部产业领域"
          allowClear
          value={field}
          onChange={(v?: string) => update({ field: v })}
          options={(reference?.fields ?? []).map((f) => ({ value: f, label: f }))}
          style={{ width: 200 }}
        />
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
      <Table<ItemView>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isLoading}
        scroll={{ x: 860 }}
        locale={{
          emptyText: (
            <Empty description={emptyText(kind, status, filtered)}>
              {canCreate && !filtered && (!status || status === 'draft') && (
                <Button type="primary" onClick={() => navigate(t.newPath)}>
                  {t.create}
                </Button>
              )}
            </Empty>
          ),
        }}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </ItemTheme>
  );
}
