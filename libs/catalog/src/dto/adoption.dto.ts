import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@app/core';
import {
  ADOPTION_STATUSES,
  AdoptionStatus,
  BENEFIT_KINDS,
  BenefitKind,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  ContractKind,
  ContractStatus,
  INDUSTRY_FIELDS,
  TEXT_LIMITS,
} from '../catalog.constants';
import { IsCalendarDate, IsIndustryField, IsRegistrationNo, IsYuan, OptionalText, trim } from './validators';

// The registration number's national form lives beside its check; imports read it from here too.
export { REGISTRATION_NO, REGISTRATION_NO_MESSAGE } from '../registration-no.util';
export const CONTRACT_KIND_MESSAGE = `合同类型不正确（可选：${CONTRACT_KINDS.join('、')}）`;

export class CreateAdoptionDto {
  @ApiProperty({ format: 'uuid', description: '被应用的科技成果' })
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  resultId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: '应用企业；企业自己填报时可不填（默认本单位）' })
  @IsOptional()
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  enterpriseId?: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS, { context: { message: CONTRACT_KIND_MESSAGE } })
  contractKind!: ContractKind;

  @ApiProperty({ description: '合同金额（元，整数）' })
  @IsYuan()
  amountYuan!: number;

  @ApiProperty({ example: '2026-03-18', description: '签订日期（不能晚于今天）' })
  @IsCalendarDate('past')
  signedOn!: string;

  @ApiPropertyOptional({
    description: '已在其他登记机构认定登记的，填写其技术合同登记号（16 位数字，如 2026420800000123）；在本平台认定登记的由科技局认定时填写',
  })
  @IsOptional()
  @Transform(trim)
  @IsRegistrationNo()
  contractRegistrationNo?: string;

  @ApiPropertyOptional({ enum: BENEFIT_KINDS, description: 'expected 预期 / realized 已实现' })
  @IsOptional()
  @IsIn(BENEFIT_KINDS)
  benefitKind?: BenefitKind;

  @ApiPropertyOptional({ description: '经济社会效益说明' })
  @OptionalText(TEXT_LIMITS.benefit)
  benefit?: string;

  @ApiPropertyOptional({ description: '效益金额（元，整数）' })
  @IsOptional()
  @IsYuan()
  benefitAmountYuan?: number;
}

/** The result and the enterprise of an adoption do not change; the rest may, while pending or rejected. */
export class UpdateAdoptionDto extends PartialType(OmitType(CreateAdoptionDto, ['resultId', 'enterpriseId'] as const)) {}

export const ADOPTION_SORTS = ['signedOn', 'amount', 'createdAt'] as const;

export class AdoptionFilterDto {
  @ApiPropertyOptional({ enum: ADOPTION_STATUSES })
  @IsOptional()
  @IsIn(ADOPTION_STATUSES)
  status?: AdoptionStatus;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, description: '技术合同认定登记状态' })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  contractStatus?: ContractStatus;

  @ApiPropertyOptional({ enum: CONTRACT_KINDS })
  @IsOptional()
  @IsIn(CONTRACT_KINDS, { context: { message: CONTRACT_KIND_MESSAGE } })
  contractKind?: ContractKind;

  @ApiPropertyOptional({ enum: INDUSTRY_FIELDS, description: '成果的产业领域' })
  @IsOptional()
  @IsIndustryField()
  field?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '成果' })
  @IsOptional()
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  resultId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '任一方单位（企业或成果单位）' })
  @IsOptional()
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  organizationId?: string;

  @ApiPropertyOptional({ description: '签订日期起' })
  @IsOptional()
  @IsCalendarDate()
  signedFrom?: string;

  @ApiPropertyOptional({ description: '签订日期止（含当天）' })
  @IsOptional()
  @IsCalendarDate()
  signedTo?: string;

  @ApiPropertyOptional({ enum: ADOPTION_SORTS })
  @IsOptional()
  @IsIn(ADOPTION_SORTS)
  sort?: (typeof ADOPTION_SORTS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class AdoptionListQueryDto extends IntersectionType(PageQueryDto, AdoptionFilterDto) {}

/** What the matching library passes when a deal of an engagement becomes an adoption. */
export interface DealAdoptionInput {
  engagementId: string;
  resultId: string;
  enterpriseId: string;
  contractKind: ContractKind;
  amountYuan: number;
  signedOn: string;
  contractRegistrationNo?: string;
}
