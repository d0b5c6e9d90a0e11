import { ApiProperty } from '@nestjs/swagger';
import type { QualityHint, QualityReport } from '../quality/quality.util';

const SEVERITIES = ['error', 'warning'] as const satisfies readonly QualityHint['severity'][];

/** One finding of the automatic quality check. */
export class QualityHintDto implements QualityHint {
  @ApiProperty({ example: 'DESCRIPTION_THIN', description: '规则代码' })
  code!: string;

  @ApiProperty({ example: 'description', description: '涉及的字段' })
  field!: string;

  @ApiProperty({ enum: SEVERITIES, description: 'error 必须修改（阻止提交）/ warning 建议修改' })
  severity!: QualityHint['severity'];

  @ApiProperty({ description: '修改建议' })
  message!: string;
}

/** The quality check of a need or a result: a score and the hints behind it. */
export class QualityReportDto implements QualityReport {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: '质量评分（0–100）' })
  score!: number;

  @ApiProperty({ type: [QualityHintDto], description: '修改建议' })
  hints!: QualityHintDto[];
}
