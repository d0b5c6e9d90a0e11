import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADOPTION_STATUSES,
  AdoptionStatus,
  BENEFIT_KINDS,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  ContractStatus,
  INDUSTRY_FIELDS,
  TECH_CONTRACT_CATEGORIES,
  TechContractCategory,
} from '../catalog.constants';
import type { AdoptionView } from '../adoption.view';

/** An adoption (成果转化应用) as the API answers it. */
export class AdoptionViewDto implements AdoptionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: '被应用的科技成果' })
  resultId!: string;

  @ApiProperty({ type: String, nullable: true, description: '成果名称' })
  resultTitle!: string | null;

  @ApiProperty({ enum: INDUSTRY_FIELDS, nullable: true, description: '成果的产业领域' })
  resultField!: string | null;

  @ApiProperty({ format: 'uuid', description: '成果所属单位' })
  resultOrganizationId!: string;

  @ApiProperty({ type: String, nullable: true, description: '成果所属单位名称' })
  resultOrganizationName!: string | null;

  @ApiProperty({ format: 'uuid', description: '应用企业' })
  enterpriseId!: string;

  @ApiProperty({ type: String, nullable: true, description: '应用企业名称' })
  enterpriseName!: string | null;

  @ApiProperty({ enum: CONTRACT_KINDS, description: '合同类型' })
  contractKind!: string;

  @ApiProperty({ enum: TECH_CONTRACT_CATEGORIES, description: '认定登记的技术合同类别（技术许可、作价投资计入技术转让）' })
  contractCategory!: TechContractCategory;

  @ApiProperty({ description: '合同金额（元）' })
  amountYuan!: number;

  @ApiProperty({ type: Number, nullable: true, description: '技术交易额（元）：合同金额中的技术部分，统计只计此项' })
  techAmountYuan!: number | null;

  @ApiProperty({ format: 'date', example: '2026-03-18', description: '签订日期' })
  signedOn!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '技术合同登记号：已认定登记的为科技局填写的登记号；未认定的为双方申报的（未核实）',
  })
  contractRegistrationNo!: string | null;

  @ApiProperty({ enum: CONTRACT_STATUSES, description: '技术合同认定登记状态' })
  contractStatus!: ContractStatus;

  @ApiProperty({ example: '已认定登记', description: '认定登记状态的中文名称' })
  contractStatusLabel!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '认定登记日期（北京时间）' })
  registeredOn!: string | null;

  @ApiProperty({ enum: BENEFIT_KINDS, nullable: true, description: '效益类型：expected 预期 / realized 已实现' })
  benefitKind!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '经济社会效益说明' })
  benefit!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: '效益金额（元）' })
  benefitAmountYuan!: number | null;

  @ApiProperty({ enum: ADOPTION_STATUSES, description: '状态' })
  status!: AdoptionStatus;

  @ApiProperty({ example: '已确认', description: '状态的中文名称' })
  statusLabel!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '科技局确认时间' })
  confirmedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', description: '登记时间' })
  createdAt!: Date;

  @ApiPropertyOptional({ type: String, nullable: true, description: '驳回原因（仅双方和科技局可见）' })
  rejectReason?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '技术合同退回原因（仅双方和科技局可见）' })
  contractReturnReason?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: '技术合同提交认定时间（仅双方和科技局可见）' })
  contractSubmittedAt?: Date | null;

  @ApiPropertyOptional({ format: 'uuid', description: '登记单位（仅双方和科技局可见）' })
  enteredByOrganizationId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '来自哪次对接成交（仅双方和科技局可见）' })
  engagementId?: string | null;
}
