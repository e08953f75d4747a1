import { MessagingTables1764000000000 } from '@switchboard/persistence';

/** The scoring schema's migrations, in order; run at start, never `synchronize`. */
export const scoringMigrations = [MessagingTables1764000000000];
