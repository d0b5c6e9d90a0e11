import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Form, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { ORG_KIND } from '../../components/labels';
import { useReference } from '../../components/reference';
import { type Challenge, ToneTag } from '../challenges/ChallengeShared';

export type Expert = components['schemas']['ExpertViewDto'];

interface Props {
  challenge: Challenge;
  assignedIds: string[];
  selected: Expert[];
  onSelect: (experts: Expert[]) => void;
  /** How many proposals in the review an organization's experts are excluded from. */
  excludedFrom: (organizationId: string) => number;
  footer: ReactNode;
}

/** 专家库: filter by field and name/organization, tick experts to assign (kept across pages). */
export default function ChallengeExpertPool({ challenge: c, assignedIds, selected, onSelect, excludedFrom, footer }: Props) {
  const { data: ref } = useReference();
  const [field, setField] = useState<string | undefined>(c.field);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const pool = useQuery({
    queryKey: ['experts', 'pool', field, q, page, pageSize],
    queryFn: async () => unwrap(await api.GET('/api/experts', { params: { query: { field, q: q || undefined, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });

  const columns: ColumnsType<Expert> = [
    { title: '姓名', dataIndex: 'name' },
    {
      title: '所在单位',
      key: 'org',
      render: (_: unknown, e) => `${e.organizationName}（${ORG_KIND[e.organizationKind] ?? e.organizationKind}）`,
    },
    {
      title: '专业领域',
      dataIndex: 'fields',
      render: (fs: string[]) => (fs.length ? fs.map((f) => <Tag key={f}>{f}</Tag>) : '未填写'),
    },
    {
      title: '说明',
      key: 'note',
      render: (_: unknown, e) => {
        if (assignedIds.includes(e.userId)) return <ToneTag tone="green">已指派</ToneTag>;
        const n = excludedFrom(e.organizationId);
        return n ? <ToneTag tone="orange">与 {n} 份申请同单位，将对其回避</ToneTag> : null;
      },
    },
  ];

  return (
    <Card size="small" title="专家库">
      <Form layout="inline" component="div" style={{ marginBottom: 12 }}>
        <Form.Item label="专业领域" htmlFor="cm-pool-field">
          <Select
            id="cm-pool-field"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部领域"
            style={{ width: 180 }}
            value={field}
            onChange={(v: string | undefined) => {
              setField(v);
              setPage(1);
            }}
            options={(ref?.fields ?? []).map((f) => ({ value: f, label: f }))}
          />
        </Form.Item>
        <Form.Item label="姓名或单位" htmlFor="cm-pool-q">
          <Input.Search
            id="cm-pool-q"
            allowClear
            style={{ width: 220 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Form.Item>
      </Form>
      {pool.error ? (
        <Alert type="error" showIcon title={`专家库加载失败：${errorMessage(pool.error)}`} />
      ) : (
        <Table<Expert>
          rowKey="userId"
          size="small"
          loading={pool.isFetching && !pool.data}
          columns={columns}
          dataSource={pool.data?.items}
          onRow={() => ({ 'data-testid': 'cm-expert-option' }) as HTMLAttributes<HTMLElement>}
          rowSelection={{
            preserveSelectedRowKeys: true,
            selectedRowKeys: selected.map((e) => e.userId),
            onChange: (_keys, rows) => onSelect(rows.filter(Boolean)),
            getCheckboxProps: (e) => ({
              disabled: assignedIds.includes(e.userId),
              'aria-label': `选择专家 ${e.name}`,
            }),
            columnTitle: <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>选择</span>,
          }}
          pagination={{
            current: page,
            pageSize,
            total: pool.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 位专家`,
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  field || q
                    ? '没有符合条件的专家，可清除专业领域或关键词后再找。'
                    : '专家库中还没有专家，请先在“专家库”页面将用户列入专家库。'
                }
              />
            ),
          }}
        />
      )}
      <Flex vertical style={{ marginTop: 12 }}>
        {footer}
      </Flex>
    </Card>
  );
}
