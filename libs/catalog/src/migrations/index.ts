import { Catalog1763900200000 } from './1763900200000-catalog';
import { ItemImport1763900200100 } from './1763900200100-item-import';
import { ContractRegistration1763900200500 } from './1763900200500-contract-registration';
import { ItemRevisions1763900200900 } from './1763900200900-item-revisions';
import { ItemRegions1763900201000 } from './1763900201000-item-regions';

export const catalogMigrations = [
  Catalog1763900200000,
  ItemImport1763900200100,
  ContractRegistration1763900200500,
  ItemRevisions1763900200900,
  ItemRegions1763900201000,
];
