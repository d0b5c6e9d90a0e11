import { Injectable } from '@nestjs/common';
import { CatalogReader, MatchableItem } from '@app/catalog';
import { CappedMap } from '@app/core';
import { RelevanceMatcher, type MatchHit, type MatchQuery, type WeightedQuery } from '../relevance';
import { IndexedType, MeiliService } from '../search/meili.service';
import { SearchStatsService } from '../search/search-stats.service';
import { isIndexNotFound } from '../search/meili-errors.util';

/** How many needs' analysed queries are kept between computations (jieba costs ≈ 1.5 ms a need). */
const WEIGHED_NEEDS_KEPT = 5000;

/** The query form of a need. */
function needQuery(need: MatchableItem): MatchQuery {
  return { title: need.title, description: need.body, keywords: need.keywords, field: need.field };
}

/** Runs the relevance engine against one of the product's indexes with that index's statistics. */
@Injectable()
export class MatcherFactory {
  /** Needs' analysed queries by their text (the newest WEIGHED_NEEDS_KEPT). */
  private readonly weighed = new CappedMap<string, WeightedQuery>(WEIGHED_NEEDS_KEPT);

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

  /**
   * Scores one result for each of `needs` in the need → result direction (the need is the query,
   * with the results index's statistics): the score the need's own matching gives that result, so a
   * pair scores the same whichever side was published last.
   */
  async scoreForNeeds(result: MatchableItem, needs: readonly MatchableItem[]): Promise<Map<string, MatchHit>> {
    const stats = await this.stats.current('result');
    const out = new Map<string, MatchHit>();
    if (stats.docCount === 0 || needs.length === 0) return out;
    const matcher = new RelevanceMatcher({ client: this.meili.client, indexUid: this.meili.uid('result'), stats });
    const candidate = RelevanceMatcher.toCandidate(result);
    for (const need of needs) {
      const key = `${stats.revision}\u0000${need.title}\u0000${need.keywords.join('；')}\u0000${need.body}`;
      let weighted = this.weighed.get(key);
      if (!weighted) {
        weighted = matcher.weigh(needQuery(need));
        this.weighed.set(key, weighted);
      }
      out.set(need.id, { ...matcher.scoreCandidate(weighted, candidate), id: need.id });
    }
    return out;
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
