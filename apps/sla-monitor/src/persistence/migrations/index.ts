import { MessagingTables1764000000000 } from '@switchboard/persistence';

/** The sla schema's migrations, in order; run at start, never `synchronize`. */
export const slaMonitorMigrations = [MessagingTables1764000000000];
