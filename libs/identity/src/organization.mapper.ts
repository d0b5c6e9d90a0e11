import { OrganizationDetailDto, OrganizationPublicDto } from './dto/organization.dto';
import type { Organization } from './organization.entity';

export function toOrganizationPublic(o: Organization): OrganizationPublicDto {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    region: o.region,
    status: o.status,
    creditCode: o.creditCode,
    description: o.description,
    verifiedAt: o.verifiedAt,
  };
}

export function toOrganizationDetail(o: Organization): OrganizationDetailDto {
  return {
    ...toOrganizationPublic(o),
    rejectReason: o.rejectReason,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    contactEmail: o.contactEmail,
    createdAt: o.createdAt,
    submittedAt: o.submittedAt,
  };
}
