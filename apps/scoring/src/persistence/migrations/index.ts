import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { KpiDaily1795550400000 } from './1795550400000-KpiDaily';
import { KpiInterception1795550442001 } from './1795550442001-KpiInterception';
import { KpiWindows1795560000000 } from './1795560000000-KpiWindows';
import { Scorecards1795570000000 } from './1795570000000-Scorecards';

/** The scoring schema's migrations, in order; run at start, never `synchronize`. */
export const scoringMigrations = [MessagingTables1764000000000, KpiDaily1795550400000, KpiInterception1795550442001, KpiWindows1795560000000, Scorecards1795570000000];
