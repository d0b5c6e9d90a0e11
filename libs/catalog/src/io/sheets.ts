import { ADOPTION_SHEET } from './adoption-sheet';
import { NEED_SHEET } from './need-sheet';
import { RESULT_SHEET } from './result-sheet';
import type { ListName, SheetDef } from './sheet-def';

export const SHEETS: Record<ListName, SheetDef<unknown>> = {
  needs: NEED_SHEET as SheetDef<unknown>,
  results: RESULT_SHEET as SheetDef<unknown>,
  adoptions: ADOPTION_SHEET as SheetDef<unknown>,
};

export const importableHeaders = (def: SheetDef<unknown>): string[] => def.columns.map((c) => c.header);
export const exportHeaders = (def: SheetDef<unknown>): string[] => [...importableHeaders(def), ...def.exportOnly];
