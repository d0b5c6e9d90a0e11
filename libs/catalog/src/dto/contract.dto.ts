import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  ContractKind,
  ContractStatus,
  TECH_CONTRACT_CATEGORIES,
  TechContractCategory,
} from '../catalog.constants';
import { CONTRACT_KIND_MESSAGE } from './adoption.dto';
import { IsCalendarDate, IsRegistrationNo, IsYuan, trim } from './validators';

/** A party submits the contract for 认定登记: its kind and amounts as signed (the signed PDF is uploaded first). */
export class SubmitContractDto {
  @ApiPropertyOptional({ enum: CONTRACT_KINDS, description: '合同类型（不填则沿用转化应用登记的类型）' })
  @IsOptional()
  @IsIn(CONTRACT_KINDS, { context: { message: CONTRACT_KIND_MESSAGE } })
  contractKind?: ContractKind;

  @ApiPropertyOptional({ description: '合同金额（元，整数；不填则沿用登记的金额）' })
  @IsOptional()
  @IsYuan()
  amountYuan?: number;

  @ApiProperty({ description: '技术交易额（元，整数）：合同金额中的技术部分，不能大于合同金额' })
  @IsYuan()
  techAmountYuan!: number;

  @ApiPropertyOptional({ example: '2026-03-18', description: '签订日期（不填则沿用登记的日期）' })
  @IsOptional()
  @IsCalendarDate('past')
  signedOn?: string;
}

/** The bureau certifies a submitted contract: the registration number and date it gives it. */
export class CertifyContractDto {
  @ApiProperty({ example: '2026420800000123', description: '技术合同登记号：16 位数字（4 位登记年度 + 6 位行政区划代码 + 6 位流水号）' })
  @Transform(trim)
  @IsRegistrationNo('registeredOn')
  contractRegistrationNo!: string;

  @ApiPropertyOptional({ example: '2026-03-25', description: '登记日期（不填为今天，北京时间；不能晚于今天、不能早于签订日期）' })
  @IsOptional()
  @IsCalendarDate('past')
  registeredOn?: string;

  @ApiPropertyOptional({ description: '认定的技术交易额（元，整数；不填则按申报的）' })
  @IsOptional()
  @IsYuan()
  techAmountYuan?: number;
}

export class ContractFileQueryDto {
  @ApiProperty({ example: '技术转让合同.pdf', description: '文件名（以 .pdf 结尾）' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  filename!: string;
}

export class ContractFileDto {
  @ApiProperty({ example: '技术转让合同.pdf' }) filename!: string;
  @ApiProperty({ type: 'integer', description: '字节数' }) sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256（十六进制）' }) sha256!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '上传时间' }) uploadedAt!: Date;
}

/** An adoption's technology contract and its 认定登记, for the two parties and the bureau. */
export class ContractViewDto {
  @ApiProperty({ format: 'uuid' }) adoptionId!: string;
  @ApiProperty({ enum: CONTRACT_KINDS, description: '合同类型' }) contractKind!: ContractKind;
  @ApiProperty({ enum: TECH_CONTRACT_CATEGORIES, description: '技术合同类别（认定登记口径）' }) contractCategory!: TechContractCategory;
  @ApiProperty({ description: '合同金额（元）' }) amountYuan!: number;
  @ApiProperty({ type: Number, nullable: true, description: '技术交易额（元）' }) techAmountYuan!: number | null;
  @ApiProperty({ format: 'date', description: '签订日期' }) signedOn!: string;
  @ApiProperty({ enum: CONTRACT_STATUSES, description: '认定登记状态' }) status!: ContractStatus;
  @ApiProperty({ example: '待认定', description: '状态的中文名称' }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: '退回原因' }) returnReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '提交认定时间' }) submittedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: '技术合同登记号（已认定登记的为科技局填写的）' })
  contractRegistrationNo!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '登记日期' }) registeredOn!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '认定时间' }) certifiedAt!: Date | null;
  @ApiProperty({ type: ContractFileDto, nullable: true, description: '已上传的合同文件（PDF）' }) file!: ContractFileDto | null;
}
