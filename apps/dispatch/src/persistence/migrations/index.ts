import { MessagingTables1764000000000 } from '@switchboard/persistence';

/** The dispatch schema's migrations, in order; run at start, never `synchronize`. */
export const dispatchMigrations = [MessagingTables1764000000000];
