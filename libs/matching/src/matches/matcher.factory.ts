import { Injectable } from '@nestjs/common';
import { CatalogReader, MatchableItem } from '@app/catalog';
import { RelevanceMatcher, type MatchHit, type MatchQuery } from '../relevance';
import { IndexedType, MeiliService } from '../search/meili.service';
import { SearchStatsService } from '../search/search-stats.service';
import { isIndexNotFound } from '../search/meili-errors.util';

/** Runs the relevance engine against one of the product's indexes with that index's statistics. */
@Injectable()
export class MatcherFactory {
  constructor(
    private readonly meili: MeiliService,
    private readonly stats: SearchStatsService,
    private readonly catalog: CatalogReader,
  ) {}

  /** Best published documents of `target` for the query; an index not created yet yields nothing. */
  async rank(target: IndexedType, query: MatchQuery, limit: number): Promise<MatchHit[]> {
    const stats = await this.stats.current(target);
    if (stats.docCount === 0) return [];
    const matcher = new RelevanceMatcher({ client: this.meili.client, indexUid: this.meili.uid(target), stats });
    try {
      return await matcher.match(query, { limit, candidates: 200, filter: 'status = "published"' });
    } catch (err) {
      if (isIndexNotFound(err)) return [];
      throw err;
    }
  }

  /** The same ranking, with each hit's published item (for callers that need its organization). */
  async rankItems(target: IndexedType, query: MatchQuery, limit: number): Promise<(MatchHit & MatchableItem)[]> {
    const hits = await this.rank(target, query, limit);
    const items = new Map(
      (
        await this.catalog.items(
          target,
          hits.map((h) => h.id),
        )
      ).map((i) => [i.id, i]),
    );
    return hits.flatMap((h) => {
      const item = items.get(h.id);
      return item && item.status === 'published' ? [{ ...item, ...h }] : [];
    });
  }
}
