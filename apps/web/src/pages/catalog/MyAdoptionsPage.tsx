import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Empty, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dayText, wan } from '../../components/labels';
import { useReference } from '../../components/reference';
import { type Adoption, AdoptionNeedLink, type AdoptionStatus, AdoptionStatusTag, type ContractKind, MUTED } from './AdoptionParts';

type Sort = 'signedOn' | 'amount' | 'createdAt';

export default function MyAdoptionsPage() {
  const { me } = useSession();
  const { data: reference } = useReference();
  const [params, setParams] = useSearchParams();
  const organizationId = me?.organization.id;
  const status = (params.get('status') || undefined) as AdoptionStatus | undefined;
  const contractKind = (params.get('contractKind') || undefined) as ContractKind | undefined;
  const signedFrom = params.get('signedFrom') || undefined;
  const signedTo = params.get('signedTo') || undefined;
  const sort = (params.get('sort') || 'signedOn') as Sort;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (!v) merged.delete(k);
      else merged.set(k, v);
    }
    if (!('page' in next)) merged.delete('page');
    setParams(merged, { replace: true });
  };

  const query = { organizationId, status, contractKind, signedFrom, signedTo, sort, order: 'desc' as const, page, pageSize };
  const { data, isLoading, error } = useQuery({
    queryKey: ['adoptions', 'mine', query],
    enabled: !!organizationId,
    queryFn: async () => unwrap(await api.GET('/api/adoptions', { params: { query } })),
  });

  const statusLabels = reference?.adoptionStatuses ?? { pending: '待确认', confirmed: '已确认', rejected: '已驳回' };
  const mine = (id: string) => (id === organizationId ? '（本单位）' : '');

  const columns: TableColumnsType<Adoption> = [
    {
      title: '科技成果',
      key: 'result',
      render: (_, a) => <Link to={`/results/${a.resultId}`}>{a.resultTitle ?? '（成果已不可查看）'}</Link>,
    },
    { title: '技术需求', key: 'need', render: (_, a) => <AdoptionNeedLink engagementId={a.engagementId} /> },
    {
      title: '双方',
      key: 'parties',
      render: (_, a) => (
        <div>
          <div>
            应用企业：{a.enterpriseName ?? '—'}
            {mine(a.enterpriseId)}
          </div>
          <div>
            成果单位：{a.resultOrganizationName ?? '—'}
            {mine(a.resultOrganizationId)}
          </div>
        </div>
      ),
    },
    { title: '合同类型', dataIndex: 'contractKind', key: 'contractKind' },
    { title: '合同金额', dataIndex: 'amountYuan', key: 'amount', align: 'right', render: (v: number) => wan(v) },
    { title: '签订日期', dataIndex: 'signedOn', key: 'signedOn', render: (v: string) => dayText(v) },
    {
      title: '状态',
      key: 'status',
      render: (_, a) => <AdoptionStatusTag status={a.status} label={a.statusLabel} />,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => (
        <Link to={`/adoptions/${a.id}`} aria-label={`查看成果转化应用：${a.resultTitle ?? ''}`}>
          查看详情
        </Link>
      ),
    },
  ];

  const filtered = !!(status || contractKind || signedFrom || signedTo);
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        成果转化应用
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>
        本单位作为应用企业或成果单位参与的成果转化应用（技术合同）。对接成交或单位登记后，经科技局确认列入成果转化应用清单。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          style={{ width: 140 }}
          value={status ?? ''}
          onChange={(v) => update({ status: v })}
          options={[{ value: '', label: '全部状态' }, ...Object.entries(statusLabels).map(([value, label]) => ({ value, label }))]}
        />
        <Select
          aria-label="合同类型"
          style={{ width: 160 }}
          value={contractKind ?? ''}
          onChange={(v) => update({ contractKind: v })}
          options={[{ value: '', label: '全部合同类型' }, ...(reference?.contractKinds ?? []).map((k) => ({ value: k, label: k }))]}
        />
        <DatePicker.RangePicker
          aria-label="签订日期范围"
          id={{ start: 'signed-from', end: 'signed-to' }}
          placeholder={['签订日期起', '签订日期止']}
          value={[signedFrom ? dayjs(signedFrom) : null, signedTo ? dayjs(signedTo) : null]}
          allowEmpty={[true, true]}
          onChange={(range) => update({ signedFrom: range?.[0]?.format('YYYY-MM-DD'), signedTo: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          aria-label="排序"
          style={{ width: 170 }}
          value={sort}
          onChange={(v) => update({ sort: v === 'signedOn' ? undefined : v })}
          options={[
            { value: 'signedOn', label: '按签订日期排序' },
            { value: 'amount', label: '按合同金额排序' },
            { value: 'createdAt', label: '按登记时间排序' },
          ]}
        />
      </Space>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Table<Adoption>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isLoading}
        locale={{
          emptyText: (
            <Empty
              description={
                <span style={MUTED}>
                  {filtered ? '没有符合筛选条件的成果转化应用，可以清除筛选条件再试。' : '本单位还没有成果转化应用。'}在
                  <Link style={{ textDecoration: 'underline' }} to="/engagements">
                    对接
                  </Link>
                  中与对方洽谈并登记成交后，会自动生成成果转化应用。
                </span>
              }
            />
          ),
        }}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </div>
  );
}
