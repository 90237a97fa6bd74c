/**
 * A LiteSVM with the pool program deployed through the upgradeable loader and initialised as the local chain is
 * (§9's genesis: pools, custodies, markets, price accounts, liquidity): the harness of the program's tests, the
 * differential tests and the compute-unit benchmark.
 */
import { generateKeyPairSigner, lamports, type Address, type Instruction, type TransactionSigner } from '@solana/kit';
import { getCreateAccountInstruction, getTransferSolInstruction } from '@solana-program/system';
import { findAssociatedTokenPda, getCreateAssociatedTokenIdempotentInstruction, getInitializeMint2Instruction, getMintToInstruction, getSyncNativeInstruction } from '@solana-program/token';
import { LiteSVM } from 'litesvm';
import { FEED_IDS, POOL_IDS, TOKEN_IDS, type FeedId, type PoolId, type TokenId } from '@/lib/math/ids';
import { GENESIS, TOKENS } from '@/lib/math/params';
import { deployUpgradeable } from '../loader/deploy';
import { deriveAddresses, type ChainAddresses, type TokenMints } from '../addresses';
import { ORACLE_LOCAL, ORACLE_PYTH } from '../accounts/config';
import { FEED_ID_BYTES } from '../feeds';
import { genesisTokenTotals, initializationBatches, seedBatches } from '../genesis';
import { updatePricesInstruction } from '../instructions/admin';
import { NATIVE_MINT, TOKEN_PROGRAM } from '../program-ids';
import { programBytes } from './program-bytes';
import { writePythPrice } from './pyth';
import { sendInstructions, type SendResult } from './svm-send';

/** 2026-12-02 12:00 UTC, a Wednesday: every market is open. */
export const DEFAULT_NOW_S = 1_796_212_800n;

export interface World {
  svm: LiteSVM;
  addresses: ChainAddresses;
  admin: TransactionSigner;
  oracleAuthority: TransactionSigner;
  /** Mint authority of USDC, WBTC, BONK (the faucet on the local chain). */
  mintAuthority: TransactionSigner;
  keeper: TransactionSigner;
  genesisOwner: Address;
  send(instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<SendResult>;
  /** Sends and throws with the logs when the program refuses (setup steps). */
  must(instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<SendResult>;
  nowS(): bigint;
  setNow(nowS: bigint): void;
  advance(seconds: bigint): void;
  /** Writes feed prices on chain (publish time: now). */
  setPrices(prices: Partial<Record<FeedId, bigint>>): Promise<SendResult>;
  /** A new wallet with SOL for fees, its token accounts (the four tokens and both LP mints) and `funds`. */
  trader(funds?: Partial<Record<TokenId, bigint>>): Promise<Trader>;
  data(address: Address): Uint8Array | undefined;
  tokenBalance(address: Address): bigint;
  /** Where prices come from: the program's price accounts, or Pyth `PriceUpdateV2` accounts written directly. */
  oracle: OracleSource;
  /** An independent copy of this world (same keys, same accounts, same clock): tests start from one genesis. */
  fork(): World;
}

export type OracleSource = 'local' | 'pyth';

export interface Trader {
  signer: TransactionSigner;
  address: Address;
  tokenAccounts: Record<TokenId, Address>;
  lpAccounts: Record<PoolId, Address>;
}

async function ata(owner: Address, mint: Address): Promise<Address> {
  const [address] = await findAssociatedTokenPda({ owner, mint, tokenProgram: TOKEN_PROGRAM });
  return address;
}

async function createMints(svm: LiteSVM, payer: TransactionSigner, authority: Address): Promise<TokenMints> {
  const mints: Partial<Record<TokenId, Address>> = { SOL: NATIVE_MINT };
  for (const token of TOKEN_IDS) {
    if (token === 'SOL') continue;
    const mint = await generateKeyPairSigner();
    const space = 82n;
    await sendInstructions(
      svm,
      [
        getCreateAccountInstruction({ payer, newAccount: mint, lamports: svm.minimumBalanceForRentExemption(space), space, programAddress: TOKEN_PROGRAM }),
        getInitializeMint2Instruction({ mint: mint.address, decimals: TOKENS[token].decimals, mintAuthority: authority, freezeAuthority: null }),
      ],
      [payer, mint],
    );
    mints[token] = mint.address;
  }
  return mints as TokenMints;
}

export interface WorldOptions {
  nowS?: bigint;
  /** Skip §9's liquidity (empty pools). */
  emptyPools?: boolean;
  maxPriceAgeS?: bigint;
  /** 'pyth': the config reads Pyth `PriceUpdateV2` accounts (owned by the receiver program), set by `setPrices`. */
  oracle?: OracleSource;
  /** Sees every transaction the world sends, initialisation and genesis included (compute-unit tables). */
  observe?: (instructions: readonly Instruction[], result: SendResult) => void;
}

/** What a world is made of: the VM and the fixed keys of one deployment (a fork shares the keys). */
interface WorldBase {
  svm: LiteSVM;
  addresses: ChainAddresses;
  admin: TransactionSigner;
  oracleAuthority: TransactionSigner;
  mintAuthority: TransactionSigner;
  keeper: TransactionSigner;
  oracle: OracleSource;
  now: bigint;
  observe?: WorldOptions['observe'];
}

export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const svm = new LiteSVM().withNativeMints();
  const [admin, oracleAuthority, mintAuthority, keeper, programKeypair] = await Promise.all([
    generateKeyPairSigner(),
    generateKeyPairSigner(),
    generateKeyPairSigner(),
    generateKeyPairSigner(),
    generateKeyPairSigner(),
  ]);
  for (const s of [admin, oracleAuthority, mintAuthority, keeper]) svm.airdrop(s.address, lamports(1_000_000_000_000n));
  const now = options.nowS ?? DEFAULT_NOW_S;
  setClock(svm, now);
  await deployUpgradeable(svm, { payer: admin, programKeypair, upgradeAuthority: admin, bytes: programBytes() });
  svm.warpToSlot(svm.getClock().slot + 1n);
  setClock(svm, now);
  const mints = await createMints(svm, admin, mintAuthority.address);
  const oracle = options.oracle ?? 'local';
  const addresses = await deriveAddresses(programKeypair.address, mints, oracle === 'pyth' ? await pythOracleAddresses() : undefined);
  const world = buildWorld({ svm, addresses, admin, oracleAuthority, mintAuthority, keeper, oracle, now, observe: options.observe });
  const batches = initializationBatches({
    addresses,
    admin: admin.address,
    oracleAuthority: oracleAuthority.address,
    oracleKind: oracle === 'pyth' ? ORACLE_PYTH : ORACLE_LOCAL,
    maxPriceAgeS: options.maxPriceAgeS ?? 30n,
  });
  for (const [i, batch] of batches.entries()) {
    await world.must(batch, [admin]).catch((e: Error) => {
      throw new Error(`initialisation step ${i} (tag ${batch[0]?.data?.[0]}): ${e.message}`);
    });
  }
  const initial = Object.fromEntries(FEED_IDS.map((f) => [f, GENESIS.prices[f]])) as Record<FeedId, bigint>;
  const priced = await world.setPrices(initial);
  if (!priced.ok) throw new Error(`genesis prices refused:\n${priced.logs.join('\n')}`);
  if (!options.emptyPools) await seedGenesis(world);
  return world;
}

function setClock(svm: LiteSVM, nowS: bigint): void {
  const clock = svm.getClock();
  clock.unixTimestamp = nowS;
  svm.setClock(clock);
}

async function pythOracleAddresses(): Promise<Record<FeedId, Address>> {
  const keys = await Promise.all(FEED_IDS.map(() => generateKeyPairSigner()));
  return Object.fromEntries(FEED_IDS.map((f, i) => [f, keys[i]!.address])) as Record<FeedId, Address>;
}

/** The world's methods over one VM; `fork` copies the VM (accounts, sysvars, programs) into an independent world. */
function buildWorld(base: WorldBase): World {
  const { svm, addresses, oracleAuthority } = base;
  let now = base.now;
  const setNow = (n: bigint) => {
    now = n;
    setClock(svm, n);
  };
  const send = async (ixs: readonly Instruction[], signers: readonly TransactionSigner[]) => {
    const r = await sendInstructions(svm, ixs, signers);
    base.observe?.(ixs, r);
    return r;
  };
  const must = async (ixs: readonly Instruction[], signers: readonly TransactionSigner[]) => {
    const r = await send(ixs, signers);
    if (!r.ok) throw new Error(`setup transaction refused (${r.code ?? JSON.stringify(r.err)}):\n${r.logs.join('\n')}`);
    return r;
  };
  const setPrices = async (prices: Partial<Record<FeedId, bigint>>): Promise<SendResult> => {
    const entries = Object.entries(prices) as [FeedId, bigint][];
    if (base.oracle === 'pyth') {
      for (const [feed, price] of entries) writePythPrice(svm, addresses.oracles[feed], { feedId: FEED_ID_BYTES[feed], price, exponent: -10, publishTime: now });
      return { ok: true, code: undefined, err: undefined, logs: [], computeUnits: 0n, events: [] };
    }
    const updates = entries.map(([feed, price]) => ({ account: addresses.oracles[feed], price, publishTime: now }));
    return send([updatePricesInstruction({ programId: addresses.programId, authority: oracleAuthority.address, config: addresses.config, updates })], [oracleAuthority]);
  };
  const world: World = {
    svm,
    addresses,
    admin: base.admin,
    oracleAuthority,
    mintAuthority: base.mintAuthority,
    keeper: base.keeper,
    genesisOwner: base.admin.address,
    oracle: base.oracle,
    send,
    must,
    nowS: () => now,
    setNow,
    advance: (s) => setNow(now + s),
    setPrices,
    trader: (funds) => newTrader(world, funds),
    data: (a) => {
      const acc = svm.getAccount(a);
      return acc.exists ? new Uint8Array(acc.data) : undefined;
    },
    tokenBalance: (a) => {
      const d = world.data(a);
      return d && d.length === 165 ? new DataView(d.buffer, d.byteOffset).getBigUint64(64, true) : 0n;
    },
    fork: () => buildWorld({ ...base, svm: LiteSVM.fromBytes(svm.toBytes()), now }),
  };
  return world;
}

async function fundTokens(w: World, owner: Address, accounts: Record<TokenId, Address>, funds: Partial<Record<TokenId, bigint>>): Promise<void> {
  const ixs: Instruction[] = [];
  for (const [token, amount] of Object.entries(funds) as [TokenId, bigint][]) {
    if (amount <= 0n) continue;
    if (token === 'SOL') {
      w.svm.airdrop(owner, lamports(amount));
      continue;
    }
    ixs.push(getMintToInstruction({ mint: w.addresses.mints[token], token: accounts[token], mintAuthority: w.mintAuthority, amount }));
  }
  if (ixs.length > 0) await w.must(ixs, [w.mintAuthority]);
}

/** Wraps `amount` lamports of the owner into its wrapped-SOL account (transfer + SyncNative). */
export async function wrapSol(w: World, owner: TransactionSigner, account: Address, amount: bigint): Promise<void> {
  await w.must([getTransferSolInstruction({ source: owner, destination: account, amount }), getSyncNativeInstruction({ account })], [owner]);
}

async function newTrader(w: World, funds: Partial<Record<TokenId, bigint>> = {}): Promise<Trader> {
  const signer = await generateKeyPairSigner();
  w.svm.airdrop(signer.address, lamports(10_000_000_000n));
  return traderFor(w, signer, funds);
}

/** §9: the admin funds the genesis amounts and seeds both pools; the LP supply goes to the admin (genesis owner). */
async function seedGenesis(w: World): Promise<void> {
  const totals = genesisTokenTotals();
  const admin = await traderFor(w, w.admin, totals);
  for (const batch of seedBatches({ addresses: w.addresses, admin: w.admin.address, funding: admin.tokenAccounts, lpDestinations: admin.lpAccounts })) {
    await w.must(batch, [w.admin]);
  }
}

/** Token accounts (the four tokens, both LP mints) and `funds` for `signer` (idempotent: the genesis owner is `traderFor(w, w.admin)`); SOL is wrapped. */
export async function traderFor(w: World, signer: TransactionSigner, funds: Partial<Record<TokenId, bigint>>): Promise<Trader> {
  const tokenAccounts = {} as Record<TokenId, Address>;
  const lpAccounts = {} as Record<PoolId, Address>;
  const create: Instruction[] = [];
  for (const token of TOKEN_IDS) {
    tokenAccounts[token] = await ata(signer.address, w.addresses.mints[token]);
    create.push(getCreateAssociatedTokenIdempotentInstruction({ payer: signer, owner: signer.address, mint: w.addresses.mints[token], ata: tokenAccounts[token] }));
  }
  for (const pool of POOL_IDS) {
    lpAccounts[pool] = await ata(signer.address, w.addresses.lpMints[pool]);
    create.push(getCreateAssociatedTokenIdempotentInstruction({ payer: signer, owner: signer.address, mint: w.addresses.lpMints[pool], ata: lpAccounts[pool] }));
  }
  await w.must(create, [signer]);
  const { SOL: sol, ...rest } = funds;
  await fundTokens(w, signer.address, tokenAccounts, rest);
  if (sol && sol > 0n) {
    w.svm.airdrop(signer.address, lamports(sol));
    await wrapSol(w, signer, tokenAccounts.SOL, sol);
  }
  return { signer, address: signer.address, tokenAccounts, lpAccounts };
}
