import {
  ADOPTION_STATUS_LABELS,
  CONTRACT_KINDS,
  COOPERATION_MODES,
  IMPORT_MAX_ROWS,
  INDUSTRY_FIELDS,
  STATUS_LABELS,
} from './catalog.constants';
import { PATENT_FORMAT_HINT, PATENT_KIND_LABELS } from './patent-number.util';
import { HUBEI_PREFECTURES, HUBEI_PROVINCE, PrefectureDivision } from './regions';

export interface CatalogReference {
  fields: readonly string[];
  cooperationModes: readonly string[];
  contractKinds: readonly string[];
  itemStatuses: Record<string, string>;
  adoptionStatuses: Record<string, string>;
  patentKinds: Record<string, string>;
  patentFormat: string;
  importMaxRows: number;
  /** Hubei's prefecture-level divisions and their counties and districts: every organization's and item's region is one of these names. */
  regions: { province: string; prefectures: readonly PrefectureDivision[] };
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
    regions: { province: HUBEI_PROVINCE, prefectures: HUBEI_PREFECTURES },
  };
}
