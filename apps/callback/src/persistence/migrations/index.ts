import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { CallbackSurveys1764100000000 } from './1764100000000-callback-surveys';
import { SurveyAttempts1764200000000 } from './1764200000000-survey-attempts';
import { CallbackPolicy1764700000000 } from './1764700000000-callback-policy';
import { CustomerContactPreferences1765060000000 } from './1765060000000-customer-contact-preferences';

/** The callback schema's migrations, in order; run at start, never `synchronize`. */
export const callbackMigrations = [MessagingTables1764000000000, CallbackSurveys1764100000000, SurveyAttempts1764200000000, CallbackPolicy1764700000000, CustomerContactPreferences1765060000000];
