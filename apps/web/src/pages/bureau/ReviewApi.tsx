import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

/** The three lists the bureau reviews, and the calls for each (the API's paths differ per list). */
export type ReviewKind = 'needs' | 'results' | 'adoptions';
export type NeedView = components['schemas']['NeedViewDto'];
export type ResultView = components['schemas']['ResultViewDto'];
export type AdoptionView = components['schemas']['AdoptionViewDto'];
export type ReviewItem = NeedView | ResultView | AdoptionView;
export type HistoryEntry = components['schemas']['CatalogHistoryEntryDto'];
export type CorrectNeedBody = components['schemas']['CorrectNeedDto'];
export type CorrectResultBody = components['schemas']['CorrectResultDto'];
export type RevisionView = components['schemas']['RevisionViewDto'];

export const KIND_NOUN: Record<ReviewKind, string> = { needs: '需求', results: '成果', adoptions: '转化应用' };

const byId = (id: string) => ({ params: { path: { id } } });

export async function getQueue(kind: ReviewKind, page: number, pageSize: number) {
  const params = { query: { page, pageSize } };
  if (kind === 'needs') return unwrap(await api.GET('/api/needs/review-queue', { params }));
  if (kind === 'results') return unwrap(await api.GET('/api/results/review-queue', { params }));
  return unwrap(await api.GET('/api/adoptions/review-queue', { params }));
}

/** Published needs or results, for corrections (newest first, searchable). */
export async function getPublished(kind: 'needs' | 'results', page: number, pageSize: number, q: string | undefined) {
  const query = { page, pageSize, status: 'published' as const, q: q || undefined, sort: 'publishedAt' as const, order: 'desc' as const };
  if (kind === 'needs') return unwrap(await api.GET('/api/needs', { params: { query } }));
  return unwrap(await api.GET('/api/results', { params: { query } }));
}

export async function getItem(kind: ReviewKind, id: string): Promise<ReviewItem> {
  if (kind === 'needs') return unwrap(await api.GET('/api/needs/{id}', byId(id)));
  if (kind === 'results') return unwrap(await api.GET('/api/results/{id}', byId(id)));
  return unwrap(await api.GET('/api/adoptions/{id}', byId(id)));
}

export async function getHistory(kind: ReviewKind, id: string): Promise<HistoryEntry[]> {
  if (kind === 'needs') return unwrap(await api.GET('/api/needs/{id}/history', byId(id)));
  if (kind === 'results') return unwrap(await api.GET('/api/results/{id}/history', byId(id)));
  return unwrap(await api.GET('/api/adoptions/{id}/history', byId(id)));
}

/** 通过: approve a need or result, confirm an adoption. */
export async function approve(kind: ReviewKind, id: string): Promise<ReviewItem> {
  if (kind === 'needs') return unwrap(await api.POST('/api/needs/{id}/approve', byId(id)));
  if (kind === 'results') return unwrap(await api.POST('/api/results/{id}/approve', byId(id)));
  return unwrap(await api.POST('/api/adoptions/{id}/confirm', byId(id)));
}

export async function reject(kind: ReviewKind, id: string, reason: string): Promise<ReviewItem> {
  const body = { reason };
  if (kind === 'needs') return unwrap(await api.POST('/api/needs/{id}/reject', { ...byId(id), body }));
  if (kind === 'results') return unwrap(await api.POST('/api/results/{id}/reject', { ...byId(id), body }));
  return unwrap(await api.POST('/api/adoptions/{id}/reject', { ...byId(id), body }));
}

export async function correct(kind: 'needs' | 'results', id: string, body: CorrectNeedBody | CorrectResultBody): Promise<ReviewItem> {
  if (kind === 'needs') return unwrap(await api.POST('/api/needs/{id}/correct', { ...byId(id), body: body as CorrectNeedBody }));
  return unwrap(await api.POST('/api/results/{id}/correct', { ...byId(id), body: body as CorrectResultBody }));
}

/** Revisions (修改) of published needs and results waiting for the bureau, oldest first. */
export async function getRevisionQueue(page: number, pageSize: number) {
  return unwrap(await api.GET('/api/revisions', { params: { query: { status: 'pending', page, pageSize } } }));
}

export async function getRevision(id: string): Promise<RevisionView> {
  return unwrap(await api.GET('/api/revisions/{id}', byId(id)));
}

export async function approveRevision(id: string): Promise<RevisionView> {
  return unwrap(await api.POST('/api/revisions/{id}/approve', byId(id)));
}

export async function rejectRevision(id: string, reason: string): Promise<RevisionView> {
  return unwrap(await api.POST('/api/revisions/{id}/reject', { ...byId(id), body: { reason } }));
}

export const queueKey = (kind: ReviewKind) => ['review-queue', kind] as const;
export const itemKey = (kind: ReviewKind, id: string | undefined) => ['review-item', kind, id] as const;
export const historyKey = (kind: ReviewKind, id: string | undefined) => ['review-history', kind, id] as const;

/** After a decision: the queues, this item anywhere it is cached, the lists and search results of its kind. */
export async function invalidateReviewed(qc: QueryClient, kind: ReviewKind, id: string): Promise<void> {
  await qc.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === 'review-queue' ||
      q.queryKey[0] === 'review-published' ||
      q.queryKey.includes(id) ||
      q.queryKey.some((k) => typeof k === 'string' && (k.includes(kind) || k.includes('search') || k.includes('dashboard'))),
  });
}

export const isAdoption = (kind: ReviewKind, _item: ReviewItem): _item is AdoptionView => kind === 'adoptions';
