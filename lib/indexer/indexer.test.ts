import { describe } from 'vitest';
import { openMemoryPglite } from '@/lib/db/pglite';
import { defineIndexerSuite } from './indexer-suite';

describe('indexer on PGlite', () => {
  defineIndexerSuite(async () => {
    const db = await openMemoryPglite();
    return { db, close: () => db.close() };
  });
});
