import { generateKeyPairSigner, type Address, type KeyPairSigner } from '@solana/kit';
import bs58 from 'bs58';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { LocalChain, SqlChainStore } from '@/lib/validator';
import { clearChainTables, fundedSigner, manualClock, transferWire } from '@/lib/validator/testing';
import { handleRpc, handleRpcText } from './handler';

type Reply = { result?: unknown; error?: { code: number; message: string; data?: Record<string, unknown> } };

describe('handleRpc', () => {
  let db: PgliteDatabase;
  let chain: LocalChain;
  let alice: KeyPairSigner;
  let id = 0;
  const call = async (method: string, params?: unknown[]): Promise<Reply> =>
    (await handleRpc(chain, { jsonrpc: '2.0', id: ++id, method, params })) as Reply;
  const b64 = (wire: Uint8Array) => Buffer.from(wire).toString('base64');

  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await clearChainTables(db);
    chain = await LocalChain.open(new SqlChainStore(db), manualClock().now, { autoTick: false });
    alice = await fundedSigner(chain, 1_000_000_000_000n);
  });
  afterEach(async () => {
    await chain.close();
  });

  it('sends base58 (the default) and base64 transactions', async () => {
    const bob = (await generateKeyPairSigner()).address;
    const first = await call('sendTransaction', [bs58.encode(await transferWire(chain, alice, bob, 1_000_000_000n))]);
    const second = await call('sendTransaction', [b64(await transferWire(chain, alice, bob, 2_000_000_000n)), { encoding: 'base64' }]);
    expect(typeof first.result).toBe('string');
    expect(typeof second.result).toBe('string');
    expect(chain.getBalance(bob)).toBe(3_000_000_000n);
  });

  it('answers preflight failures with -32002 and the simulation; nothing changes', async () => {
    const bob = (await generateKeyPairSigner()).address;
    const wire = await transferWire(chain, alice, bob, 10_000_000_000_000n);
    const before = chain.getBalance(alice.address);
    const reply = await call('sendTransaction', [b64(wire), { encoding: 'base64' }]);
    expect(reply.error?.code).toBe(-32002);
    expect(reply.error?.message).toBe('Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1');
    expect(reply.error?.data).toMatchObject({ err: { InstructionError: [0, { Custom: 1 }] }, unitsConsumed: 150n, accounts: null });
    expect((reply.error?.data?.logs as string[]).length).toBe(3);
    expect(chain.getBalance(alice.address)).toBe(before);
    expect(chain.getAccount(bob)).toBeNull();
    const skipped = await call('sendTransaction', [b64(wire), { encoding: 'base64', skipPreflight: true }]);
    expect(typeof skipped.result).toBe('string');
    const status = await call('getSignatureStatuses', [[skipped.result]]);
    expect((status.result as { value: unknown[] }).value[0]).toMatchObject({ err: { InstructionError: [0, { Custom: 1 }] }, status: { Err: { InstructionError: [0, { Custom: 1 }] } } });
    expect(chain.getBalance(alice.address)).toBe(before - 5000n);
  });

  it('refuses duplicates and stale blockhashes with -32002, bad signatures with -32003, junk with -32602', async () => {
    const bob = (await generateKeyPairSigner()).address;
    const stale = chain.latestBlockhash();
    const wire = await transferWire(chain, alice, bob, 1_000_000_000n);
    expect(typeof (await call('sendTransaction', [b64(wire), { encoding: 'base64' }])).result).toBe('string');
    const duplicate = await call('sendTransaction', [b64(wire), { encoding: 'base64' }]);
    expect(duplicate.error).toMatchObject({ code: -32002, message: 'Transaction simulation failed: This transaction has already been processed' });
    expect(duplicate.error?.data?.err).toBe('AlreadyProcessed');
    for (let i = 0; i < 151; i++) chain.tick();
    const old = await transferWire(chain, alice, bob, 7n, stale);
    const refused = await call('sendTransaction', [b64(old), { encoding: 'base64' }]);
    expect(refused.error).toMatchObject({ code: -32002, message: 'Transaction simulation failed: Blockhash not found' });
    expect((await call('sendTransaction', [b64(old), { encoding: 'base64', skipPreflight: true }])).error?.data?.err).toBe('BlockhashNotFound');
    const forged = await transferWire(chain, alice, bob, 8n);
    forged[10] = (forged[10] ?? 0) ^ 0xff;
    expect((await call('sendTransaction', [b64(forged), { encoding: 'base64' }])).error).toEqual({ code: -32003, message: 'Transaction signature verification failure' });
    expect((await call('sendTransaction', ['!!!', { encoding: 'base64' }])).error?.code).toBe(-32602);
    expect((await call('sendTransaction', [b64(new Uint8Array([1, 2, 3])), { encoding: 'base64' }])).error?.code).toBe(-32602);
    expect(chain.getBalance(bob)).toBe(1_000_000_000n);
  });

  it('keeps u64 values above 2^53 exact both ways', async () => {
    const bob = (await generateKeyPairSigner()).address;
    const big = '10000000000000001'; // > 2^53, not representable as a double
    const text = await handleRpcText(chain, `{"jsonrpc":"2.0","id":1,"method":"requestAirdrop","params":["${bob}",${big}]}`);
    expect(JSON.parse(text).result).toEqual(expect.any(String));
    const balance = await handleRpcText(chain, `{"jsonrpc":"2.0","id":2,"method":"getBalance","params":["${bob}"]}`);
    expect(balance).toContain(`"value":${big}}`);
    const info = await handleRpcText(chain, `{"jsonrpc":"2.0","id":3,"method":"getAccountInfo","params":["${bob}",{"encoding":"base64"}]}`);
    expect(info).toContain('"rentEpoch":18446744073709551615');
    expect(await handleRpcText(chain, '{"jsonrpc":')).toBe('{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}');
  });

  it('encodes accounts as asked and refuses what agave refuses', async () => {
    const key = (await generateKeyPairSigner()).address;
    const data = Uint8Array.from({ length: 200 }, (_, i) => i);
    await chain.setAccount(key, { lamports: 5_000_000n, owner: alice.address, executable: false, rentEpoch: 0n, data });
    const get = (config: unknown) => call('getAccountInfo', [key, config]);
    expect(((await get({ encoding: 'base64', dataSlice: { offset: 2, length: 3 } })).result as { value: { data: unknown } }).value.data).toEqual([Buffer.from([2, 3, 4]).toString('base64'), 'base64']);
    expect(((await get({ encoding: 'base58', dataSlice: { offset: 0, length: 4 } })).result as { value: { data: unknown } }).value.data).toEqual([bs58.encode(Uint8Array.from([0, 1, 2, 3])), 'base58']);
    expect((await get(undefined)).error?.message).toContain('Encoded binary (base 58) data should be less than 128 bytes');
    expect(((await get({ encoding: 'jsonParsed' })).result as { value: { data: unknown } }).value.data).toEqual([Buffer.from(data).toString('base64'), 'base64']);
    expect((await get({ encoding: 'jsonParsed', dataSlice: { offset: 0, length: 1 } })).error?.code).toBe(-32602);
    expect((await get({ encoding: 'utf8' })).error?.code).toBe(-32602);
    expect((await get({ commitment: 'finalized', minContextSlot: 1_000_000 })).error).toMatchObject({ code: -32016, data: { contextSlot: chain.slot } });
    expect((await get({ commitment: 'bogus' })).error?.code).toBe(-32602);
    const program = await call('getProgramAccounts', [alice.address, { encoding: 'base64', filters: [{ memcmp: { offset: 199, bytes: bs58.encode(Uint8Array.from([199])) } }] }]);
    expect((program.result as { pubkey: Address }[]).map((p) => p.pubkey)).toEqual([key]);
    expect((await call('getProgramAccounts', [alice.address, { filters: [{ dataSize: 1 }, { dataSize: 2 }, { dataSize: 3 }, { dataSize: 4 }, { dataSize: 5 }] }])).error?.message).toBe('Invalid params: Too many filters provided; max 4');
  });

  it('answers getTransaction in json, refuses processed; pages getSignaturesForAddress', async () => {
    const bob = (await generateKeyPairSigner()).address;
    const signatures: string[] = [];
    for (let i = 1; i <= 5; i++) {
      chain.tick();
      signatures.push((await call('sendTransaction', [b64(await transferWire(chain, alice, bob, BigInt(i) * 1_000_000_000n)), { encoding: 'base64' }])).result as string);
    }
    const tx = (await call('getTransaction', [signatures[0], { encoding: 'json', maxSupportedTransactionVersion: 0 }])).result as Record<string, unknown>;
    expect(tx).toMatchObject({ slot: 1n, version: 0, meta: { err: null, status: { Ok: null }, fee: 5000n, rewards: [], computeUnitsConsumed: 150n } });
    const message = (tx.transaction as { message: Record<string, unknown> }).message;
    expect(message).toMatchObject({ accountKeys: [alice.address, bob, '11111111111111111111111111111111'], header: { numRequiredSignatures: 1, numReadonlySignedAccounts: 0, numReadonlyUnsignedAccounts: 1 }, addressTableLookups: [] });
    expect((await call('getTransaction', [signatures[0], { commitment: 'processed' }])).error?.message).toBe('Invalid params: Method does not support commitment below `confirmed`');
    expect((await call('getTransaction', [bs58.encode(new Uint8Array(64).fill(1)), { maxSupportedTransactionVersion: 0 }])).result).toBeNull();

    const page = async (config: Record<string, unknown>) => ((await call('getSignaturesForAddress', [bob, config])).result as { signature: string }[]).map((s) => s.signature);
    expect(await page({})).toEqual([...signatures].reverse());
    expect(await page({ limit: 2 })).toEqual([signatures[4], signatures[3]]);
    expect(await page({ before: signatures[3], limit: 2 })).toEqual([signatures[2], signatures[1]]);
    expect(await page({ until: signatures[1] })).toEqual([signatures[4], signatures[3], signatures[2]]);
    expect((await call('getSignaturesForAddress', [bob, { limit: 1001 }])).error?.code).toBe(-32602);

    for (let i = 0; i < 301; i++) chain.tick();
    const recent = (await call('getSignatureStatuses', [signatures])).result as { value: unknown[] };
    expect(recent.value).toEqual([null, null, null, null, null]);
    const searched = (await call('getSignatureStatuses', [signatures, { searchTransactionHistory: true }])).result as { value: { slot: bigint }[] };
    expect(searched.value.map((v) => v.slot)).toEqual([1n, 2n, 3n, 4n, 5n]);
  });

  it('group-commits concurrent sends: all resolve, all persisted in arrival order (tx/s printed)', async () => {
    const to = (await generateKeyPairSigner()).address;
    const n = 2000;
    const wires: string[] = [];
    for (let i = 0; i < n; i++) wires.push(b64(await transferWire(chain, alice, to, 1_000_000n + BigInt(i))));
    const started = performance.now();
    const replies = await Promise.all(wires.map((w) => call('sendTransaction', [w, { encoding: 'base64' }])));
    const seconds = (performance.now() - started) / 1000;
    console.log(`${n} transfers through handleRpc, all in flight: ${(n / seconds).toFixed(0)} tx/s`);
    expect(replies.every((r) => typeof r.result === 'string')).toBe(true);
    const history = (await call('getSignaturesForAddress', [to, { limit: 1000 }])).result as { signature: string }[];
    expect(history.map((h) => h.signature)).toEqual(replies.slice(n - 1000).map((r) => r.result).reverse());
    expect(chain.getBalance(to)).toBe(BigInt(n) * 1_000_000n + BigInt((n * (n - 1)) / 2));

    // A steadier load: 64 clients, each sending its next transfer when the previous one is answered.
    const more: string[] = [];
    for (let i = 0; i < n; i++) more.push(b64(await transferWire(chain, alice, to, 3_000_000n + BigInt(i))));
    let next = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < more.length) {
          const reply = await call('sendTransaction', [more[next++], { encoding: 'base64' }]);
          expect(typeof reply.result).toBe('string');
        }
      }),
    );
    console.log(`${n} transfers through handleRpc, 64 clients: ${(n / ((performance.now() - t) / 1000)).toFixed(0)} tx/s`);
  }, 120_000);
});
