import { Injectable } from '@nestjs/common';
import type { FederatedMultiSearchParams, MultiSearchFederation, MultiSearchQueryWithFederation, SearchParams } from 'meilisearch';
import { fenToYuan as yuan, highlightedHtml, refuseUpsideDownRanges, yuanToFen } from '@app/core';
import { SearchQueryDto, SearchSort } from '../dto/search.dto';
import { anyOf, eq, eqAny, range } from './filter.util';
import { SynonymDictionary } from '../relevance';
import { MeiliService } from './meili.service';
import { queryVariants } from './query-variants';
import { isIndexNotFound, isIndexNotSetUp } from './meili-errors.util';
import { highlightTerms, markedSnippet, markTerms } from './highlight';

const DISPLAY = [
  'id',
  'kind',
  'title',
  'keywords',
  'summary',
  'field',
  'region',
  'trl',
  'orgKind',
  'organizationId',
  'organizationName',
  'cooperationModes',
  'priceFen',
  'priceNegotiable',
  'budgetMinFen',
  'budgetMaxFen',
  'publishedAt',
];

interface Hit {
  id: string;
  title: string;
  keywords: string[];
  summary: string;
  field: string | null;
  region: string;
  trl: number | null;
  orgKind: string | null;
  organizationId: string;
  organizationName: string | null;
  cooperationModes: string[];
  priceFen: number | null;
  priceNegotiable: boolean;
  budgetMinFen: number | null;
  budgetMaxFen: number | null;
  publishedAt: number | null;
}

/** A rewritten query ranks a little below the user's own words when both find a record. */
const VARIANT_WEIGHT = 0.9;

/**
 * What a search sends to Meilisearch — one search, or a federated multi-search when synonyms widen
 * it — and the words its hits highlight (the api marks them itself).
 */
export type SearchRequest = { uid: string; path: string; highlight: string[] } & (
  | { federated: false; body: SearchParams & { q: string } }
  | { federated: true; body: { federation: MultiSearchFederation; queries: MultiSearchQueryWithFederation[] } }
);

interface Found {
  hits: Hit[];
  total: number;
  facets: Record<string, Record<string, number>>;
}

/** Public search over published needs or results: text, typed filters, facets, highlights, pages. */
@Injectable()
export class SearchService {
  private readonly synonyms = SynonymDictionary.default();

  constructor(private readonly meili: MeiliService) {}

  /** The exact Meilisearch request a search makes (also used by the benchmark's raw baseline). */
  request(q: SearchQueryDto): SearchRequest {
    refuseUpsideDownRanges([
      { label: '技术成熟度', from: 'trlMin', to: 'trlMax', min: q.trlMin, max: q.trlMax },
      { label: '价格', from: 'priceMinYuan', to: 'priceMaxYuan', min: q.priceMinYuan, max: q.priceMaxYuan },
    ]);
    const money = q.type === 'result' ? 'priceFen' : 'budgetMaxFen';
    const toFen = (yuan?: number): number | undefined => (yuan === undefined ? undefined : yuanToFen(yuan));
    const filter = [
      eq('status', 'published'),
      ...(q.field ? [eq('field', q.field)] : []),
      ...(q.region ? [eqAny(['region', 'city'], q.region)] : []),
      ...range('trl', q.trlMin, q.trlMax),
      ...range(money, toFen(q.priceMinYuan), toFen(q.priceMaxYuan)),
      ...(q.modes?.length ? [anyOf('cooperationModes', q.modes)] : []),
      ...(q.orgKind ? [eq('orgKind', q.orgKind)] : []),
    ];
    const uid = this.meili.uid(q.type);
    const text = q.q ?? '';
    // Meilisearch is asked only for what the page shows: the fields of a row, facets only when
    // asked for, an estimated total (offset/limit) rather than an exhaustive count, and no
    // formatted copies (the api highlights the 20 rows itself).
    const facets = q.facets ?? [];
    const display = { filter, attributesToRetrieve: DISPLAY, matchingStrategy: 'last' as const };
    const sort = sortOf(q.sort, money);
    const offset = (q.page - 1) * q.pageSize;
    // Synonym variants go out as one federated search. Meilisearch merges them by relevance, or by
    // the sort when every query carries the same one, so changing the order never changes the set.
    const variants = queryVariants(this.synonyms, text);
    const highlight = highlightTerms([text, ...variants]);
    if (variants.length === 0) {
      return {
        federated: false,
        uid,
        path: `/indexes/${uid}/search`,
        highlight,
        body: {
          q: text,
          ...display,
          ...(sort ? { sort } : {}),
          offset,
          limit: q.pageSize,
          ...(facets.length ? { facets } : {}),
        },
      };
    }
    return {
      federated: true,
      uid,
      path: '/multi-search',
      highlight,
      body: {
        federation: { offset, limit: q.pageSize, ...(facets.length ? { facetsByIndex: { [uid]: facets } } : {}) },
        queries: [text, ...variants].map((v, i) => ({
          indexUid: uid,
          q: v,
          ...display,
          ...(sort ? { sort } : {}),
          federationOptions: { weight: i === 0 ? 1 : VARIANT_WEIGHT },
        })),
      },
    };
  }

  async search(q: SearchQueryDto) {
    const request = this.request(q);
    const found = await this.send(request).catch(async (err: unknown) => {
      // An index not created yet (nothing published), or created a moment ago and still waiting
      // for its settings (so empty), is an empty result, not an error.
      if (isIndexNotFound(err) || (isIndexNotSetUp(err) && (await this.waitingForSettings(request.uid)))) return null;
      throw err;
    });
    if (!found) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, facets: {} };
    return {
      items: found.hits.map((h) => ({
        id: h.id,
        type: q.type,
        title: h.title,
        // HTML with the user's text escaped: only the highlight becomes markup.
        titleHighlighted: highlightedHtml(markTerms(h.title, request.highlight)),
        snippet: highlightedHtml(markedSnippet(h.summary, request.highlight)),
        keywords: h.keywords,
        field: h.field,
        region: h.region,
        trl: h.trl,
        organizationId: h.organizationId,
        organizationName: h.organizationName,
        organizationKind: h.orgKind,
        cooperationModes: h.cooperationModes,
        priceYuan: yuan(h.priceFen),
        priceNegotiable: h.priceNegotiable,
        budgetMinYuan: yuan(h.budgetMinFen),
        budgetMaxYuan: yuan(h.budgetMaxFen),
      })),
      total: found.total,
      page: q.page,
      pageSize: q.pageSize,
      facets: found.facets,
    };
  }

  /** True while an index has none of the product's filterable attributes (its settings task is queued). */
  private async waitingForSettings(uid: string): Promise<boolean> {
    const filterable = await this.meili.client
      .index(uid)
      .getFilterableAttributes()
      .catch(() => null);
    return filterable !== null && filterable.length === 0;
  }

  private async send(req: SearchRequest): Promise<Found> {
    if (!req.federated) {
      const { q: text, ...options } = req.body;
      const res = await this.meili.client.index(req.uid).search<Hit>(text, options);
      return { hits: res.hits, total: res.estimatedTotalHits ?? res.hits.length, facets: res.facetDistribution ?? {} };
    }
    const res = await this.meili.client.multiSearch<FederatedMultiSearchParams, Hit>(req.body);
    return {
      hits: res.hits,
      total: res.estimatedTotalHits ?? res.hits.length,
      facets: res.facetsByIndex?.[req.uid]?.distribution ?? {},
    };
  }
}

/** Meilisearch's sort for a search's order (none: by relevance). Missing values sort last. */
function sortOf(order: SearchSort | undefined, money: 'priceFen' | 'budgetMaxFen'): string[] | undefined {
  switch (order) {
    case 'newest':
      return ['publishedAt:desc'];
    case 'trl':
      return ['trl:desc', 'publishedAt:desc'];
    case 'price-asc':
      return [`${money}:asc`];
    case 'price-desc':
      return [`${money}:desc`];
    default:
      return undefined;
  }
}
