import { ADOPTION_STATUS_LABELS, CONTRACT_CATEGORY_OF, CONTRACT_STATUS_LABELS, TechContractCategory } from './catalog.constants';
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
  contractCategory: TechContractCategory;
  amountYuan: number;
  techAmountYuan: number | null;
  signedOn: string;
  contractRegistrationNo: string | null;
  contractStatus: Adoption['contractStatus'];
  contractStatusLabel: string;
  registeredOn: string | null;
  benefitKind: string | null;
  benefit: string | null;
  benefitAmountYuan: number | null;
  status: Adoption['status'];
  statusLabel: string;
  confirmedAt: Date | null;
  createdAt: Date;
  /** Only for both sides and the bureau. */
  rejectReason?: string | null;
  contractReturnReason?: string | null;
  contractSubmittedAt?: Date | null;
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
    contractCategory: CONTRACT_CATEGORY_OF[a.contractKind],
    amountYuan: fenToYuan(a.amountFen) as number,
    techAmountYuan: fenToYuan(a.techAmountFen),
    signedOn: a.signedOn,
    contractRegistrationNo: a.contractRegistrationNo,
    contractStatus: a.contractStatus,
    contractStatusLabel: CONTRACT_STATUS_LABELS[a.contractStatus],
    registeredOn: a.registeredOn,
    benefitKind: a.benefitKind,
    benefit: a.benefit,
    benefitAmountYuan: fenToYuan(a.benefitAmountFen),
    status: a.status,
    statusLabel: ADOPTION_STATUS_LABELS[a.status],
    confirmedAt: a.confirmedAt,
    createdAt: a.createdAt,
  };
  if (full)
    Object.assign(view, {
      rejectReason: a.rejectReason,
      enteredByOrganizationId: a.enteredByOrganizationId,
      engagementId: a.engagementId,
      contractReturnReason: a.contractReturnReason,
      contractSubmittedAt: a.contractSubmittedAt,
    });
  return view;
}
