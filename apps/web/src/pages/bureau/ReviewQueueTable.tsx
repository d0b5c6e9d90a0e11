import { Button, Empty, Table } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { HTMLAttributes, ReactNode } from 'react';

export interface PageData<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** What every review queue's table is given by its page. */
export interface QueuePageProps<T> {
  data: PageData<T> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (row: T) => void;
}

interface Props<T> extends QueuePageProps<T> {
  /** Shown when the page has no rows. */
  empty: string;
  /** data-testid of each row. */
  rowTestId: string;
  columns: ColumnType<T>[];
}

/**
 * The first column of a queue: the row's name as a link-styled button that opens it (the whole
 * row opens it too; the button is what a keyboard reaches).
 */
export function openColumn<T>(title: string, dataIndex: keyof T & string, onOpen: (row: T) => void, fallback = ''): ColumnType<T> {
  return {
    title,
    dataIndex,
    render: (t: ReactNode, r: T) => (
      <Button
        type="link"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        onClick={(e) => {
          e.stopPropagation();
          onOpen(r);
        }}
      >
        {t ?? fallback}
      </Button>
    ),
  };
}

/** A page of a review queue: rows that open on click, paged by the API, with the total. */
export default function ReviewQueueTable<T extends { id: string }>(props: Props<T>) {
  const { data, loading, page, pageSize, onPage, onOpen, empty, rowTestId, columns } = props;
  return (
    <Table<T>
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={(r) => ({ 'data-testid': rowTestId, onClick: () => onOpen(r), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        onChange: onPage,
        showTotal: (t) => `共 ${t} 条`,
      }}
      columns={columns}
    />
  );
}
