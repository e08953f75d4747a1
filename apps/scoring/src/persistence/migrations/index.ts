import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { KpiDaily1795550400000 } from './1795550400000-KpiDaily';

/** The scoring schema's migrations, in order; run at start, never `synchronize`. */
export const scoringMigrations = [MessagingTables1764000000000, KpiDaily1795550400000];
