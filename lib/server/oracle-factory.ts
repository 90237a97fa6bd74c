import type { ServerConfig } from '@/lib/config/env';
import type { Database } from '@/lib/db/types';
import { createOracle } from '@/lib/oracle/create-oracle';
import type { Clock, Oracle } from '@/lib/oracle/types';

/** The one place the server chooses its oracle implementation (lib/oracle `createOracle`, per `ORACLE`). */
export function createServerOracle(config: ServerConfig, deps: { db: Database; clock: Clock }): Oracle {
  return createOracle(config, deps);
}
