import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { CallbackSurveys1764100000000 } from './1764100000000-callback-surveys';

/** The callback schema's migrations, in order; run at start, never `synchronize`. */
export const callbackMigrations = [MessagingTables1764000000000, CallbackSurveys1764100000000];
