import { useQuery } from '@tanstack/react-query';
import { ConfigProvider, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { type Tone, ToneTag } from '../../components/ToneTag';
import type { components } from '../../api/schema';

/** Shared pieces of the 揭榜挂帅 pages: types, queries, status names and the application window. */
export type Challenge = components['schemas']['ChallengeDetailDto'];
export type Proposal = components['schemas']['ProposalViewDto'];
export type Milestone = components['schemas']['MilestoneViewDto'];
export type Objection = components['schemas']['ObjectionViewDto'];
export type Attachment = components['schemas']['ProposalAttachmentDto'];

export { ToneTag, type Tone } from '../../components/ToneTag';

const CHALLENGE_TONE: Record<string, Tone> = {
  draft: 'grey',
  published: 'green',
  reviewing: 'blue',
  awarded: 'gold',
  in_progress: 'cyan',
  completed: 'green',
  failed: 'red',
  cancelled: 'grey',
};

export const PROPOSAL_STATUS: Record<string, { label: string; tone: Tone }> = {
  draft: { label: '草稿', tone: 'grey' },
  submitted: { label: '已提交', tone: 'blue' },
  withdrawn: { label: '已撤回', tone: 'grey' },
  ineligible: { label: '未通过形式审查', tone: 'red' },
  shortlisted: { label: '入围评审', tone: 'cyan' },
  awarded: { label: '已中榜', tone: 'green' },
  declined: { label: '未中榜', tone: 'grey' },
};

export const MILESTONE_STATUS: Record<string, { label: string; tone: Tone }> = {
  pending: { label: '待提交', tone: 'grey' },
  submitted: { label: '待验收', tone: 'blue' },
  accepted: { label: '已通过', tone: 'green' },
  returned: { label: '已退回', tone: 'red' },
};

/** Statuses from which the winners are public (公示 onwards). */
export const WINNERS_NAMED = ['awarded', 'in_progress', 'completed', 'failed'];

export function ChallengeStatusTag({ challenge }: { challenge: Pick<Challenge, 'status' | 'statusLabel'> }) {
  return <ToneTag tone={CHALLENGE_TONE[challenge.status] ?? 'grey'}>{challenge.statusLabel}</ToneTag>;
}

export function ProposalStatusTag({ status, testId }: { status: string; testId?: string }) {
  const s = PROPOSAL_STATUS[status] ?? { label: status, tone: 'grey' };
  return (
    <ToneTag tone={s.tone} testId={testId}>
      {s.label}
    </ToneTag>
  );
}

/** Links inside running text are underlined, so that they do not rely on colour alone. */
export const UNDERLINE: CSSProperties = { textDecoration: 'underline' };

/**
 * The shell's theme leaves secondary text, links and info colours below 4.5:1 contrast; these
 * pages darken them so that every text passes WCAG AA.
 */
const READABLE = {
  token: {
    colorLink: '#1659c7',
    colorInfo: '#1659c7',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
};

export function ReadableTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={READABLE}>{children}</ConfigProvider>;
}

export type WindowState = 'upcoming' | 'open' | 'closed' | 'not-published';

/** Where the application window stands by this browser's clock (the server's clock decides). */
export function windowState(c: Pick<Challenge, 'status' | 'opensAt' | 'closesAt'>, now = Date.now()): WindowState {
  if (c.status !== 'published') return c.status === 'draft' ? 'not-published' : 'closed';
  if (now < new Date(c.opensAt).getTime()) return 'upcoming';
  if (now >= new Date(c.closesAt).getTime()) return 'closed';
  return 'open';
}

/** "还剩 3 天" / "还剩 5 小时" until a moment, or null once it has passed. */
export function timeLeftText(iso: string, now = Date.now()): string | null {
  const ms = new Date(iso).getTime() - now;
  if (ms <= 0) return null;
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return `还剩 ${days} 天`;
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 1 ? `还剩 ${hours} 小时` : '不足 1 小时';
}

export function windowText(c: Pick<Challenge, 'status' | 'opensAt' | 'closesAt'>): string {
  switch (windowState(c)) {
    case 'upcoming':
      return `申报尚未开始（${timeLeftText(c.opensAt)?.replace('还剩', '')}后开始）`;
    case 'open':
      return `申报中，${timeLeftText(c.closesAt)}截止`;
    case 'not-published':
      return '榜单尚未发布';
    default:
      return '申报已截止';
  }
}

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function useChallenge(id: string | undefined) {
  return useQuery({
    queryKey: ['challenge', id],
    enabled: !!id,
    queryFn: async () => unwrap(await api.GET('/api/challenges/{id}', { params: { path: { id: id! } } })),
  });
}

/** The caller's own proposals on a challenge (as lead or consortium partner); the API answers only those to an applicant. */
export function useMyProposals(challengeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['challenge-proposals', challengeId, 'mine'],
    enabled: enabled && !!challengeId,
    queryFn: async () =>
      unwrap(await api.GET('/api/challenges/{id}/proposals', { params: { path: { id: challengeId! }, query: { page: 1, pageSize: 20 } } })),
  });
}

/** An organization's public name, for links (partners, the co-funder). */
export function useOrganizationName(id: string | null | undefined) {
  return useQuery({
    queryKey: ['challenges', 'organization', id],
    enabled: !!id,
    staleTime: 5 * 60_000,
    queryFn: async () => unwrap(await api.GET('/api/organizations/{id}', { params: { path: { id: id! } } })),
    select: (o) => o.name,
  });
}

/** Secondary text dark enough for WCAG AA contrast (antd's secondary grey is too light on white). */
export function Muted({ children }: { children: ReactNode }) {
  return <Typography.Text style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</Typography.Text>;
}
