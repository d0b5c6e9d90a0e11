import type { TransactionHost } from '@app/core';
import type { OrganizationDirectory, OrgRef } from '../organization-directory';
import type { BulkSpec } from './bulk-insert';
import type { CellValue } from './sheet-io';
import type { RowContext } from './row-context';

export type ListName = 'needs' | 'results' | 'adoptions';

export interface SheetColumn {
  header: string;
  required?: boolean;
  note: string;
  example: string;
}

export interface SheetLookups {
  orgs: { byName: Map<string, OrgRef>; byCode: Map<string, OrgRef> };
  /** Published results by owner and title (adoptions only). */
  results?: Map<string, { id: string; organizationId: string }>;
  /** Technology contract registration numbers already taken (adoptions only; grows while reading). */
  registrationNos?: Set<string>;
}

/** One list as a spreadsheet: its documented columns, how a row is read and how it is stored. */
export interface SheetDef<V> {
  list: ListName;
  label: string;
  columns: SheetColumn[];
  /** Written on export after the importable columns; ignored on import. */
  exportOnly: string[];
  lookups(tx: TransactionHost, orgs: OrganizationDirectory): Promise<SheetLookups>;
  /** The row's values, or null when it has problems (they are in `ctx.problems`). */
  parse(ctx: RowContext, lookups: SheetLookups): V | null;
  bulk: BulkSpec;
  /** Values in `bulk.columns` order. */
  toColumns(v: V): unknown[];
}

export type ExportRow = CellValue[];

export function orgMaps(orgs: OrgRef[]): SheetLookups['orgs'] {
  const byName = new Map<string, OrgRef>();
  const byCode = new Map<string, OrgRef>();
  for (const o of orgs) {
    byName.set(o.name, o);
    if (o.creditCode) byCode.set(o.creditCode, o);
  }
  return { byName, byCode };
}

/** Documentation of a template: one line per column. */
export function templateNotes(def: SheetDef<unknown>): string[][] {
  return [
    ['列名', '是否必填', '说明', '示例'],
    ...def.columns.map((c) => [c.header, c.required ? '必填' : '选填', c.note, c.example]),
    ...def.exportOnly.map((h) => [h, '导出专用', '导出时附带，导入时忽略', '']),
    [],
    [
      '通用规则',
      '',
      '第 1 行为列名，数据从第 2 行开始；多个值用“；”分隔；金额以元为单位填写整数；日期格式 YYYY-MM-DD；每个文件最多 100000 行。',
      '',
    ],
    ['导入方式', '', '先“试导入”（dryRun=true）查看每一行的问题；正式导入时所有行一起写入，任一行有问题则全部不写入。', ''],
  ];
}
