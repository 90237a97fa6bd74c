/**
 * A real ChainRuntime for the keeper's tests and bench: the local chain (program deployed, §9 genesis) on the
 * database given, a clock the caller moves, prices written through the real PriceWriter (as the server does),
 * and traders with funded token accounts who open positions and place orders by their own signed transactions.
 */
import { generateKeyPairSigner, type Address, type Instruction, type KeyPairSigner, type TransactionSigner } from '@solana/kit';
import { getTransferSolInstruction } from '@solana-program/system';
import { getCloseAccountInstruction, getCreateAssociatedTokenIdempotentInstruction, getMintToInstruction, getSyncNativeInstruction } from '@solana-program/token';
import type { Database } from '@/lib/db/types';
import type { FeedId, MarketId, Side, TokenId } from '@/lib/math/ids';
import { lockToken } from '@/lib/math/params';
import { ManualOracle } from '@/lib/oracle/manual-oracle';
import { sideByte } from '@/lib/chain/accounts/position';
import { decodeTokenAccount } from '@/lib/chain/accounts/token';
import { placeLimitOrderInstruction } from '@/lib/chain/instructions/orders';
import { closePositionInstruction, openPositionInstruction, setTpSlInstruction } from '@/lib/chain/instructions/trade';
import { associatedTokenAddress, orderAddress, positionAddress } from '@/lib/chain/pda';
import { sendInstructions } from '@/lib/deployment/chain-client';
import { startLocalRuntime, type ChainRuntime } from '@/lib/chain-runtime/runtime';
import { PriceWriter } from '@/lib/chain-runtime/price-writer';

export interface Trader {
  signer: KeyPairSigner;
  address: Address;
  ata(token: TokenId): Promise<Address>;
}

export interface OpenSpec {
  market: MarketId;
  side: Side;
  token?: TokenId;
  amount: bigint;
  leverageBps: bigint;
  takeProfit?: bigint | null;
  stopLoss?: bigint | null;
}

export interface KeeperWorld {
  db: Database;
  runtime: ChainRuntime;
  oracle: ManualOracle;
  writer: PriceWriter;
  /** The clock the chain follows (ms). */
  nowMs(): number;
  /** Moves the clock `seconds` ahead and ends the slot (the chain's clock follows). */
  advance(seconds: number): void;
  /** Writes prices on chain through the PriceWriter; resolves when the price transaction is confirmed. */
  setPrices(prices: Partial<Record<FeedId, bigint>>): Promise<void>;
  send(instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<string>;
  trader(funds?: Partial<Record<TokenId, bigint>>): Promise<Trader>;
  open(t: Trader, spec: OpenSpec): Promise<Address>;
  /** Closes the whole position (paid to the trader's ATA of its collateral token). */
  close(t: Trader, market: MarketId, side: Side): Promise<void>;
  setTpSl(t: Trader, market: MarketId, side: Side, takeProfit: bigint | null, stopLoss: bigint | null): Promise<void>;
  placeOrder(t: Trader, spec: OpenSpec & { slot: number; triggerPrice: bigint }): Promise<Address>;
  /** Closes the trader's (empty) token account of `token`. */
  closeAta(t: Trader, token: TokenId): Promise<void>;
  /** A token account's balance (0 when it does not exist). */
  balance(account: Address): bigint;
  stop(): Promise<void>;
}

export async function startKeeperWorld(db: Database, o: { startMs?: number } = {}): Promise<KeeperWorld> {
  let nowMs = o.startMs ?? Date.now();
  const runtime = await startLocalRuntime({ db, nowMs: () => nowMs, maxPriceAgeS: 30, autoTick: false });
  const local = runtime.local;
  const mintAuthority = runtime.keys.mintAuthority;
  const oracleAuthority = runtime.keys.oracleAuthority;
  if (!local || !mintAuthority || !oracleAuthority) throw new Error('the keeper world needs the local chain');
  const a = runtime.addresses;
  const oracle = new ManualOracle({}, Math.floor(nowMs / 1000));
  const writer = new PriceWriter({ oracle, client: runtime.client, addresses: a, authority: oracleAuthority, nowS: runtime.nowS, onError: (e) => console.warn('[price writer]', e) });
  const send = (instructions: readonly Instruction[], signers: readonly TransactionSigner[]) => sendInstructions(runtime.client, instructions, signers);

  const world: KeeperWorld = {
    db,
    runtime,
    oracle,
    writer,
    nowMs: () => nowMs,
    advance(seconds) {
      nowMs += seconds * 1000;
      local.tick();
    },
    async setPrices(prices) {
      // A new slot (a new blockhash): the same prices written twice are two transactions.
      local.tick();
      const updated = oracle.setManualPrices(prices, Math.floor(nowMs / 1000));
      await writer.writeNow(updated);
    },
    send,
    async trader(funds = { USDC: 10_000_000_000n }) {
      const signer = await generateKeyPairSigner();
      await local.airdrop(signer.address, 5_000_000_000n + (funds.SOL ?? 0n));
      const atas = new Map<TokenId, Address>();
      const ata = async (token: TokenId) => {
        let x = atas.get(token);
        if (!x) atas.set(token, (x = await associatedTokenAddress(signer.address, a.mints[token])));
        return x;
      };
      const ixs: Instruction[] = [];
      const signers: TransactionSigner[] = [signer];
      for (const [token, amount] of Object.entries(funds) as [TokenId, bigint][]) {
        const account = await ata(token);
        ixs.push(getCreateAssociatedTokenIdempotentInstruction({ payer: signer, owner: signer.address, mint: a.mints[token], ata: account }));
        if (token === 'SOL') {
          ixs.push(getTransferSolInstruction({ source: signer, destination: account, amount }), getSyncNativeInstruction({ account }));
        } else {
          ixs.push(getMintToInstruction({ mint: a.mints[token], token: account, mintAuthority, amount }));
          if (!signers.includes(mintAuthority)) signers.push(mintAuthority);
        }
      }
      if (ixs.length > 0) await send(ixs, signers);
      return { signer, address: signer.address, ata };
    },
    async open(t, s) {
      const token = s.token ?? lockToken(s.market, s.side);
      const position = await positionAddress(a.programId, t.address, a.markets[s.market], sideByte(s.side));
      await send(
        [
          openPositionInstruction({
            addresses: a,
            owner: t.address,
            market: s.market,
            side: s.side,
            postedToken: token,
            amount: s.amount,
            leverageBps: s.leverageBps,
            takeProfit: s.takeProfit ?? null,
            stopLoss: s.stopLoss ?? null,
            funding: await t.ata(token),
            position,
          }),
        ],
        [t.signer],
      );
      return position;
    },
    async close(t, market, side) {
      const position = await positionAddress(a.programId, t.address, a.markets[market], sideByte(side));
      const receiver = await t.ata(lockToken(market, side));
      await send([closePositionInstruction({ addresses: a, owner: t.address, market, side, position, fractionBps: 10_000n, receiver })], [t.signer]);
    },
    async setTpSl(t, market, side, takeProfit, stopLoss) {
      const position = await positionAddress(a.programId, t.address, a.markets[market], sideByte(side));
      await send([setTpSlInstruction({ addresses: a, owner: t.address, market, side, position, takeProfit, stopLoss })], [t.signer]);
    },
    async placeOrder(t, s) {
      const token = s.token ?? lockToken(s.market, s.side);
      const order = await orderAddress(a.programId, t.address, s.slot);
      await send(
        [
          placeLimitOrderInstruction({
            addresses: a,
            owner: t.address,
            market: s.market,
            side: s.side,
            postedToken: token,
            slot: s.slot,
            order,
            amount: s.amount,
            leverageBps: s.leverageBps,
            triggerPrice: s.triggerPrice,
            takeProfit: s.takeProfit ?? null,
            stopLoss: s.stopLoss ?? null,
            funding: await t.ata(token),
          }),
        ],
        [t.signer],
      );
      return order;
    },
    async closeAta(t, token) {
      const account = await t.ata(token);
      await send([getCloseAccountInstruction({ account, destination: t.address, owner: t.signer })], [t.signer]);
    },
    balance(account) {
      const acc = local.getAccount(account);
      return acc && acc.data.length === 165 ? decodeTokenAccount(acc.data).amount : 0n;
    },
    async stop() {
      await writer.stop();
      await runtime.stop();
    },
  };
  return world;
}
