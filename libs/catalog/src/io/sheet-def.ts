import type { OrganizationKind, TransactionHost } from '@app/core';
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

/**
 * Whose rows an import may hold: the bureau's import takes any organization's; an organization's
 * own import takes only its own, and sends them to the bureau's review instead of publishing them.
 */
export type ImportScope = { kind: 'bureau' } | { kind: 'own'; org: OrgRef };

export interface SheetLookups {
  orgs: { byName: Map<string, OrgRef>; byCode: Map<string, OrgRef> };
  /** An organization's own import: every row is this organization's. */
  owner?: OrgRef;
  /** The entries already on the platform, by their identity key (see `SheetDef.identity`), with their ids. */
  existing: Map<string, string>;
  /** Published results by owner and title (adoptions only). */
  results?: Map<string, { id: string; organizationId: string }>;
  /**
   * Technology contract registration numbers already taken, with the identity key of the entry
   * holding each (adoptions only; grows while reading): the same entry again is a duplicate, not a clash.
   */
  registrationNos?: Map<string, string>;
}

/** What makes two rows the same entry: a row with the key of an entry on the platform, or of an earlier row, is skipped. */
export interface SheetIdentity<V> {
  key(v: V): string;
  /** What the key compares, for the message (同一单位、名称相同). */
  description: string;
  /** The column a duplicate is reported under. */
  column: string;
}

/** One list as a spreadsheet: its documented columns, how a row is read and how it is stored. */
export interface SheetDef<V> {
  list: ListName;
  label: string;
  /** The kind of entry, for messages (技术需求). */
  noun: string;
  columns: SheetColumn[];
  /** Written on export after the importable columns; ignored on import. */
  exportOnly: string[];
  /**
   * Organizations that may import and export their own rows of this list (none: the bureau's
   * only), and the column naming a row's organization (may be left out or empty: the importer's).
   */
  owners: { kinds: OrganizationKind[]; message: string; column: string } | null;
  lookups(tx: TransactionHost, orgs: OrganizationDirectory, scope: ImportScope): Promise<SheetLookups>;
  /** The row's values, or null when it has problems (they are in `ctx.problems`). */
  parse(ctx: RowContext, lookups: SheetLookups): V | null;
  identity: SheetIdentity<V>;
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
export function templateNotes(def: SheetDef<unknown>, maxRows: number): string[][] {
  return [
    ['列名', '是否必填', '说明', '示例'],
    ...def.columns.map((c) => [c.header, c.required ? '必填' : '选填', c.note, c.example]),
    ...def.exportOnly.map((h) => [h, '导出专用', '导出时附带，导入时忽略', '']),
    [],
    [
      '通用规则',
      '',
      `第 1 行为列名，数据从第 2 行开始；多个值用“；”分隔；金额以元为单位填写整数；日期格式 YYYY-MM-DD；每个文件最多 ${maxRows} 行。`,
      '',
    ],
    ['导入方式', '', '先“试导入”（dryRun=true）查看每一行的问题；正式导入时所有行一起写入，任一行有问题则全部不写入。', ''],
    [
      '重复的行',
      '',
      `与平台上已有条目相同（${def.identity.description}）或与文件中前面某行相同的行不再写入，试导入和导入结果中列出跳过的行；同一文件导入两次不会产生重复条目。`,
      '',
    ],
    ...(def.owners
      ? [
          [
            '单位导入本单位清单',
            '',
            `“${def.owners.column}”可不填（即本单位），填写时必须是本单位；状态只能填“草稿”或“待审核”，不填为“待审核”，待审核的条目提交科技局审核后发布。`,
            '',
          ],
        ]
      : []),
  ];
}
