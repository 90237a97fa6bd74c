export type { Database, SqlClient, SessionLock, TransactionOptions } from './types';
export { RETRYABLE_SQLSTATES, sqlState } from './types';
export { big, bigOrNull, num, dec, decOrNull } from './rows';
export { MIGRATIONS, runMigrations, STATE_TABLES } from './migrations';
export { PgliteDatabase, openPgliteDatabase, openMemoryPglite } from './pglite';
export { PostgresDatabase, openPostgresDatabase, dropPostgresSchema } from './postgres';
export { openDatabase } from './open';
export { createMigratedTemplate } from './memory-template';
