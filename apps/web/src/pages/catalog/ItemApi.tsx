import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, operations } from '../../api/schema';

/**
 * What needs (技术需求) and results (科技成果) share: their words, their paths, and one set of
 * calls for both kinds, so the list, the form, the owner's panel and the matches are written once.
 */
export type ItemKind = 'need' | 'result';
export type NeedView = components['schemas']['NeedViewDto'];
export type ResultView = components['schemas']['ResultViewDto'];
export type ItemView = NeedView | ResultView;
export type ItemStatus = NeedView['status'];
export type QualityReport = components['schemas']['QualityReportDto'];
export type QualityHint = components['schemas']['QualityHintDto'];
export type HistoryEntry = components['schemas']['CatalogHistoryEntryDto'];
/** A revision (修改) of a published item: the owner's change, waiting for the bureau or decided. */
export type RevisionView = components['schemas']['RevisionViewDto'];
export type FieldChange = components['schemas']['FieldChangeDto'];
export type NeedBody = components['schemas']['UpdateNeedDto'];
export type ResultBody = components['schemas']['UpdateResultDto'];
export type ItemListQuery = NonNullable<operations['NeedsController_list']['parameters']['query']>;

export const KIND_TEXT: Record<
  ItemKind,
  {
    noun: string;
    full: string;
    other: string;
    base: string;
    mine: string;
    newPath: string;
    myTitle: string;
    create: string;
    owners: string[];
    ownerNote: string;
  }
> = {
  need: {
    noun: '需求',
    full: '技术需求',
    other: '科技成果',
    base: '/needs',
    mine: '/my/needs',
    newPath: '/my/needs/new',
    myTitle: '我的需求',
    create: '发布需求',
    owners: ['enterprise'],
    ownerNote: '技术需求由企业发布。',
  },
  result: {
    noun: '成果',
    full: '科技成果',
    other: '技术需求',
    base: '/results',
    mine: '/my/results',
    newPath: '/my/results/new',
    myTitle: '我的成果',
    create: '发布成果',
    owners: ['university', 'institute'],
    ownerNote: '科技成果由高校和科研院所发布。',
  },
};

/** Why this organization cannot publish this kind, and where it can publish instead. */
export function ownerNote(kind: ItemKind, orgKind: string | undefined): string {
  const other: ItemKind = kind === 'need' ? 'result' : 'need';
  const elsewhere =
    orgKind && KIND_TEXT[other].owners.includes(orgKind) ? `本单位可以在“${KIND_TEXT[other].myTitle}”中${KIND_TEXT[other].create}。` : '';
  return KIND_TEXT[kind].ownerNote + elsewhere;
}

export const itemPath = (kind: ItemKind, id: string): string => `${KIND_TEXT[kind].base}/${id}`;
export const editable = (status: ItemStatus | undefined): boolean => status === 'draft' || status === 'rejected';
/** A published item is changed through a revision that the bureau reviews. */
export const revisable = (status: ItemStatus | undefined): boolean => status === 'published';

const byId = (id: string) => ({ params: { path: { id } } });

export async function listItems(kind: ItemKind, query: ItemListQuery) {
  return kind === 'need'
    ? unwrap(await api.GET('/api/needs', { params: { query } }))
    : unwrap(await api.GET('/api/results', { params: { query } }));
}

export async function getItem(kind: ItemKind, id: string): Promise<ItemView> {
  return kind === 'need' ? unwrap(await api.GET('/api/needs/{id}', byId(id))) : unwrap(await api.GET('/api/results/{id}', byId(id)));
}

export async function getQuality(kind: ItemKind, id: string): Promise<QualityReport> {
  return kind === 'need'
    ? unwrap(await api.GET('/api/needs/{id}/quality', byId(id)))
    : unwrap(await api.GET('/api/results/{id}/quality', byId(id)));
}

export async function getHistory(kind: ItemKind, id: string): Promise<HistoryEntry[]> {
  return kind === 'need'
    ? unwrap(await api.GET('/api/needs/{id}/history', byId(id)))
    : unwrap(await api.GET('/api/results/{id}/history', byId(id)));
}

/** The owner's change: a draft or rejected item answers itself, a published one the revision (202). */
async function patchItem(kind: ItemKind, id: string, body: Record<string, unknown>): Promise<ItemView | RevisionView> {
  return kind === 'need'
    ? unwrap(await api.PATCH('/api/needs/{id}', { ...byId(id), body: body as NeedBody }))
    : unwrap(await api.PATCH('/api/results/{id}', { ...byId(id), body: body as ResultBody }));
}

const isRevision = (v: ItemView | RevisionView): v is RevisionView => 'changes' in v;

/** Creates a draft (no id yet) or changes one; the body is the API's own field names, in yuan. */
export async function saveItem(kind: ItemKind, id: string | undefined, body: Record<string, unknown>): Promise<ItemView> {
  if (!id) {
    return kind === 'need'
      ? unwrap(await api.POST('/api/needs', { body: body as components['schemas']['CreateNeedDto'] }))
      : unwrap(await api.POST('/api/results', { body: body as components['schemas']['CreateResultDto'] }));
  }
  const saved = await patchItem(kind, id, body);
  if (isRevision(saved)) throw new Error('这条内容已公开发布，修改已提交科技局审核');
  return saved;
}

/** Submits (or updates) the revision of a published item; what the public sees changes only once the bureau approves it. */
export async function proposeRevision(kind: ItemKind, id: string, body: Record<string, unknown>): Promise<RevisionView> {
  const saved = await patchItem(kind, id, body);
  if (!isRevision(saved)) throw new Error('这条内容已不是已发布状态，请刷新后再修改');
  return saved;
}

/** The item's latest revision (pending, or the last decided one), for its owner and the bureau. */
export async function latestRevision(kind: ItemKind, itemId: string): Promise<RevisionView | null> {
  const page = unwrap(await api.GET('/api/revisions', { params: { query: { itemType: kind, itemId, page: 1, pageSize: 1 } } }));
  return page.items[0] ?? null;
}

export async function withdrawRevision(id: string): Promise<RevisionView> {
  return unwrap(await api.POST('/api/revisions/{id}/withdraw', byId(id)));
}

export async function submitItem(kind: ItemKind, id: string): Promise<ItemView> {
  return kind === 'need'
    ? unwrap(await api.POST('/api/needs/{id}/submit', byId(id)))
    : unwrap(await api.POST('/api/results/{id}/submit', byId(id)));
}

export async function closeItem(kind: ItemKind, id: string, reason: string | undefined): Promise<ItemView> {
  const body = { reason: reason?.trim() || undefined };
  return kind === 'need'
    ? unwrap(await api.POST('/api/needs/{id}/close', { ...byId(id), body }))
    : unwrap(await api.POST('/api/results/{id}/close', { ...byId(id), body }));
}

export const itemKey = (kind: ItemKind, id: string | undefined) => ['item', kind, id] as const;
export const qualityKey = (kind: ItemKind, id: string | undefined) => ['item-quality', kind, id] as const;
export const historyKey = (kind: ItemKind, id: string | undefined) => ['item-history', kind, id] as const;
export const revisionKey = (kind: ItemKind, id: string | undefined) => ['item-revision', kind, id] as const;

/**
 * After a change of state: every cached query about this item (whoever's page asked for it),
 * the lists of this kind and the search results.
 */
export async function invalidateItem(qc: QueryClient, kind: ItemKind, id: string): Promise<void> {
  await qc.invalidateQueries({
    predicate: (q) =>
      q.queryKey.includes(id) ||
      q.queryKey[0] === 'my-items' ||
      q.queryKey.some((k) => typeof k === 'string' && (k.includes(kind === 'need' ? 'needs' : 'results') || k.includes('search'))),
  });
}
