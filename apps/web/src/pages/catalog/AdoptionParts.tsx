import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ItemLink } from '../matching/EngagementParts';
import { ReadableTag } from '../notify/ReadableTag';

export type Adoption = components['schemas']['AdoptionViewDto'];
export type AdoptionStatus = Adoption['status'];
export type ContractKind = Adoption['contractKind'];

/** Colors of the adoption states; their Chinese names come from the API (statusLabel / reference). */
const STATUS_COLOR: Record<AdoptionStatus, string> = { pending: 'processing', confirmed: 'success', rejected: 'error' };

export const BENEFIT_KIND_LABELS: Record<NonNullable<Adoption['benefitKind']>, string> = { expected: '预期', realized: '已实现' };

/** Readable secondary text (antd's own secondary grey is below the WCAG AA contrast ratio). */
export const MUTED = { color: 'rgba(0, 0, 0, 0.65)' } as const;

export function AdoptionStatusTag({ status, label, testId }: { status: AdoptionStatus; label: string; testId?: string }) {
  return (
    <ReadableTag color={STATUS_COLOR[status] ?? 'default'} testId={testId}>
      {label}
    </ReadableTag>
  );
}

/** The need an adoption answered, when it came from an engagement (the adoption itself names only the result). */
export function AdoptionNeedLink({ engagementId }: { engagementId: string | null | undefined }) {
  const { data, isLoading } = useQuery({
    queryKey: ['engagement', engagementId],
    enabled: !!engagementId,
    queryFn: async () => unwrap(await api.GET('/api/engagements/{id}', { params: { path: { id: engagementId as string } } })),
  });
  if (!engagementId || (!isLoading && !data?.needId)) return <span style={MUTED}>—</span>;
  if (isLoading) return <span style={MUTED}>加载中…</span>;
  return <ItemLink type="need" id={data?.needId} />;
}
