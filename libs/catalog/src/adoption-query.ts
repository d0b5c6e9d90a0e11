import { Brackets, SelectQueryBuilder } from 'typeorm';
import { AuthUser, isBureau, refuseUpsideDownRanges } from '@app/core';
import type { Adoption } from './adoption.entity';
import type { AdoptionFilterDto } from './dto/adoption.dto';

const SORTS = { signedOn: 'signed_on', amount: 'amount_fen', createdAt: 'created_at' } as const;

/** Visibility and filters of the application list: confirmed ones are public, the rest for both sides and the bureau. */
export function applyAdoptionFilters(
  qb: SelectQueryBuilder<Adoption>,
  q: AdoptionFilterDto,
  viewer: AuthUser | undefined,
): SelectQueryBuilder<Adoption> {
  refuseUpsideDownRanges([{ label: '签订日期', from: 'signedFrom', to: 'signedTo', min: q.signedFrom, max: q.signedTo }]);
  if (!isBureau(viewer)) {
    qb.andWhere(
      new Brackets((b) => {
        b.where(`a.status = 'confirmed'`);
        if (viewer)
          b.orWhere('(a.enterprise_id = :viewerOrg OR a.result_organization_id = :viewerOrg)', { viewerOrg: viewer.organizationId });
      }),
    );
  }
  if (q.status) qb.andWhere('a.status = :status', { status: q.status });
  if (q.contractStatus) qb.andWhere('a.contract_status = :contractStatus', { contractStatus: q.contractStatus });
  if (q.contractKind) qb.andWhere('a.contract_kind = :kind', { kind: q.contractKind });
  if (q.resultId) qb.andWhere('a.result_id = :resultId', { resultId: q.resultId });
  if (q.organizationId) qb.andWhere('(a.enterprise_id = :o OR a.result_organization_id = :o)', { o: q.organizationId });
  if (q.field) qb.andWhere('a.result_id IN (SELECT r.id FROM result r WHERE r.field = :field)', { field: q.field });
  if (q.signedFrom) qb.andWhere('a.signed_on >= :sf', { sf: q.signedFrom });
  if (q.signedTo) qb.andWhere('a.signed_on <= :st', { st: q.signedTo });
  const order = q.order === 'asc' ? 'ASC' : 'DESC';
  return qb.orderBy(`a.${SORTS[q.sort ?? 'signedOn']}`, order).addOrderBy('a.id', order);
}
