import { Notify1763900300000 } from './1763900300000-notify';

export const notifyMigrations = [Notify1763900300000];
