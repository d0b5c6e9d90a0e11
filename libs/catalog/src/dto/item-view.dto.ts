import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COOPERATION_MODES, INDUSTRY_FIELDS, ITEM_STATUSES, ItemStatus } from '../catalog.constants';
import type { ContactView, ItemBaseView } from '../workflow/item-view';
import { QualityHintDto } from './quality-report.dto';

/** Contact details of an item: only for the owning organization and the bureau. */
export class ContactViewDto implements ContactView {
  @ApiProperty({ type: String, nullable: true, description: '联系人' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '联系电话' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'email', description: '联系邮箱' })
  email!: string | null;
}

/** What the views of a need and a result share. */
export abstract class ItemBaseViewDto implements ItemBaseView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: '发布单位' })
  organizationId!: string;

  @ApiProperty({ type: String, nullable: true, description: '发布单位名称' })
  organizationName!: string | null;

  @ApiProperty({ description: '标题' })
  title!: string;

  @ApiProperty({ type: [String], description: '关键词' })
  keywords!: string[];

  @ApiProperty({ enum: INDUSTRY_FIELDS, nullable: true, description: '产业领域' })
  field!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 9, nullable: true, description: '技术成熟度 TRL 1–9' })
  trl!: number | null;

  @ApiProperty({ enum: COOPERATION_MODES, isArray: true, description: '合作方式' })
  cooperationModes!: string[];

  @ApiProperty({ example: '荆门市', description: '所在市或县（区）' })
  region!: string;

  @ApiProperty({ enum: ITEM_STATUSES, description: '状态' })
  status!: ItemStatus;

  @ApiProperty({ example: '已发布', description: '状态的中文名称' })
  statusLabel!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '提交审核时间' })
  submittedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '发布时间' })
  publishedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '关闭时间' })
  closedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', description: '创建时间' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: '最后修改时间' })
  updatedAt!: Date;

  @ApiPropertyOptional({ type: ContactViewDto, description: '联系方式（仅本单位和科技局可见）' })
  contact?: ContactViewDto;

  @ApiPropertyOptional({ type: String, nullable: true, description: '驳回原因（仅本单位和科技局可见）' })
  rejectReason?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, description: '质量评分（仅本单位和科技局可见）' })
  qualityScore?: number;

  @ApiPropertyOptional({ type: [QualityHintDto], description: '质量检查的修改建议（仅本单位和科技局可见）' })
  qualityHints?: QualityHintDto[];
}
