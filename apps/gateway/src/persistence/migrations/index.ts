import { MessagingTables1764000000000 } from '@switchboard/persistence';

/** The gateway schema's migrations, in order; run at start, never `synchronize`. */
export const gatewayMigrations = [MessagingTables1764000000000];
