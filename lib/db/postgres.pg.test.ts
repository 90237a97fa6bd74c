/**
 * PostgreSQL backend (TEST_DATABASE_URL): a deadlock between two transactions is retried, not surfaced;
 * migrations are recorded once; the session lock is exclusive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openPostgresDatabase, type PostgresDatabase } from './postgres';
import { MIGRATIONS, runMigrations } from './migrations';

const url = process.env.TEST_DATABASE_URL;

if (!url) {
  describe('postgres backend', () => {
    it.skip('needs TEST_DATABASE_URL; skipped', () => undefined);
  });
} else {
  describe('postgres backend', () => {
    const schema = `db_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    let db: PostgresDatabase;
    beforeAll(async () => {
      db = await openPostgresDatabase(url, { schema, max: 4 });
      expect(await runMigrations(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await runMigrations(db)).toEqual([]);
      await db.sql.query("INSERT INTO engine_state (key, value) VALUES ('a', '0'), ('b', '0')");
    });
    afterAll(async () => {
      await db.close();
      await dropPostgresSchema(url, schema);
    });

    it('retries a transaction chosen as the deadlock victim', async () => {
      let attempts = 0;
      let bothHoldFirstLock: () => void = () => undefined;
      let held = 0;
      const gate = new Promise<void>((resolve) => (bothHoldFirstLock = resolve));
      const bump = (first: string, second: string) =>
        db.transaction(async (tx) => {
          attempts += 1;
          await tx.query("UPDATE engine_state SET value = (value::int + 1)::text WHERE key = $1", [first]);
          held += 1;
          if (held === 2) bothHoldFirstLock();
          await gate;
          await tx.query("UPDATE engine_state SET value = (value::int + 1)::text WHERE key = $1", [second]);
        });
      await Promise.all([bump('a', 'b'), bump('b', 'a')]);
      expect(attempts).toBe(3);
      const { rows } = await db.sql.query<{ key: string; value: string }>("SELECT key, value FROM engine_state WHERE key IN ('a','b') ORDER BY key");
      expect(rows).toEqual([
        { key: 'a', value: '2' },
        { key: 'b', value: '2' },
      ]);
    });

    it('gives the session lock to one holder at a time', async () => {
      const first = await db.acquireSessionLock(99);
      expect(first).toBeDefined();
      expect(await db.acquireSessionLock(99)).toBeUndefined();
      await first?.release();
      const again = await db.acquireSessionLock(99);
      expect(again).toBeDefined();
      await again?.release();
    });
  });
}
