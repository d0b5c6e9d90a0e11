import { ADOPTION_STATUS_LABELS } from './catalog.constants';
import type { Adoption } from './adoption.entity';
import { fenToYuan } from './money.util';
import type { OrgRef } from './organization-directory';
import type { Result } from './result.entity';

export interface AdoptionView {
  id: string;
  resultId: string;
  resultTitle: string | null;
  resultField: string | null;
  resultOrganizationId: string;
  resultOrganizationName: string | null;
  enterpriseId: string;
  enterpriseName: string | null;
  contractKind: string;
  amountYuan: number;
  signedOn: string;
  contractRegistrationNo: string | null;
  benefitKind: string | null;
  benefit: string | null;
  benefitAmountYuan: number | null;
  status: Adoption['status'];
  statusLabel: string;
  confirmedAt: Date | null;
  createdAt: Date;
  /** Only for both sides and the bureau. */
  rejectReason?: string | null;
  enteredByOrganizationId?: string;
  engagementId?: string | null;
}

export function toAdoptionView(
  a: Adoption,
  result: Pick<Result, 'title' | 'field'> | undefined,
  orgs: Map<string, OrgRef>,
  full: boolean,
): AdoptionView {
  const view: AdoptionView = {
    id: a.id,
    resultId: a.resultId,
    resultTitle: result?.title ?? null,
    resultField: result?.field ?? null,
    resultOrganizationId: a.resultOrganizationId,
    resultOrganizationName: orgs.get(a.resultOrganizationId)?.name ?? null,
    enterpriseId: a.enterpriseId,
    enterpriseName: orgs.get(a.enterpriseId)?.name ?? null,
    contractKind: a.contractKind,
    amountYuan: fenToYuan(a.amountFen) as number,
    signedOn: a.signedOn,
    contractRegistrationNo: a.contractRegistrationNo,
    benefitKind: a.benefitKind,
    benefit: a.benefit,
    benefitAmountYuan: fenToYuan(a.benefitAmountFen),
    status: a.status,
    statusLabel: ADOPTION_STATUS_LABELS[a.status],
    confirmedAt: a.confirmedAt,
    createdAt: a.createdAt,
  };
  if (full)
    Object.assign(view, { rejectReason: a.rejectReason, enteredByOrganizationId: a.enteredByOrganizationId, engagementId: a.engagementId });
  return view;
}
