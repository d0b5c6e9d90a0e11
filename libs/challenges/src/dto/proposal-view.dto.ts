import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Commitment, PROPOSAL_STATUSES, ProposalStatus, SchedulePhase, TeamMember } from '../challenge.constants';
import type { ProposalView } from '../challenge.mapper';
import type { AttachmentsService } from '../attachments.service';

type UploadedAttachment = Awaited<ReturnType<AttachmentsService['add']>>;
type ListedAttachment = Awaited<ReturnType<AttachmentsService['list']>>[number];

export class ProposalTeamMemberDto implements TeamMember {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ description: '职称' }) title?: string;
  @ApiPropertyOptional({ description: '分工' }) role?: string;
}

export class ProposalCommitmentDto implements Commitment {
  @ApiProperty({ type: 'integer', description: '对应榜单目标的序号（从 0 开始）' }) objectiveIndex!: number;
  @ApiProperty({ description: '承诺值', example: '≥320 Wh/kg' }) value!: string;
  @ApiPropertyOptional() note?: string;
}

export class ProposalSchedulePhaseDto implements SchedulePhase {
  @ApiProperty({ description: '阶段' }) phase!: string;
  @ApiProperty({ type: 'integer', description: '月数' }) months!: number;
  @ApiProperty({ description: '阶段成果' }) deliverable!: string;
}

/** A proposal (揭榜申请) as the API answers it; amounts in yuan. */
export class ProposalViewDto implements ProposalView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty({ format: 'uuid', description: '牵头单位' }) organizationId!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: '联合体成员单位' }) partnerOrganizationIds!: string[];
  @ApiProperty({ description: '挂帅人' }) leaderName!: string;
  @ApiProperty({ type: String, nullable: true, description: '挂帅人职称' }) leaderTitle!: string | null;
  @ApiProperty({ type: [ProposalTeamMemberDto], description: '团队成员' }) team!: ProposalTeamMemberDto[];
  @ApiProperty({ description: '技术路线' }) approach!: string;
  @ApiProperty({ type: [ProposalCommitmentDto], description: '对每项目标的承诺' }) commitments!: ProposalCommitmentDto[];
  @ApiProperty({ type: 'number', description: '申请经费（元）' }) requestedBudgetYuan!: number;
  @ApiProperty({ type: [ProposalSchedulePhaseDto], description: '进度安排' }) schedule!: ProposalSchedulePhaseDto[];
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: ProposalStatus;
  @ApiProperty({ type: String, nullable: true, description: '未通过形式审查的原因' }) statusReason!: string | null;
  @ApiProperty({ type: 'number', nullable: true, description: '核定经费（元；评定中榜后才有）' }) awardedBudgetYuan!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

/** A PDF attachment just uploaded. */
export class UploadedProposalAttachmentDto implements UploadedAttachment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '技术方案.pdf' }) filename!: string;
  @ApiProperty({ type: 'integer', description: '文件大小（字节）' }) sizeBytes!: number;
  @ApiProperty({ description: '文件内容的 SHA-256（十六进制）' }) sha256!: string;
}

export class ProposalAttachmentDto extends UploadedProposalAttachmentDto implements ListedAttachment {
  @ApiProperty({ type: String, format: 'date-time', description: '上传时间' }) createdAt!: Date;
}
