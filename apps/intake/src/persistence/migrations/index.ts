import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { IntakeTickets1764000001000 } from './1764000001000-IntakeTickets';
import { IntakeReopenings1764200000000 } from './1764200000000-IntakeReopenings';
import { IntakeRepeatFaultsAndTriage1764300000000 } from './1764300000000-IntakeRepeatFaultsAndTriage';
import { IntakeGeographyAndIncidents1764410000000 } from './1764410000000-IntakeGeographyAndIncidents';
import { IntakeKnownIssues1764400000010 } from './1764400000010-IntakeKnownIssues';
import { IntakeRemoteSupportQueue1764430000000 } from './1764430000000-IntakeRemoteSupportQueue';
import { IntakeTicketUpdates1764430000001 } from './1764430000001-IntakeTicketUpdates';
import { IntakeRemoteSupportAnswered1764440000000 } from './1764440000000-IntakeRemoteSupportAnswered';

/** The intake schema's migrations, in order; run at start, never `synchronize`. */
export const intakeMigrations = [MessagingTables1764000000000, IntakeTickets1764000001000, IntakeReopenings1764200000000, IntakeRepeatFaultsAndTriage1764300000000, IntakeGeographyAndIncidents1764410000000, IntakeKnownIssues1764400000010, IntakeRemoteSupportQueue1764430000000, IntakeTicketUpdates1764430000001, IntakeRemoteSupportAnswered1764440000000];
