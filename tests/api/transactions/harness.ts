/**
 * In-process harness for `POST /api/transactions/{action}` and `POST /api/quote/open` on chain: a real
 * ChainRuntime (the local chain with the program deployed and §9's genesis) over ONE in-memory PGlite per test
 * file, no slot timer (`autoTick: false`: the test ticks), a clock the test moves, installed with
 * `setServicesForTests`. Wallets are funded directly (airdrop, and mint_to by the faucet's mint authority), the
 * answered transactions are signed with the owner's kit keypair and sent through `chain.local.sendTransaction`.
 */
import {
  generateKeyPairSigner,
  getTransactionDecoder,
  getTransactionEncoder,
  signBytes,
  signTransaction,
  type Address,
  type KeyPairSigner,
  type SignatureBytes,
  type Transaction,
} from '@solana/kit';
import { getCreateAssociatedTokenIdempotentInstruction, getMintToInstruction } from '@solana-program/token';
import { expect } from 'vitest';
import * as quoteRoute from '@/app/api/quote/open/route';
import * as txRoute from '@/app/api/transactions/[action]/route';
import { loadConfig } from '@/lib/config/env';
import { openMemoryPglite, runMigrations, type PgliteDatabase } from '@/lib/db';
import { DevClock } from '@/lib/server/dev-clock';
import { ManualOracle } from '@/lib/oracle/manual-oracle';
import { GENESIS } from '@/lib/math/params';
import type { FeedId, PoolId, TokenId } from '@/lib/math/ids';
import { startLocalRuntime, type ChainRuntime } from '@/lib/chain-runtime/runtime';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';
import { decodeOrder, decodePosition, decodeTokenAccount, type OrderAccount, type PositionAccount } from '@/lib/chain/accounts';
import { associatedTokenAddress } from '@/lib/chain/pda';
import { NATIVE_MINT, TOKEN_PROGRAM } from '@/lib/chain/program-ids';
import { priceUpdate } from '@/lib/deployment/initialize';
import { sendInstructions } from '@/lib/deployment/chain-client';
import { setServicesForTests, type Services } from '@/lib/server/services';
import type { SendResult } from '@/lib/validator';
import { FIXED_MESSAGES } from '@/lib/tx-builder/errors';

/** Wednesday 2026-01-07 12:00 UTC: the RWA markets are open. */
export const START_MS = Date.UTC(2026, 0, 7, 12, 0, 0);
export const HOST = 'http://perps.test';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface TxAnswer {
  transaction: string;
  accounts: { position?: string; order?: string };
  computeUnits: string;
  fee: string;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export interface Funds {
  /** Native lamports (default 1 SOL: fees and rent). */
  lamports?: bigint;
  USDC?: bigint;
  WBTC?: bigint;
  BONK?: bigint;
}

export interface ChainHarness {
  db: PgliteDatabase;
  chain: ChainRuntime;
  services: Services;
  snapshot(): ChainSnapshot;
  /** Moves the wall clock (and so the chain's Clock at the next slot) forward and ticks. */
  advance(seconds: number): void;
  /** Sets the wall clock to `ms` (forward only) and ticks. */
  setTime(ms: number): void;
  /** Writes prices on chain with the chain's time (the oracle authority's transaction); the others again as they are, unless `only`. */
  setPrices(prices: Partial<Record<FeedId, bigint>>, opts?: { only?: boolean }): Promise<void>;
  /** Writes every price again at the chain's time (fresh prices). */
  refreshPrices(): Promise<void>;
  wallet(funds?: Funds): Promise<KeyPairSigner>;
  fund(owner: Address, funds: Funds): Promise<void>;
  /** POST /api/transactions/{action}. */
  post<T = TxAnswer>(action: string, body: unknown, init?: { raw?: BodyInit; headers?: Record<string, string> }): Promise<Answer<T>>;
  quote<T = Record<string, string>>(body: unknown): Promise<Answer<T>>;
  /** Signs an answered transaction with `signer` and sends it; ticks afterwards. */
  signAndSend(signer: KeyPairSigner, transaction: string): Promise<SendResult>;
  /** Builds (expects 200), signs, sends, expects success. */
  act(signer: KeyPairSigner, action: string, params: Record<string, unknown>): Promise<TxAnswer>;
  /** Expects a refusal with `status` and `code`, and that it changed nothing of the chain. */
  refused(signer: KeyPairSigner | Address, action: string, params: Record<string, unknown>, status: number, code: string): Promise<string>;
  balance(owner: Address, token: TokenId | PoolId): bigint;
  lamports(owner: Address): bigint;
  position(address: string): PositionAccount | undefined;
  order(address: string): OrderAccount | undefined;
  /** Every program account, the owners' token accounts and lamports, the vaults and the transaction count. */
  digest(owners: readonly Address[]): string;
  close(): Promise<void>;
}

export const DEFAULT_FUNDS: Funds = { lamports: 1_000_000_000n };

export async function startChainHarness(): Promise<ChainHarness> {
  const db = await openMemoryPglite();
  await runMigrations(db);
  let nowMs = START_MS;
  const chain = await startLocalRuntime({ db, nowMs: () => nowMs, maxPriceAgeS: 30, autoTick: false });
  const local = chain.local!;
  const config = { ...loadConfig({}), devnet: true };
  const clock = new DevClock(() => nowMs);
  const oracle = new ManualOracle(GENESIS.prices, START_MS / 1000);
  const services: Services = { config, db, oracle, clock, chain };
  setServicesForTests(services);
  const authority = chain.keys.mintAuthority!;
  const oracleAuthority = chain.keys.oracleAuthority!;

  const tokenAccount = (owner: Address, mint: Address) => {
    const ata = [...local.getTokenAccountsByOwner(owner, { mint })][0];
    return ata ? decodeTokenAccount(ata.account.data).amount : 0n;
  };
  const mintOf = (token: TokenId | PoolId): Address =>
    token === 'ALP' || token === 'RWALP' ? chain.addresses.lpMints[token] : chain.addresses.mints[token];

  const h: ChainHarness = {
    db,
    chain,
    services,
    snapshot: () => chain.snapshot(),
    advance(seconds) {
      nowMs += seconds * 1000;
      local.tick();
    },
    setTime(ms) {
      if (ms < nowMs) throw new Error('the chain clock only moves forward');
      nowMs = ms;
      local.tick();
    },
    async setPrices(prices, opts = {}) {
      local.tick();
      const publishTime = BigInt(chain.nowS());
      const s = chain.snapshot();
      const feeds = opts.only ? (Object.keys(prices) as FeedId[]) : (Object.keys(GENESIS.prices) as FeedId[]);
      const list = feeds.map((feed) => ({ feed, price: prices[feed] ?? (s.feedQuote(feed).price || GENESIS.prices[feed]), publishTime }));
      await sendInstructions(chain.client, [priceUpdate(chain.addresses, oracleAuthority.address, list)], [oracleAuthority]);
      local.tick();
    },
    async refreshPrices() {
      await h.setPrices({});
    },
    async fund(owner, funds) {
      await local.airdrop(owner, funds.lamports ?? 0n);
      const ixs = [];
      for (const token of ['USDC', 'WBTC', 'BONK'] as const) {
        const amount = funds[token];
        if (!amount) continue;
        const mint = chain.addresses.mints[token];
        const ata = await associatedTokenAddress(owner, mint);
        ixs.push(getCreateAssociatedTokenIdempotentInstruction({ payer: authority, owner, mint, ata }));
        ixs.push(getMintToInstruction({ mint, token: ata, mintAuthority: authority, amount }));
      }
      if (ixs.length > 0) await sendInstructions(chain.client, ixs, [authority]);
      local.tick();
    },
    async wallet(funds = DEFAULT_FUNDS) {
      const signer = await generateKeyPairSigner();
      if ((funds.lamports ?? 0n) > 0n || funds.USDC || funds.WBTC || funds.BONK) await h.fund(signer.address, funds);
      return signer;
    },
    async post(action, body, init = {}) {
      const request = new Request(`${HOST}/api/transactions/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...init.headers },
        body: init.raw ?? JSON.stringify(body),
      });
      const response = await txRoute.POST(request, { params: Promise.resolve({ action }) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as never };
    },
    async quote(body) {
      const request = new Request(`${HOST}/api/quote/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const response = await quoteRoute.POST(request, undefined as never);
      return { status: response.status, body: (await response.json()) as never };
    },
    async signAndSend(signer, transaction) {
      const tx = getTransactionDecoder().decode(Buffer.from(transaction, 'base64'));
      const signed = await signTransaction([signer.keyPair], tx);
      const result = await local.sendTransaction(new Uint8Array(getTransactionEncoder().encode(signed)));
      local.tick();
      return result;
    },
    async act(signer, action, params) {
      const answer = await h.post(action, { owner: signer.address, params });
      if (answer.status !== 200) throw new Error(`${action} answered ${answer.status} ${JSON.stringify(answer.body)}`);
      const result = await h.signAndSend(signer, answer.body.transaction);
      expect(result.err).toBeNull();
      return answer.body;
    },
    async refused(who, action, params, status, code) {
      const owner = typeof who === 'string' ? who : who.address;
      const before = h.digest([owner]);
      const answer = await h.post<ErrorBody>(action, { owner, params });
      expect({ status: answer.status, code: answer.body?.error?.code }, JSON.stringify(answer.body)).toEqual({ status, code });
      expect(answer.body.error.message.length).toBeGreaterThan(15);
      // Explained by the lib/math check that refused, not the code's fixed fallback sentence.
      expect(answer.body.error.message).not.toBe(FIXED_MESSAGES[code as keyof typeof FIXED_MESSAGES]);
      expect(h.digest([owner])).toBe(before);
      return answer.body.error.message;
    },
    balance: (owner, token) => tokenAccount(owner, token === 'SOL' ? NATIVE_MINT : mintOf(token)),
    lamports: (owner) => local.getBalance(owner),
    position(address) {
      const a = local.getAccount(address as Address);
      return a && a.data.length > 0 && a.owner === chain.addresses.programId ? decodePosition(a.data) : undefined;
    },
    order(address) {
      const a = local.getAccount(address as Address);
      return a && a.data.length > 0 && a.owner === chain.addresses.programId ? decodeOrder(a.data) : undefined;
    },
    digest(owners) {
      const parts: string[] = [`tx:${local.transactionCount}`];
      for (const k of local.getProgramAccounts(chain.addresses.programId)) parts.push(`${k.address}:${k.account.lamports}:${Buffer.from(k.account.data).toString('base64')}`);
      for (const o of [...owners, chain.addresses.authority]) {
        parts.push(`${o}:${local.getBalance(o)}`);
        for (const k of local.getTokenAccountsByOwner(o, { programId: TOKEN_PROGRAM })) parts.push(`${k.address}:${Buffer.from(k.account.data).toString('base64')}`);
      }
      return parts.join('\n');
    },
    async close() {
      setServicesForTests(undefined);
      await chain.stop();
      await db.close();
    },
  };
  return h;
}

/** Signs `transaction`'s message with `signer` into the slot of its fee payer (another key's signature there). */
export async function signAsFeePayer(signer: KeyPairSigner, transaction: string): Promise<Uint8Array> {
  const tx = getTransactionDecoder().decode(Buffer.from(transaction, 'base64'));
  const [feePayer] = Object.keys(tx.signatures) as Address[];
  const signature = (await signBytes(signer.keyPair.privateKey, tx.messageBytes)) as SignatureBytes;
  const forged: Transaction = { ...tx, signatures: { ...tx.signatures, [feePayer!]: signature } };
  return new Uint8Array(getTransactionEncoder().encode(forged));
}

/** The decoded transaction of an answer (to look at its instructions). */
export function decodeAnswer(transaction: string): Transaction {
  return getTransactionDecoder().decode(Buffer.from(transaction, 'base64'));
}
