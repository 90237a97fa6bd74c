import type { Database, SqlClient } from '@/lib/db/types';

/** The slice of lib/db's `Database` port that lib/oracle uses (tests may pass any object with these two). */
export type OracleDatabase = Pick<Database, 'transaction' | 'sql' | 'acquireSessionLock'>;
export type OracleSqlClient = SqlClient;
