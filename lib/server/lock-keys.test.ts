/**
 * The PostgreSQL advisory locks that elect one instance per job are distinct: two jobs sharing a key exclude each
 * other across instances (the price writer and the indexer once did, both 7_346_011).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_KEY } from '@/lib/db/migrations';
import { INDEXER_LOCK_KEY } from '@/lib/indexer';
import { CHAIN_KEEPER_LOCK_KEY } from '@/lib/keeper';
import { SIMULATOR_LOCK_KEY } from '@/lib/oracle/simulated-source';
import { LOCAL_CHAIN_LOCK_KEY, PRICE_WRITER_LOCK_KEY } from './chain';

describe('advisory lock keys', () => {
  it('one key per job', () => {
    const keys = { MIGRATION_LOCK_KEY, SIMULATOR_LOCK_KEY, LOCAL_CHAIN_LOCK_KEY, INDEXER_LOCK_KEY, PRICE_WRITER_LOCK_KEY, CHAIN_KEEPER_LOCK_KEY };
    expect(new Set(Object.values(keys)).size).toBe(Object.keys(keys).length);
  });
});
