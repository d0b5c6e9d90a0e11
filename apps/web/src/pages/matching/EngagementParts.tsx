import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ENGAGEMENT_STATUS } from '../../components/labels';
import { ReadableTag } from '../notify/ReadableTag';

export type Engagement = components['schemas']['EngagementViewDto'];
export type EngagementStatus = Engagement['status'];
export type DeclineReason = components['schemas']['DeclineDto']['reason'];

/** The API's fixed list of decline reasons (DeclineDto.reason). */
export const DECLINE_REASONS: DeclineReason[] = ['领域不符', '技术不成熟', '价格或预算不合适', '已有解决方案', '合作方式不合适', '其他'];

/** Which side of the engagement the signed-in organization is on (null: the bureau looking on). */
export function sideOf(e: Engagement, organizationId: string | undefined): 'requester' | 'receiver' | null {
  if (organizationId === e.requesterOrganizationId) return 'requester';
  if (organizationId === e.receiverOrganizationId) return 'receiver';
  return null;
}

interface ItemSummary {
  title: string;
  organizationId: string;
  organizationName: string | null;
}

/** A need's or a result's title (the engagement itself carries only ids). */
export function useItemSummary(type: 'need' | 'result', id: string | null | undefined) {
  return useQuery({
    queryKey: ['engagement-item', type, id],
    enabled: !!id,
    staleTime: 60_000,
    queryFn: async (): Promise<ItemSummary> => {
      const path = { params: { path: { id: id as string } } };
      const item = type === 'need' ? unwrap(await api.GET('/api/needs/{id}', path)) : unwrap(await api.GET('/api/results/{id}', path));
      return { title: item.title, organizationId: item.organizationId, organizationName: item.organizationName ?? null };
    },
  });
}

/** An organization's name (public profile). */
export function useOrganizationName(id: string | null | undefined) {
  return useQuery({
    queryKey: ['engagement-org', id],
    enabled: !!id,
    staleTime: 5 * 60_000,
    queryFn: async () => unwrap(await api.GET('/api/organizations/{id}', { params: { path: { id: id as string } } })).name,
  });
}

/** Readable secondary text (antd's own secondary grey is below the WCAG AA contrast ratio). */
export const MUTED = { color: 'rgba(0, 0, 0, 0.65)' } as const;

const ITEM_WORD = { need: '技术需求', result: '科技成果' } as const;

/** The title of a need or result, linking to its page. */
export function ItemLink({
  type,
  id,
  title,
  prefix = false,
}: {
  type: 'need' | 'result';
  id: string | null | undefined;
  /** The title when the answer already carries it (nothing is fetched then). */
  title?: string | null;
  prefix?: boolean;
}) {
  const { data, isError, isLoading } = useItemSummary(type, title ? undefined : id);
  if (!id) return <Typography.Text style={MUTED}>—</Typography.Text>;
  const label = title ?? (isLoading ? '加载中…' : isError ? `${ITEM_WORD[type]}（已不可查看）` : (data?.title ?? ITEM_WORD[type]));
  return (
    <span>
      {prefix && <Typography.Text style={MUTED}>{ITEM_WORD[type]}：</Typography.Text>}
      <Link to={`/${type}s/${id}`}>{label}</Link>
    </span>
  );
}

/** An organization's name, linking to its public page. */
export function OrganizationLink({ id, name }: { id: string | null | undefined; name?: string | null }) {
  const { data, isError } = useOrganizationName(name ? undefined : id);
  if (!id) return <Typography.Text style={MUTED}>—</Typography.Text>;
  return <Link to={`/organizations/${id}`}>{name ?? data ?? (isError ? '（单位信息不可查看）' : '加载中…')}</Link>;
}

export function EngagementStatusTag({ status, testId }: { status: EngagementStatus; testId?: string }) {
  const s = ENGAGEMENT_STATUS[status] ?? { label: status, color: 'default' };
  return (
    <ReadableTag color={s.color} testId={testId}>
      {s.label}
    </ReadableTag>
  );
}
