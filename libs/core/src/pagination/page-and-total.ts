import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * One page of a single-table query and the query's total, in one round trip (`count(*) OVER ()`
 * beside each row); only a page past the end is counted apart. TypeORM's getManyAndCount makes two
 * queries, its count a COUNT(DISTINCT id).
 */
export async function pageAndTotal<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, skip: number, take: number): Promise<[T[], number]> {
  const { entities, raw } = await qb
    .clone()
    .addSelect('count(*) OVER ()', 'page_total')
    .offset(skip)
    .limit(take)
    .getRawAndEntities<{ page_total: string }>();
  if (raw.length) return [entities, Number(raw[0].page_total)];
  return [entities, skip > 0 ? await qb.clone().orderBy().getCount() : 0];
}
