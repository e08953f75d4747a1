import { MessagingTables1764000000000 } from '@switchboard/persistence';

/** The intake schema's migrations, in order; run at start, never `synchronize`. */
export const intakeMigrations = [MessagingTables1764000000000];
