import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@app/core';
import type { RevisionView } from '../revisions.service';
import type { FieldChange } from '../workflow/item-fields';
import { REVISION_STATUSES, type RevisionStatus } from '../workflow/revision-machine';

const ITEM_TYPES = ['need', 'result'] as const;

/** A value of a field as the API takes it: text, a number, a yes/no, a list of texts, or nothing. */
const FIELD_VALUE = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
};

export class RevisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVISION_STATUSES, description: '状态；待审核的按提交先后排列，其余按最后变动从新到旧' })
  @IsOptional()
  @IsIn(REVISION_STATUSES)
  status?: RevisionStatus;

  @ApiPropertyOptional({ enum: ITEM_TYPES, description: '需求或成果' })
  @IsOptional()
  @IsIn(ITEM_TYPES)
  itemType?: (typeof ITEM_TYPES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: '只看这条需求或成果的修改' })
  @IsOptional()
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  itemId?: string;
}

/** One changed field of a revision: old → new, as values and in words. */
export class FieldChangeDto implements FieldChange {
  @ApiProperty({ example: 'title', description: '字段（与修改请求中的字段名相同）' })
  field!: string;

  @ApiProperty({ example: '名称', description: '字段的中文名称' })
  label!: string;

  @ApiProperty({ ...FIELD_VALUE, description: '原值（待审核时为当前公开的值）' })
  from!: unknown;

  @ApiProperty({ ...FIELD_VALUE, description: '新值' })
  to!: unknown;

  @ApiProperty({ example: '磷石膏制备建筑石膏粉', description: '原值的文字' })
  fromText!: string;

  @ApiProperty({ example: '磷石膏制备高强度建筑石膏粉', description: '新值的文字' })
  toText!: string;
}

/** A revision (修改) of a published need or result, waiting for the bureau or decided. */
export class RevisionViewDto implements RevisionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ITEM_TYPES, description: '需求或成果' })
  itemType!: (typeof ITEM_TYPES)[number];

  @ApiProperty({ example: '成果', description: '条目类型的中文名称' })
  itemTypeLabel!: string;

  @ApiProperty({ format: 'uuid', description: '被修改的需求或成果' })
  itemId!: string;

  @ApiProperty({ description: '条目当前公开的标题' })
  itemTitle!: string;

  @ApiProperty({ format: 'uuid', description: '发布单位' })
  organizationId!: string;

  @ApiProperty({ type: String, nullable: true, description: '发布单位名称' })
  organizationName!: string | null;

  @ApiProperty({ enum: REVISION_STATUSES, description: '状态' })
  status!: RevisionStatus;

  @ApiProperty({ example: '待审核', description: '状态的中文名称' })
  statusLabel!: string;

  @ApiProperty({ type: [FieldChangeDto], description: '逐字段的修改（原值 → 新值）' })
  changes!: FieldChangeDto[];

  @ApiProperty({ type: String, nullable: true, description: '驳回原因' })
  rejectReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: '提交时间' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: '最后变动时间' })
  updatedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '科技局决定的时间' })
  decidedAt!: Date | null;
}
