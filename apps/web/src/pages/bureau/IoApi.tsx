import { api, unwrap } from '../../api/client';
import type { components, operations } from '../../api/schema';
import { fileNameOf, saveBlob } from '../../components/download';

/** The three lists the bureau imports and exports. */
export type IoList = 'needs' | 'results' | 'adoptions';
/**
 * Whose entries: the bureau's console works on every organization's; an organization (我的需求 /
 * 我的成果) on its own only — the API narrows it to them whatever is sent.
 */
export type IoScope = 'bureau' | 'own';
export type SheetFormat = 'xlsx' | 'csv';
export type ImportReport = components['schemas']['ImportReportDto'];
export type ItemExportQuery = NonNullable<operations['CatalogIoController_exportNeeds']['parameters']['query']>;
export type AdoptionExportQuery = NonNullable<operations['CatalogIoController_exportAdoptions']['parameters']['query']>;

export const LIST_NOUN: Record<IoList, string> = { needs: '技术需求', results: '科技成果', adoptions: '成果转化应用' };

/** Saves a downloaded sheet under the name the API gives. */
function save(r: { data?: Blob; error?: unknown; response: Response }, fallback: string): void {
  saveBlob(unwrap(r), fileNameOf(r.response, fallback));
}

export async function downloadTemplate(list: IoList, format: SheetFormat): Promise<void> {
  const opts = { params: { query: { format } }, parseAs: 'blob' as const };
  const fallback = `${LIST_NOUN[list]}导入模板.${format}`;
  if (list === 'needs') return save(await api.GET('/api/needs/template', opts), fallback);
  if (list === 'results') return save(await api.GET('/api/results/template', opts), fallback);
  return save(await api.GET('/api/adoptions/template', opts), fallback);
}

export async function downloadExport(
  list: IoList,
  format: SheetFormat,
  filters: Partial<ItemExportQuery> | Partial<AdoptionExportQuery>,
  scope: IoScope = 'bureau',
): Promise<void> {
  const fallback = `${LIST_NOUN[list]}清单.${format}`;
  if (list === 'adoptions') {
    const query = { ...(filters as AdoptionExportQuery), format };
    return save(await api.GET('/api/adoptions/export', { params: { query }, parseAs: 'blob' }), fallback);
  }
  const query = { ...(filters as ItemExportQuery), format, ...(scope === 'own' ? { mine: true } : {}) };
  if (list === 'needs') return save(await api.GET('/api/needs/export', { params: { query }, parseAs: 'blob' }), fallback);
  return save(await api.GET('/api/results/export', { params: { query }, parseAs: 'blob' }), fallback);
}

/** Sends the sheet as multipart field `file`; a dry run only checks and writes nothing. */
export async function importSheet(list: IoList, file: File, dryRun: boolean): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const opts = { params: { query: { dryRun } }, body: form as unknown as { file: string } };
  if (list === 'needs') return unwrap(await api.POST('/api/needs/import', opts));
  if (list === 'results') return unwrap(await api.POST('/api/results/import', opts));
  return unwrap(await api.POST('/api/adoptions/import', opts));
}
