import { Stats1763900600000 } from './1763900600000-stats';

export const statsMigrations = [Stats1763900600000];
