import { Injectable } from '@nestjs/common';
import type { SearchParams } from 'meilisearch';
import { ValidationFailedError } from '@app/core';
import { FACETS, SearchQueryDto } from '../dto/search.dto';
import { anyOf, eq, range } from './filter.util';
import { MeiliService } from './meili.service';
import { isIndexNotFound } from './meili-errors.util';

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
  _formatted?: { title?: string; summary?: string };
}

const yuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);

/** Public search over published needs or results: text, typed filters, facets, highlights, pages. */
@Injectable()
export class SearchService {
  constructor(private readonly meili: MeiliService) {}

  /** The exact Meilisearch request a search makes (also used by the benchmark's raw baseline). */
  request(q: SearchQueryDto): { uid: string; body: SearchParams & { q: string } } {
    if (q.trlMin !== undefined && q.trlMax !== undefined && q.trlMin > q.trlMax) {
      throw new ValidationFailedError('技术成熟度下限不能大于上限', [{ field: 'trlMin', message: '不能大于 trlMax' }]);
    }
    if (q.priceMinYuan !== undefined && q.priceMaxYuan !== undefined && q.priceMinYuan > q.priceMaxYuan) {
      throw new ValidationFailedError('价格下限不能大于上限', [{ field: 'priceMinYuan', message: '不能大于 priceMaxYuan' }]);
    }
    const money = q.type === 'result' ? 'priceFen' : 'budgetMaxFen';
    const toFen = (yuan?: number): number | undefined => (yuan === undefined ? undefined : yuan * 100);
    const filter = [
      eq('status', 'published'),
      ...(q.field ? [eq('field', q.field)] : []),
      ...(q.region ? [eq('region', q.region)] : []),
      ...range('trl', q.trlMin, q.trlMax),
      ...range(money, toFen(q.priceMinYuan), toFen(q.priceMaxYuan)),
      ...(q.modes?.length ? [anyOf('cooperationModes', q.modes)] : []),
      ...(q.orgKind ? [eq('orgKind', q.orgKind)] : []),
    ];
    return {
      uid: this.meili.uid(q.type),
      body: {
        q: q.q ?? '',
        filter,
        page: q.page,
        hitsPerPage: q.pageSize,
        facets: q.facets ?? [...FACETS],
        attributesToRetrieve: DISPLAY,
        attributesToHighlight: ['title', 'summary'],
        attributesToCrop: ['summary'],
        cropLength: 60,
        highlightPreTag: '<em>',
        highlightPostTag: '</em>',
        matchingStrategy: 'last',
      },
    };
  }

  async search(q: SearchQueryDto) {
    const { uid, body } = this.request(q);
    const { q: text, ...options } = body;
    const res = await this.meili.client
      .index(uid)
      .search<Hit>(text, options)
      .catch((err: unknown) => {
        // An index not created yet (nothing published) is an empty result, not an error.
        if (isIndexNotFound(err)) return null;
        throw err;
      });
    if (!res) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, facets: {} };
    return {
      items: res.hits.map((h) => ({
        id: h.id,
        type: q.type,
        title: h.title,
        titleHighlighted: h._formatted?.title ?? h.title,
        snippet: h._formatted?.summary ?? h.summary.slice(0, 120),
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
      total: (res as { totalHits?: number }).totalHits ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      facets: res.facetDistribution ?? {},
    };
  }
}
