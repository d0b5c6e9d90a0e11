import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORGANIZATION_KINDS, OrganizationKind, PageQueryDto, trimString } from '@app/core';

export class SetExpertDto {
  @ApiProperty({ description: '是否列入专家库' })
  @IsBoolean()
  isExpert!: boolean;

  @ApiProperty({ type: [String], example: ['新材料', '磷化工'], description: '专业领域' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  fields!: string[];
}

/** The bureau's look into the expert pool: by field of expertise and by name or organization. */
export class ExpertQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '磷化工', description: '专业领域（完全匹配其中一项）' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(50)
  field?: string;

  @ApiPropertyOptional({ description: '姓名或单位名称中的文字' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(50)
  q?: string;
}

/** An expert of the pool with the organization they belong to (assignment excludes its proposals). */
export class ExpertViewDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: [String], description: '专业领域' }) fields!: string[];
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) organizationKind!: OrganizationKind;
}
