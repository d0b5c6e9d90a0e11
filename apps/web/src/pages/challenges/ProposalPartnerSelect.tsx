import { useQueries, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ORG_KIND } from '../../components/labels';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The lead organization (never its own partner). */
  leadId: string;
  disabled?: boolean;
}

/** Consortium partners: verified organizations found by name (GET /api/organizations?q=). */
export default function ProposalPartnerSelect({ id, value = [], onChange, leadId, disabled }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(t);
  }, [typed]);

  const search = useQuery({
    queryKey: ['challenges', 'partner-search', q],
    enabled: !disabled,
    queryFn: async () =>
      unwrap(await api.GET('/api/organizations', { params: { query: { q: q || undefined, status: 'verified', pageSize: 20 } } })),
    staleTime: 60_000,
  });
  // Names of partners already chosen (they may not be in the current search results).
  const chosen = useQueries({
    queries: value.map((orgId) => ({
      queryKey: ['challenges', 'organization', orgId],
      queryFn: async () => unwrap(await api.GET('/api/organizations/{id}', { params: { path: { id: orgId } } })),
      staleTime: 5 * 60_000,
      select: (o: { name: string }) => o.name,
    })),
  });

  const options = useMemo(() => {
    const seen = new Map<string, string>();
    value.forEach((orgId, i) => seen.set(orgId, chosen[i]?.data ?? '加载中…'));
    for (const o of search.data?.items ?? []) {
      if (o.id === leadId || o.kind === 'bureau' || o.status !== 'verified') continue;
      if (!seen.has(o.id)) seen.set(o.id, `${o.name}（${ORG_KIND[o.kind] ?? o.kind}，${o.region}）`);
    }
    return [...seen].map(([v, label]) => ({ value: v, label }));
  }, [value, chosen, search.data, leadId]);

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(ids: string[]) => onChange?.(ids)}
      options={options}
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      maxCount={10}
      notFoundContent={search.isFetching ? <Spin size="small" /> : '没有找到已认证的单位，请换个名称试试'}
      placeholder="输入单位名称搜索已认证的企业、高校或科研院所（可不选）"
      style={{ width: '100%' }}
    />
  );
}
