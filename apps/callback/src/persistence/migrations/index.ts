import { MessagingTables1764000000000 } from '@switchboard/persistence';

/** The callback schema's migrations, in order; run at start, never `synchronize`. */
export const callbackMigrations = [MessagingTables1764000000000];
