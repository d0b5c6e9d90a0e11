import { ApiProperty } from '@nestjs/swagger';
import { DISMISS_REASONS } from '../matches/match.entity';
import { ENGAGEMENT_STATUSES, EngagementStatus } from '../engagements/engagement.entity';
import type { EngagementsService } from '../engagements/engagements.service';

/** An engagement as `EngagementsService` answers it to one party. */
export type EngagementView = Awaited<ReturnType<EngagementsService['get']>>;
type CounterpartContact = NonNullable<EngagementView['counterpartContact']>;

export class CounterpartContactDto implements CounterpartContact {
  @ApiProperty({ type: String, nullable: true, description: '联系人' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '电话' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '电子邮箱' }) email!: string | null;
}

export class EngagementViewDto implements EngagementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '技术需求' }) needId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '科技成果' }) resultId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '由匹配发起时的匹配' }) matchId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '技术需求的名称' }) needTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '科技成果的名称' }) resultTitle!: string | null;
  @ApiProperty({ format: 'uuid', description: '发起方单位' }) requesterOrganizationId!: string;
  @ApiProperty({ type: String, nullable: true, description: '发起方单位名称' }) requesterOrganizationName!: string | null;
  @ApiProperty({ format: 'uuid', description: '被邀请方单位' }) receiverOrganizationId!: string;
  @ApiProperty({ type: String, nullable: true, description: '被邀请方单位名称' }) receiverOrganizationName!: string | null;
  @ApiProperty({ description: '发起方的留言' }) message!: string;
  @ApiProperty({ enum: ENGAGEMENT_STATUSES }) status!: EngagementStatus;
  @ApiProperty({ type: String, enum: DISMISS_REASONS, nullable: true, description: '婉拒原因（从列表中选择）' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '婉拒的补充说明，或终止的原因' }) reasonNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '答复（接受或婉拒）时间' }) respondedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '成交后生成的成果转化应用' }) adoptionId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: CounterpartContactDto, nullable: true, description: '对方联系人（接受后双方可见，此前为 null）' })
  counterpartContact!: CounterpartContactDto | null;
}
