import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { GatewayTables1764000000100 } from './1764000000100-GatewayTables';
import { ReadModelRounds1764200000100 } from './1764200000100-ReadModelRounds';
import { ReadModelTriage1764300000100 } from './1764300000100-ReadModelTriage';
import { ReadModelKnownIssues1764400000020 } from './1764400000020-ReadModelKnownIssues';
import { ReadModelIncidents1764410000100 } from './1764410000100-ReadModelIncidents';
import { ReadModelInterception1764420000003 } from './1764420000003-ReadModelInterception';
import { ReadModelRemoteSupport1764430000100 } from './1764430000100-ReadModelRemoteSupport';
import { ReadModelRota1764500000002 } from './1764500000002-ReadModelRota';
import { ReadModelRemoteSupportAnswered1764510000100 } from './1764510000100-ReadModelRemoteSupportAnswered';
import { ReadModelSlaPolicies1764800000100 } from './1764800000100-ReadModelSlaPolicies';
import { ReadModelCallbacks1764700000100 } from './1764700000100-ReadModelCallbacks';
import { ApiKeyScopesAndAudit1764900000100 } from './1764900000100-ApiKeyScopesAndAudit';
import { PeopleAndLogins1765050000100 } from './1765050000100-PeopleAndLogins';
import { ReadModelKpis1765010000100 } from './1765010000100-ReadModelKpis';
import { ReadModelAppointmentsApprovals1765030000100 } from './1765030000100-ReadModelAppointmentsApprovals';
import { ReadModelDepartments1765070000100 } from './1765070000100-ReadModelDepartments';

/** The gateway schema's migrations, in order; run at start, never `synchronize`. */
export const gatewayMigrations = [MessagingTables1764000000000, GatewayTables1764000000100, ReadModelRounds1764200000100, ReadModelTriage1764300000100, ReadModelIncidents1764410000100, ReadModelKnownIssues1764400000020, ReadModelInterception1764420000003, ReadModelRemoteSupport1764430000100, ReadModelRota1764500000002, ReadModelRemoteSupportAnswered1764510000100, ReadModelCallbacks1764700000100, ReadModelSlaPolicies1764800000100, ApiKeyScopesAndAudit1764900000100, ReadModelKpis1765010000100, PeopleAndLogins1765050000100, ReadModelAppointmentsApprovals1765030000100, ReadModelDepartments1765070000100];
