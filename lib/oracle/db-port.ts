/**
 * The slice of lib/db's `Database` port (engine contract) that lib/oracle uses. Declared structurally here so the
 * oracle compiles and tests on its own; lib/db's `Database` satisfies it.
 */
export interface OracleSqlClient {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<void>;
}

export interface OracleDatabase {
  transaction<T>(fn: (tx: OracleSqlClient) => Promise<T>): Promise<T>;
  sql: OracleSqlClient;
}
