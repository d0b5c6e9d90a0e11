import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Need = components['schemas']['NeedViewDto'];

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  onPick: (need: Need | undefined) => void;
  disabled?: boolean;
}

/** Picks a published enterprise need (searched by the API) as the source of a call; its enterprise co-funds it. */
export default function ChallengeNeedPicker({ id, value, onChange, onPick, disabled }: Props) {
  const [q, setQ] = useState('');
  const needs = useQuery({
    queryKey: ['needs', 'published-for-challenge', q],
    queryFn: async () =>
      unwrap(await api.GET('/api/needs', { params: { query: { status: 'published', q: q || undefined, page: 1, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
  const selected = useQuery({
    queryKey: ['need', value],
    enabled: !!value && !needs.data?.items.some((n) => n.id === value),
    queryFn: async () => unwrap(await api.GET('/api/needs/{id}', { params: { path: { id: value! } } })),
  });
  const items = [...(needs.data?.items ?? [])];
  if (selected.data && !items.some((n) => n.id === selected.data.id)) items.unshift(selected.data as Need);

  return (
    <Select
      id={id}
      aria-label="来源技术需求"
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      disabled={disabled}
      loading={needs.isFetching}
      placeholder="输入关键词搜索已发布的企业技术需求（可不选）"
      value={value}
      notFoundContent={needs.isFetching ? '搜索中…' : '没有找到已发布的技术需求，可换个关键词'}
      onChange={(v: string | undefined) => {
        onChange?.(v);
        onPick(items.find((n) => n.id === v));
      }}
      options={items.map((n) => ({ value: n.id, label: `${n.title}（${n.organizationName ?? '未知单位'}）` }))}
    />
  );
}
