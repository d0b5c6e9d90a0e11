import {
  ADOPTION_STATUS_LABELS,
  CONTRACT_KINDS,
  COOPERATION_MODES,
  IMPORT_MAX_ROWS,
  INDUSTRY_FIELDS,
  STATUS_LABELS,
} from './catalog.constants';
import { PATENT_FORMAT_HINT, PATENT_KIND_LABELS } from './patent-number.util';

export interface CatalogReference {
  fields: readonly string[];
  cooperationModes: readonly string[];
  contractKinds: readonly string[];
  itemStatuses: Record<string, string>;
  adoptionStatuses: Record<string, string>;
  patentKinds: Record<string, string>;
  patentFormat: string;
  importMaxRows: number;
}

/** The maintained reference data, for forms and for people filling in spreadsheets. */
export function catalogReference(): CatalogReference {
  return {
    fields: INDUSTRY_FIELDS,
    cooperationModes: COOPERATION_MODES,
    contractKinds: CONTRACT_KINDS,
    itemStatuses: STATUS_LABELS,
    adoptionStatuses: ADOPTION_STATUS_LABELS,
    patentKinds: PATENT_KIND_LABELS,
    patentFormat: PATENT_FORMAT_HINT,
    importMaxRows: IMPORT_MAX_ROWS,
  };
}
