import { ApiProperty } from '@nestjs/swagger';
import { MILESTONE_STATUSES, MilestoneStatus } from '../challenge.constants';
import type { MilestoneView } from '../challenge.mapper';

/** A milestone (里程碑) of an awarded proposal; amounts in yuan. */
export class MilestoneViewDto implements MilestoneView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ type: 'integer', description: '序号，从 1 开始' }) seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '交付物' }) deliverable!: string;
  @ApiProperty({ format: 'date', example: '2027-06-30', description: '到期日' }) dueDate!: string;
  @ApiProperty({ type: 'number', description: '拨付比例（%）' }) fundSharePct!: number;
  @ApiProperty({ type: 'number', description: '拨付金额（元）' }) amountYuan!: number;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty({ type: String, nullable: true, description: '完成情况与佐证材料说明' }) evidence!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '退回原因' }) returnReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: Date | null;
}
