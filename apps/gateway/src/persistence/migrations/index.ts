import { MessagingTables1764000000000 } from '@switchboard/persistence';
import { GatewayTables1764000000100 } from './1764000000100-GatewayTables';
import { ReadModelRounds1764200000100 } from './1764200000100-ReadModelRounds';
import { ReadModelTriage1764300000100 } from './1764300000100-ReadModelTriage';
import { ReadModelIncidents1764410000100 } from './1764410000100-ReadModelIncidents';

/** The gateway schema's migrations, in order; run at start, never `synchronize`. */
export const gatewayMigrations = [
  MessagingTables1764000000000,
  GatewayTables1764000000100,
  ReadModelRounds1764200000100,
  ReadModelTriage1764300000100,
  ReadModelIncidents1764410000100,
];
