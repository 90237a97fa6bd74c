import { generateKeyPairSigner } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { LocalChain, SqlChainStore } from '@/lib/validator';
import { clearChainTables, manualClock } from '@/lib/validator/testing';
import { parseJson } from './json';
import { PubSubSession } from './pubsub';

type Message = { id?: number; result?: unknown; method?: string; params?: { result: unknown; subscription: number } };

describe('PubSubSession', () => {
  let db: PgliteDatabase;
  let chain: LocalChain;
  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
    await clearChainTables(db);
    chain = await LocalChain.open(new SqlChainStore(db), manualClock().now, { autoTick: false });
  });
  afterAll(async () => {
    await chain.close();
    await db.close();
  });

  it('notifies signatures (also already committed ones), accounts, logs and slots, and unsubscribes', async () => {
    const sent: Message[] = [];
    const session = new PubSubSession(chain, (text) => sent.push(parseJson(text) as Message));
    const user = (await generateKeyPairSigner()).address;
    session.handle(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'accountSubscribe', params: [user, { encoding: 'base64' }] }));
    session.handle(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'logsSubscribe', params: [{ mentions: [user] }] }));
    session.handle(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'slotSubscribe' }));
    expect(sent.map((m) => m.result)).toEqual([0, 1, 2]);

    const signature = await chain.airdrop(user, 1_000_000_000n);
    const account = sent.find((m) => m.method === 'accountNotification');
    expect(account?.params?.result).toMatchObject({ value: { lamports: 1_000_000_000, data: ['', 'base64'] } });
    const logs = sent.find((m) => m.method === 'logsNotification');
    expect(logs?.params?.result).toMatchObject({ value: { signature, err: null } });

    session.handle(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'signatureSubscribe', params: [signature, { commitment: 'confirmed' }] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const confirmed = sent.find((m) => m.method === 'signatureNotification');
    expect(confirmed?.params).toEqual({ result: { context: { slot: 0 }, value: { err: null } }, subscription: 3 });

    chain.tick();
    expect(sent.find((m) => m.method === 'slotNotification')?.params?.result).toEqual({ parent: 0, root: 1, slot: 1 });
    session.handle(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'slotUnsubscribe', params: [2] }));
    expect(sent.at(-1)).toMatchObject({ id: 5, result: true });
    const count = sent.length;
    chain.tick();
    expect(sent.length).toBe(count);
    session.close();
  });
});
