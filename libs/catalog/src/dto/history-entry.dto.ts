import { ApiProperty } from '@nestjs/swagger';
import { ADOPTION_STATUSES, ITEM_STATUSES } from '../catalog.constants';
import type { toHistoryView } from '../workflow/history.view';
import { REVISION_STATUSES } from '../workflow/revision-machine';

type HistoryView = ReturnType<typeof toHistoryView>;

/** Every state a need, a result, an adoption or a revision of a published item can be in. */
const STATES = [...new Set<string>([...ITEM_STATUSES, ...ADOPTION_STATUSES, ...REVISION_STATUSES])];

/** One recorded step of a need, result or adoption: who, when, from which state to which, and why. */
export class CatalogHistoryEntryDto implements HistoryView {
  @ApiProperty({ type: String, format: 'date-time', description: '时间' })
  at!: Date;

  @ApiProperty({ example: 'need.submit', description: '操作代码（类型.操作）' })
  action!: string;

  @ApiProperty({ example: '提交审核', description: '操作的中文名称' })
  actionLabel!: string;

  @ApiProperty({ enum: STATES, nullable: true, description: '变更前状态（创建时为空）' })
  fromState!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '草稿', description: '变更前状态的中文名称' })
  fromLabel!: string | null;

  @ApiProperty({ enum: STATES, nullable: true, description: '变更后状态' })
  toState!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '待审核', description: '变更后状态的中文名称' })
  toLabel!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '原因（驳回、关闭、更正时填写）' })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '操作人编号（仅其本单位和科技局可见；系统操作时为空）' })
  actorUserId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '操作人姓名（系统操作时为空）' })
  actorName!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '操作人所属单位' })
  actorOrganizationId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '操作人所属单位名称' })
  actorOrganizationName!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '附加信息，如修改的字段 {fields}、导入批次 {importId}、对接编号 {engagementId}、修改编号 {revisionId}',
  })
  data!: Record<string, unknown> | null;
}
