import { describe, it } from 'vitest';
import { dropPostgresSchema, openPostgresDatabase } from '@/lib/db/postgres';
import { defineIndexerSuite } from './indexer-suite';

const url = process.env.TEST_DATABASE_URL;

if (!url) {
  describe('indexer on PostgreSQL', () => {
    it.skip('needs TEST_DATABASE_URL; skipped', () => undefined);
  });
} else {
  describe('indexer on PostgreSQL', () => {
    defineIndexerSuite(async () => {
      const schema = `indexer_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
      const db = await openPostgresDatabase(url, { schema, max: 6 });
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
