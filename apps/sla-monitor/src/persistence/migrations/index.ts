import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { SlaClocks1764100000000 } from './1764100000000-sla-clocks';
import { SlaClockRounds1764200000000 } from './1764200000000-clock-rounds';
import { SlaClockPauses1764420000002 } from './1764420000002-clock-pauses';
import { SlaPolicies1764800000000 } from './1764800000000-sla-policies';
import { SlaClockPauseIntervals1764800000001 } from './1764800000001-clock-pause-intervals';
import { SlaAlertLadder1765040000000 } from './1765040000000-alert-ladder';

/** The sla schema's migrations, in order; run at start, never `synchronize`. */
export const slaMonitorMigrations = [MessagingTables1764000000000, SlaClocks1764100000000, SlaClockRounds1764200000000, SlaClockPauses1764420000002, SlaPolicies1764800000000, SlaClockPauseIntervals1764800000001, SlaAlertLadder1765040000000];
