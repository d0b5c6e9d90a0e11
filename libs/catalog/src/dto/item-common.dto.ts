import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { COOPERATION_MODES, INDUSTRY_FIELDS, TEXT_LIMITS } from '../catalog.constants';
import { CONTACT_PHONE, IsCooperationModes, IsIndustryField, IsKeywords, IsRegion, IsTrl, OptionalText, trim } from './validators';

/** A list sent as null is an empty list, alike on create and on PATCH (the columns hold lists, never null). */
const nullAsEmptyList = ({ value }: { value: unknown }): unknown => (value === null ? [] : value);

/** Fields a need and a result share on input. */
export class ItemInputDto {
  @ApiPropertyOptional({ type: [String], maxItems: TEXT_LIMITS.keywords, example: ['磷石膏', '综合利用'], description: 'null 视为空列表' })
  @Transform(nullAsEmptyList)
  @IsOptional()
  @IsKeywords()
  keywords?: string[];

  @ApiPropertyOptional({ enum: INDUSTRY_FIELDS, description: '产业领域（维护在 GET /api/catalog/reference 中）' })
  @IsOptional()
  @IsIndustryField()
  field?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 9, description: '技术成熟度 TRL 1–9' })
  @IsOptional()
  @IsTrl()
  trl?: number;

  @ApiPropertyOptional({ enum: COOPERATION_MODES, isArray: true, description: 'null 视为空列表' })
  @Transform(nullAsEmptyList)
  @IsOptional()
  @IsCooperationModes()
  cooperationModes?: string[];

  @ApiPropertyOptional({
    example: '荆门市',
    description:
      '所在市或县（区），须为地区参考（GET /api/catalog/reference）中的名称；“荆门”“荆门市钟祥市”等写法按参考统一；不填时取本单位所在地',
  })
  @IsOptional()
  @IsRegion()
  region?: string;

  @ApiPropertyOptional({ description: '联系人（不公开，仅本单位和科技局可见）' })
  @OptionalText(TEXT_LIMITS.name)
  contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @Matches(CONTACT_PHONE, { context: { message: '不是有效的电话号码' } })
  contactPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(TEXT_LIMITS.email)
  contactEmail?: string;
}
