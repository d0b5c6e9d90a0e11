import { ApiProperty } from '@nestjs/swagger';
import type { Objection } from '../entities/review.entities';

/** An objection filed during the public notice period (公示), with the bureau's answer (the entity as stored). */
export class ObjectionViewDto implements Objection {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty({ format: 'uuid', description: '提出异议的单位' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) filedByUserId!: string;
  @ApiProperty({ description: '异议内容' }) text!: string;
  @ApiProperty({ type: String, nullable: true, description: '科技局的答复（未答复为 null）' }) answer!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) answeredByUserId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}
