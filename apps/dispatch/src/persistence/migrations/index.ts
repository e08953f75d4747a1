import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { DispatchTables1764000002000 } from './1764000002000-DispatchTables';
import { DispatchReopenings1764200000000 } from './1764200000000-DispatchReopenings';
import { DispatchInterception1764420000001 } from './1764420000001-DispatchInterception';
import { DispatchRota1764500000001 } from './1764500000001-DispatchRota';
import { DispatchAppointmentsApprovals1765030000000 } from './1765030000000-DispatchAppointmentsApprovals';
import { DispatchDepartments1765070000000 } from './1765070000000-DispatchDepartments';

/** The dispatch schema's migrations, in order; run at start, never `synchronize`. */
export const dispatchMigrations = [MessagingTables1764000000000, DispatchTables1764000002000, DispatchReopenings1764200000000, DispatchInterception1764420000001, DispatchRota1764500000001, DispatchAppointmentsApprovals1765030000000, DispatchDepartments1765070000000];
