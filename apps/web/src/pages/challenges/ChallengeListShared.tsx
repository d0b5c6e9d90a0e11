import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Table } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components, operations } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { useReference } from '../../components/reference';

export type ChallengeRow = components['schemas']['ChallengeViewDto'];
type Query = NonNullable<operations['ChallengesController_list']['parameters']['query']>;
export type ChallengeStatus = NonNullable<Query['status']>;
type Field = NonNullable<Query['field']>;

export const CHALLENGE_STATUS: Record<ChallengeStatus, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  published: { label: '揭榜中', color: 'processing' },
  reviewing: { label: '评审中', color: 'purple' },
  awarded: { label: '公示中', color: 'warning' },
  in_progress: { label: '攻关中', color: 'geekblue' },
  completed: { label: '已验收', color: 'success' },
  failed: { label: '未通过验收', color: 'error' },
  cancelled: { label: '已撤榜', color: 'default' },
};
const PAGE_SIZES = [10, 20, 50];

/**
 * A page of the open calls, its filters and page kept in the address (`?status=&field=&page=&pageSize=`,
 * defaults left out) so that a list can be linked and reloaded as it was.
 */
export function useChallengeList(list: 'list' | 'bureau-list') {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') || undefined) as ChallengeStatus | undefined;
  const field = (params.get('field') || undefined) as Field | undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSizeParam = Number(params.get('pageSize'));
  const pageSize = PAGE_SIZES.includes(pageSizeParam) ? pageSizeParam : 10;

  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 10)) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const query: Query = { status, field, page, pageSize };
  const result = useQuery({
    queryKey: ['challenges', list, query],
    queryFn: async () => unwrap(await api.GET('/api/challenges', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return {
    status,
    field,
    page,
    pageSize,
    set,
    filtered: !!status || !!field,
    clearFilters: () => set({ status: undefined, field: undefined, page: 1 }),
    result,
  };
}

export type ChallengeList = ReturnType<typeof useChallengeList>;

const ALL_STATUSES = Object.keys(CHALLENGE_STATUS) as ChallengeStatus[];

/** The state (all of them unless `statuses`) and field filters above a list; `idPrefix` names their inputs for the labels. */
export function ChallengeFilters({
  list,
  idPrefix,
  statuses = ALL_STATUSES,
}: {
  list: ChallengeList;
  idPrefix: string;
  statuses?: ChallengeStatus[];
}) {
  const { data: ref } = useReference();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="inline" component="div">
        <Form.Item label="状态" htmlFor={`${idPrefix}-status`}>
          <Select<ChallengeStatus>
            id={`${idPrefix}-status`}
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={list.status}
            onChange={(v) => list.set({ status: v, page: 1 })}
            options={statuses.map((s) => ({ value: s, label: CHALLENGE_STATUS[s].label }))}
          />
        </Form.Item>
        <Form.Item label="产业领域" htmlFor={`${idPrefix}-field`}>
          <Select<Field>
            id={`${idPrefix}-field`}
            allowClear
            showSearch
            placeholder="全部领域"
            style={{ width: 200 }}
            value={list.field}
            onChange={(v) => list.set({ field: v, page: 1 })}
            options={(ref?.fields ?? []).map((f) => ({ value: f, label: f }))}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

interface TableViewProps {
  list: ChallengeList;
  columns: ColumnsType<ChallengeRow>;
  scrollX: number;
  empty: ReactNode;
  onRow?: TableProps<ChallengeRow>['onRow'];
}

/** The page of calls, paged from the API, or why it could not be loaded with a retry. */
export function ChallengeTable({ list, columns, scrollX, empty, onRow }: TableViewProps) {
  const { data, error, isFetching, refetch } = list.result;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={`榜单加载失败：${errorMessage(error)}`}
        action={
          <Button size="small" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    );
  return (
    <Table<ChallengeRow>
      rowKey="id"
      loading={isFetching && !data}
      columns={columns}
      dataSource={data?.items}
      scroll={{ x: scrollX }}
      onRow={onRow}
      pagination={{
        current: data?.page ?? list.page,
        pageSize: data?.pageSize ?? list.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES,
        showTotal: (t) => `共 ${t} 个榜单`,
        onChange: (p, s) => list.set({ page: s !== list.pageSize ? 1 : p, pageSize: s }),
      }}
      locale={{ emptyText: empty }}
    />
  );
}
