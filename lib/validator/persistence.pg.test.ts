import { describe, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { dropPostgresSchema, openPostgresDatabase } from '@/lib/db/postgres';
import { definePersistenceSuite } from './persistence-suite';

const url = process.env.TEST_DATABASE_URL;

if (!url) {
  describe('LocalChain restart on PostgreSQL', () => {
    it.skip('needs TEST_DATABASE_URL; skipped', () => undefined);
  });
} else {
  describe('LocalChain restart on PostgreSQL', () => {
    definePersistenceSuite(async () => {
      const schema = `chain_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
      const db = await openPostgresDatabase(url, { schema, max: 4 });
      await runMigrations(db);
      return {
        db,
        close: async () => {
          await db.close();
          await dropPostgresSchema(url, schema);
        },
      };
    });
  });
}
