import { ApiProperty } from '@nestjs/swagger';
import { ErrorDetailDto } from '@app/core';
import type { ImportReport } from '../io/import-run';
import type { ListName } from '../io/sheet-def';

const LISTS = ['needs', 'results', 'adoptions'] as const satisfies readonly ListName[];

/** The answer of an import (or of a dry run): counts and every row's problems. */
export class ImportReportDto implements ImportReport {
  @ApiProperty({ format: 'uuid', description: '导入批次编号' })
  importId!: string;

  @ApiProperty({ enum: LISTS, description: '导入的清单' })
  list!: ListName;

  @ApiProperty({ description: '是否为试导入（只检查、不写入）' })
  dryRun!: boolean;

  @ApiProperty({ type: 'integer', description: '数据行数（不含列名行和空行）= 无问题行 + 跳过的重复行 + 有问题的行' })
  totalRows!: number;

  @ApiProperty({ type: 'integer', description: '没有问题、将写入（试导入）或已写入的行数，不含跳过的重复行' })
  validRows!: number;

  @ApiProperty({ type: 'integer', description: '已写入的行数（试导入时为 0）' })
  imported!: number;

  @ApiProperty({ type: 'integer', description: '跳过的重复行数：与平台已有条目相同，或与文件中前面的行相同，不写入' })
  skipped!: number;

  @ApiProperty({ type: [ErrorDetailDto], description: '跳过的行：行号、列名、原因（与哪一条或哪一行重复）；最多 1000 条' })
  skippedRows!: ErrorDetailDto[];

  @ApiProperty({ type: 'integer', description: '问题总数' })
  problemCount!: number;

  @ApiProperty({ type: [ErrorDetailDto], description: '问题：行号（列名行为第 1 行）、列名、原因；最多 1000 条' })
  problems!: ErrorDetailDto[];

  @ApiProperty({ description: '问题超过 1000 条、未全部列出' })
  truncated!: boolean;

  @ApiProperty({ type: [String], description: '未识别、已忽略的列名' })
  ignoredColumns!: string[];
}
