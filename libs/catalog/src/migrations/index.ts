import { Catalog1763900200000 } from './1763900200000-catalog';

export const catalogMigrations = [Catalog1763900200000];
