/**
 * The crash suite of sigkill.int.test.ts (PGlite) and sigkill-postgres.int.test.ts (PostgreSQL), one file per
 * database so each stays within a couple of minutes. Issue 14's crash test on the chain path: 20 faucet-funded
 * wallets send a burst of program transactions (ALP deposits, opens long and short, a partial and a whole close,
 * withdrawals), each built by `POST /api/transactions/{action}`, signed by the wallet and sent through `POST
 * /api/rpc`; the server is SIGKILLed in the middle of it and restarted on the same database. Afterwards:
 * - every signature that sendTransaction answered (the local chain commits before it answers) and every one
 *   getSignatureStatuses called confirmed is there, succeeded, and getTransaction returns it;
 * - each wallet's transactions landed as a prefix of what it sent (at most the one in flight at the kill beyond
 *   the answered ones), and the wallet's lamports, token accounts and position accounts are exactly what they were
 *   after its last landed transaction (a transaction in flight at the kill: exactly its recorded post balances):
 *   nothing half-applied;
 * - every position decodes and belongs to its owner, and `check:invariants -- --url` finds the chain conserved
 *   (each mint's supply is the sum of its token accounts, vaults equal the custodies' and positions' state).
 */
import bs58 from 'bs58';
import type { KeyPairSigner } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePosition } from '@/lib/chain/accounts';
import { TOKEN_PROGRAM } from '@/lib/chain/program-ids';
import { ACCOUNT_LEN, DISCRIMINATOR } from '@/lib/chain/tags';
import {
  buildTx,
  chainInfo,
  checkInvariants,
  faucet,
  getJson,
  newWallet,
  rpc,
  sendWire,
  signatureStatuses,
  signWire,
  startChainServer,
  usd,
  type BuiltServer,
  type ChainInfo,
  type TxAnswer,
} from './support';

const WALLETS = 20;
/** Transactions answered before the kill is sent (the wallets keep sending while it lands). */
const KILL_AFTER_ANSWERS = 80;
const POSITION_TAG = bs58.encode(new TextEncoder().encode(DISCRIMINATOR.position));

/** What a wallet owns on chain: native lamports, every token account's amount, every position account's bytes. */
interface Holdings {
  lamports: string;
  tokens: Record<string, string>;
  positions: Record<string, string>;
}

interface Sent {
  action: string;
  signature: string;
  /** sendTransaction answered its signature. */
  answered: boolean;
  /** getSignatureStatuses then said confirmed or finalized. */
  confirmed: boolean;
  /** The wallet's holdings read right after it was confirmed (absent when the kill came first). */
  after?: Holdings;
}

interface WalletRun {
  signer: KeyPairSigner;
  sent: Sent[];
  /** Holdings before its first transaction of the burst. */
  start?: Holdings;
}

async function holdings(base: string, programId: string, owner: string): Promise<Holdings> {
  const lamports = await rpc<{ value: number | string }>(base, 'getBalance', [owner, { commitment: 'confirmed' }]);
  const tokens = await rpc<{ value: { pubkey: string; account: { data: [string, string] } }[] }>(base, 'getTokenAccountsByOwner', [
    owner,
    { programId: TOKEN_PROGRAM },
    { encoding: 'base64' },
  ]);
  const positions = await rpc<{ pubkey: string; account: { data: [string, string] } }[]>(base, 'getProgramAccounts', [
    programId,
    {
      encoding: 'base64',
      filters: [{ dataSize: ACCOUNT_LEN.position }, { memcmp: { offset: 0, bytes: POSITION_TAG } }, { memcmp: { offset: 8, bytes: owner } }],
    },
  ]);
  const amount = (data: string) => Buffer.from(data, 'base64').readBigUInt64LE(64).toString();
  return {
    lamports: String(lamports.value),
    tokens: Object.fromEntries(tokens.value.map((t) => [t.pubkey, amount(t.account.data[0])]).sort()),
    positions: Object.fromEntries(positions.map((p) => [p.pubkey, p.account.data[0]]).sort()),
  };
}

/**
 * The wallet's next action from its holdings: deposit USDC in ALP, open (long, next round short), close half,
 * close the rest, withdraw half of its ALP (`alp`: its ALP token account); and again.
 */
function nextAction(step: number, h: Holdings, alp: string | undefined): { action: string; params: Record<string, unknown> } {
  const side = Math.floor(step / 5) % 2 === 0 ? 'long' : 'short';
  const position = Object.keys(h.positions)[0];
  switch (step % 5) {
    case 0:
      return { action: 'addLiquidity', params: { pool: 'ALP', token: 'USDC', amount: usd(100), minLpOut: '0' } };
    case 1:
      return { action: 'openPosition', params: { market: 'SOL', side, collateralToken: 'USDC', collateralAmount: usd(40), leverageBps: '30000', acceptablePrice: '0' } };
    case 2:
      return { action: 'closePosition', params: { positionId: position, fractionBps: '5000', acceptablePrice: '0' } };
    case 3:
      return { action: 'closePosition', params: { positionId: position, acceptablePrice: '0' } };
    default: {
      const lp = BigInt((alp && h.tokens[alp]) || '0') / 2n;
      return { action: 'removeLiquidity', params: { pool: 'ALP', token: 'USDC', lpAmount: (lp > 0n ? lp : 1n).toString(), minAmountOut: '0' } };
    }
  }
}

async function alpAccount(base: string, info: ChainInfo, owner: string): Promise<string | undefined> {
  const found = await rpc<{ value: { pubkey: string }[] }>(base, 'getTokenAccountsByOwner', [owner, { mint: info.mints.ALP }, { encoding: 'base64' }]);
  return found.value[0]?.pubkey;
}

export function crashSuite(label: string, setup: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>) {
  describe(`SIGKILL during a burst of program transactions from ${WALLETS} wallets (${label})`, () => {
    let env: Record<string, string> = {};
    let cleanup: () => Promise<void> = async () => undefined;
    let server: BuiltServer | undefined;
    let info: ChainInfo;
    let runs: WalletRun[] = [];
    let answeredCount = 0;
    let killing: Promise<void> | undefined;
    const base = () => server?.url ?? '';

    beforeAll(async () => {
      ({ env, cleanup } = await setup());
      server = await startChainServer(env);
      info = await chainInfo(base());
      runs = await Promise.all(Array.from({ length: WALLETS }, async () => ({ signer: await newWallet(), sent: [] })));
    }, 180_000);

    afterAll(async () => {
      await server?.stop();
      await cleanup();
    });

    it('funds the wallets from the faucet', async () => {
      const drawn = await Promise.all(runs.map((r) => faucet(base(), r.signer.address)));
      expect(drawn.map((d) => d.status)).toEqual(runs.map(() => 200));
      for (const r of runs) r.start = await holdings(base(), info.programId, r.signer.address);
    });

    it('SIGKILLs the server in the middle of the burst', async () => {
      const url = base();
      const refusals: string[] = [];
      await Promise.all(
        runs.map(async (run) => {
          let h = run.start as Holdings;
          let alp: string | undefined;
          for (let step = 0; !killing; step += 1) {
            const { action, params } = nextAction(step, h, alp);
            let sent: Sent | undefined;
            try {
              const built = await buildTx(url, action, run.signer.address, params);
              if (built.status !== 200) {
                refusals.push(`${action} ${built.status} ${JSON.stringify(built.body)}`);
                return;
              }
              const { signature, wire } = await signWire(run.signer, (built.body as TxAnswer).transaction);
              sent = { action, signature, answered: false, confirmed: false };
              run.sent.push(sent);
              const answered = await sendWire(url, wire);
              if (answered !== signature) throw new Error(`sendTransaction answered ${answered} for ${signature}`);
              sent.answered = true;
              answeredCount += 1;
              if (answeredCount >= KILL_AFTER_ANSWERS && !killing) killing = server?.kill();
              const [status] = await signatureStatuses(url, [signature]);
              sent.confirmed = status?.err === null && (status.confirmationStatus === 'confirmed' || status.confirmationStatus === 'finalized');
              alp ??= await alpAccount(url, info, run.signer.address);
              h = await holdings(url, info.programId, run.signer.address);
              sent.after = h;
            } catch (error) {
              if (!killing && server && !server.exited()) refusals.push(`${action}: ${error instanceof Error ? error.message : String(error)}`);
              return; // the server died under this request
            }
          }
        }),
      );
      await killing;
      expect(refusals).toEqual([]);
      expect(answeredCount).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
      const kinds = new Set(runs.flatMap((r) => r.sent.filter((s) => s.answered).map((s) => s.action)));
      expect([...kinds].sort()).toEqual(expect.arrayContaining(['addLiquidity', 'closePosition', 'openPosition']));
    });

    it('after a restart on the same database, every answered signature is there with its effects, nothing half-applied', async () => {
      server = await startChainServer(env);
      expect(server.logs()).not.toContain('deploying the pool program'); // resumed, not deployed afresh
      expect((await chainInfo(base())).programId).toBe(info.programId);
      let landedBeyond = 0;
      for (const run of runs) {
        const owner = run.signer.address;
        const statuses = await signatureStatuses(base(), run.sent.map((s) => s.signature));
        run.sent.forEach((s, i) => {
          const status = statuses[i];
          if (s.answered || s.confirmed) {
            expect(status, `${owner} ${s.action} ${s.signature} was answered, then lost`).not.toBeNull();
          }
          if (status) expect(status.err, `${s.signature}`).toBeNull();
        });
        // A wallet sends one at a time: what landed is a prefix of what it sent, at most one beyond the answered ones.
        const landed = statuses.filter((s) => s !== null).length;
        expect(statuses.slice(0, landed).every((s) => s !== null), `${owner}: landed out of order`).toBe(true);
        const answered = run.sent.filter((s) => s.answered).length;
        expect(landed - answered).toBeGreaterThanOrEqual(0);
        expect(landed - answered).toBeLessThanOrEqual(1);
        landedBeyond += landed - answered;

        const now = await holdings(base(), info.programId, owner);
        const last = run.sent[landed - 1];
        if (!last) {
          expect(now).toEqual(run.start);
          continue;
        }
        const tx = await rpc<{ meta: { err: unknown; postBalances: number[]; postTokenBalances: { accountIndex: number; owner: string; uiTokenAmount: { amount: string } }[] }; transaction: { message: { accountKeys: string[] } } } | null>(
          base(),
          'getTransaction',
          [last.signature, { encoding: 'json', maxSupportedTransactionVersion: 0, commitment: 'confirmed' }],
        );
        expect(tx?.meta.err).toBeNull();
        if (last.after) {
          expect(now, `${owner} after ${last.action} ${last.signature}`).toEqual(last.after);
        } else {
          // Landed (or answered) with the kill before its effects were read: exactly what the transaction recorded.
          const keys = tx?.transaction.message.accountKeys ?? [];
          expect(keys[0]).toBe(owner); // fee payer = owner
          expect(now.lamports).toBe(String(tx?.meta.postBalances[0]));
          for (const b of tx?.meta.postTokenBalances ?? []) {
            const account = keys[b.accountIndex];
            if (b.owner === owner && account) expect(now.tokens[account], `${owner} token account ${account}`).toBe(b.uiTokenAmount.amount);
          }
        }
        for (const [address, data] of Object.entries(now.positions)) {
          const p = decodePosition(new Uint8Array(Buffer.from(data, 'base64')));
          expect(p.owner, address).toBe(owner);
          expect(p.state.sizeUsd > 0n && p.state.collateralAmount > 0n).toBe(true);
        }
        const account = await getJson<{ positions: { id: string }[] }>(base(), `/api/accounts/${owner}`);
        expect(account.body.positions.map((p) => p.id).sort()).toEqual(Object.keys(now.positions).sort());
      }
      expect(landedBeyond).toBeLessThanOrEqual(WALLETS);

      // Every answered transaction is readable by getTransaction, not only by its status.
      const answered = runs.flatMap((r) => r.sent.filter((s) => s.answered));
      for (const s of answered.slice(0, 40)) {
        const tx = await rpc<{ meta: { err: unknown } } | null>(base(), 'getTransaction', [s.signature, { encoding: 'json', maxSupportedTransactionVersion: 0 }]);
        expect(tx?.meta.err, s.signature).toBeNull();
      }
    });

    it('check:invariants -- --url finds the chain conserved', async () => {
      const check = await checkInvariants(base());
      expect(check.code, check.output).toBe(0);
      expect(check.output).toContain('conserved');
    });

    it('keeps trading after the restart', async () => {
      const run = runs[0] as WalletRun;
      const built = await buildTx(base(), 'addLiquidity', run.signer.address, { pool: 'ALP', token: 'USDC', amount: usd(10), minLpOut: '0' });
      expect(built.status, JSON.stringify(built.body)).toBe(200);
      const { signature, wire } = await signWire(run.signer, (built.body as TxAnswer).transaction);
      expect(await sendWire(base(), wire)).toBe(signature);
    });
  });
}

