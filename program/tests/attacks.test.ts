/**
 * The attacks, each refused with its exact code and not one account changed: another owner's position or
 * order, a missing signature, a fake vault (even one whose owner field is the program's authority), a foreign mint,
 * another owner's token account, the wrong oracle, type confusion, a stale price, a closed market, amounts at
 * u64::MAX, unfillable limit orders; and settling twice in one transaction.
 */
import { describe, expect, it } from 'vitest';
import type { Instruction, TransactionSigner } from '@solana/kit';
import type { ProgramErrorCode } from '@/lib/chain/errors';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import {
  addCollateralIx,
  addLiquidityIx,
  cancelOrderIx,
  closeIx,
  executeTpSlIx,
  fillIx,
  liquidateIx,
  openIx,
  orderOf,
  placeOrderIx,
  positionOf,
  removeCollateralIx,
  removeLiquidityIx,
  setTpSlIx,
  swapIx,
  type OrderArgs,
} from '@/lib/chain/testing/actions';
import { indexOf, replaceAccount, unsigned, withAccount } from '@/lib/chain/testing/tamper';
import { mintTo, newMint, tokenAccount } from '@/lib/chain/testing/tokens';
import type { Trader, World } from '@/lib/chain/testing/world';
import { genesis, ok, ONE, refused } from './support';

const fresh = genesis();
const MAX = 2n ** 64n - 1n;
const order: OrderArgs = { market: 'SOL', side: 'short', slot: 0, amount: 100n * ONE.USDC, leverageBps: 50_000n, triggerPrice: 1_600_000_000_000n };

interface Scene {
  w: World;
  /** The victim: a SOL short (USDC), a SOL long (SOL), an XAU long, an order in slot 0, ALP LP tokens. */
  v: Trader;
  /** The attacker, with USDC, SOL and ALP of its own and the same kinds of positions. */
  x: Trader;
}

async function scene(): Promise<Scene> {
  const w = await fresh();
  const funds = { USDC: 10_000n * ONE.USDC, SOL: 10n * ONE.SOL };
  const [v, x] = [await w.trader(funds), await w.trader(funds)];
  for (const t of [v, x]) {
    await ok(
      w,
      [
        await openIx(w, t, { market: 'SOL', side: 'short', amount: 200n * ONE.USDC, leverageBps: 100_000n }),
        await openIx(w, t, { market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 100_000n }),
        await openIx(w, t, { market: 'XAU', side: 'long', amount: 200n * ONE.USDC, leverageBps: 100_000n }),
        await placeOrderIx(w, t, order),
        addLiquidityIx(w, t, 'ALP', 'USDC', 1_000n * ONE.USDC),
      ],
      [t.signer],
    );
    await ok(w, [await setTpSlIx(w, t, 'SOL', 'short', 1_400_000_000_000n, null)], [t.signer]);
  }
  return { w, v, x };
}

type Row = { name: string; code: ProgramErrorCode; build: (s: Scene) => Promise<Instruction> | Instruction; signer?: (s: Scene) => TransactionSigner };

async function run(row: Row) {
  const s = await scene();
  await refused(s.w, [await row.build(s)], [row.signer ? row.signer(s) : s.x.signer], row.code);
}

describe('another owner’s position or order', () => {
  it.each<Row>([
    { name: 'close the victim’s position', code: 'NOT_OWNER', build: async ({ w, v, x }) => withAccount(await closeIx(w, x, 'SOL', 'short'), 3, await positionOf(w, v.address, 'SOL', 'short')) },
    { name: 'pay the victim’s close to oneself', code: 'NOT_OWNER', build: async ({ w, v, x }) => withAccount(await closeIx(w, x, 'SOL', 'short'), 3, await positionOf(w, v.address, 'SOL', 'short')) },
    { name: 'withdraw the victim’s collateral', code: 'NOT_OWNER', build: async ({ w, v, x }) => withAccount(await removeCollateralIx(w, x, 'SOL', 'short', ONE.USDC), 3, await positionOf(w, v.address, 'SOL', 'short')) },
    { name: 'add to the victim’s collateral', code: 'NOT_OWNER', build: async ({ w, v, x }) => withAccount(await addCollateralIx(w, x, 'SOL', 'short', ONE.USDC), 2, await positionOf(w, v.address, 'SOL', 'short')) },
    { name: 'move the victim’s TP', code: 'NOT_OWNER', build: async ({ w, v, x }) => withAccount(await setTpSlIx(w, x, 'SOL', 'short', 1_450_000_000_000n, null), 3, await positionOf(w, v.address, 'SOL', 'short')) },
    { name: 'increase the victim’s position', code: 'NOT_OWNER', build: async ({ w, v, x }) => withAccount(await openIx(w, x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n }), 3, await positionOf(w, v.address, 'SOL', 'short')) },
    { name: 'cancel the victim’s order', code: 'NOT_OWNER', build: async ({ w, v, x }) => withAccount(await cancelOrderIx(w, x, 0, 'USDC'), 2, await orderOf(w, v.address, 0)) },
    {
      name: 'fill the victim’s triggered order into one’s own position',
      code: 'NOT_OWNER',
      build: async ({ w, v, x }) => {
        await w.setPrices({ SOL: 1_600_000_000_000n });
        return withAccount(await fillIx(w, v, 0, order), 4, await positionOf(w, x.address, 'SOL', 'short'));
      },
      signer: ({ w }) => w.keeper,
    },
    {
      name: 'fill the victim’s triggered order into a new position at one’s own address',
      code: 'INVALID_ACCOUNT',
      build: async ({ w, v, x }) => {
        await w.setPrices({ SOL: 1_600_000_000_000n });
        return withAccount(await fillIx(w, v, 0, order), 4, await positionOf(w, x.address, 'BTC', 'short'));
      },
      signer: ({ w }) => w.keeper,
    },
    { name: 'take the victim’s order rent in a fill', code: 'INVALID_ACCOUNT', build: async ({ w, v, x }) => withAccount(await fillIx(w, v, 0, order), 5, x.address), signer: ({ w }) => w.keeper },
    { name: 'liquidate and keep the rent', code: 'INVALID_ACCOUNT', build: async ({ w, v, x }) => withAccount(await liquidateIx(w, v, 'SOL', 'short'), 7, x.address), signer: ({ w }) => w.keeper },
  ])('$name: $code', run);
});

describe('a transaction without the owner’s signature (the meta downgraded, the attacker pays)', () => {
  const as = (build: (s: Scene) => Promise<Instruction> | Instruction) => async (s: Scene) => unsigned(await build(s), s.v.address);
  it.each<Row>([
    { name: 'open', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => openIx(w, v, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n })) },
    { name: 'close', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => closeIx(w, v, 'SOL', 'short')) },
    { name: 'add collateral', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => addCollateralIx(w, v, 'SOL', 'short', ONE.USDC)) },
    { name: 'remove collateral', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => removeCollateralIx(w, v, 'SOL', 'short', ONE.USDC)) },
    { name: 'set TP/SL', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => setTpSlIx(w, v, 'SOL', 'short', null, null)) },
    { name: 'place an order', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => placeOrderIx(w, v, { ...order, slot: 1 })) },
    { name: 'cancel an order', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => cancelOrderIx(w, v, 0, 'USDC')) },
    { name: 'add liquidity', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => addLiquidityIx(w, v, 'ALP', 'USDC', ONE.USDC)) },
    { name: 'remove liquidity', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => removeLiquidityIx(w, v, 'ALP', 'USDC', ONE.USDC)) },
    { name: 'swap', code: 'MISSING_SIGNATURE', build: as(({ w, v }) => swapIx(w, v, 'USDC', 'SOL', ONE.USDC)) },
  ])('$name: $code', run);
});

describe('fake vaults: a token account of the right mint, even one whose owner field is the program’s authority', () => {
  const fake = async ({ w, x }: Scene, token: 'USDC' | 'SOL') => tokenAccount(w, x.signer, w.addresses.mints[token], w.addresses.authority);
  it.each<Row>([
    { name: 'open into a fake vault', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(await openIx(s.w, s.x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n }), 6, await fake(s, 'USDC')) },
    { name: 'close paid from a fake vault', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(await closeIx(s.w, s.x, 'SOL', 'short'), 5, await fake(s, 'USDC')) },
    { name: 'collateral added into a fake vault', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(await addCollateralIx(s.w, s.x, 'SOL', 'long', ONE.SOL / 10n), 5, await fake(s, 'SOL')) },
    { name: 'collateral removed from a fake vault', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(await removeCollateralIx(s.w, s.x, 'SOL', 'short', ONE.USDC), 5, await fake(s, 'USDC')) },
    { name: 'liquidity added into a fake vault', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(addLiquidityIx(s.w, s.x, 'ALP', 'USDC', ONE.USDC), 6, await fake(s, 'USDC')) },
    { name: 'liquidity removed from a fake vault', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(removeLiquidityIx(s.w, s.x, 'ALP', 'USDC', ONE.USDC), 6, await fake(s, 'USDC')) },
    { name: 'a swap paid from a fake out vault', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(swapIx(s.w, s.x, 'USDC', 'SOL', ONE.USDC), 6, await fake(s, 'SOL')) },
    { name: 'an order escrowed in a fake escrow', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(await placeOrderIx(s.w, s.x, { ...order, slot: 1 }), 6, await fake(s, 'USDC')) },
    { name: 'an order cancelled from a fake escrow', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(await cancelOrderIx(s.w, s.x, 0, 'USDC'), 3, await fake(s, 'USDC')) },
    { name: 'a liquidation paid from a fake vault', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(await liquidateIx(s.w, s.v, 'SOL', 'short'), 5, await fake(s, 'USDC')), signer: ({ w }) => w.keeper },
    { name: 'the RWALP vault for an ALP close', code: 'INVALID_ACCOUNT', build: async (s) => withAccount(await closeIx(s.w, s.x, 'SOL', 'short'), 5, vaultOf(s.w.addresses, 'RWALP', 'USDC')) },
  ])('$name: $code', run);
});

describe('a foreign mint (one the protocol does not hold) and another owner’s token accounts', () => {
  const foreign = async ({ w, x }: Scene) => {
    const mint = await newMint(w, 6, x.signer);
    const account = await tokenAccount(w, x.signer, mint, x.address);
    await mintTo(w, mint, account, 1_000_000n * ONE.USDC, x.signer);
    return account;
  };
  it.each<Row>([
    { name: 'open posting a foreign mint', code: 'UNSUPPORTED_COLLATERAL', build: async (s) => withAccount(await openIx(s.w, s.x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n }), 5, await foreign(s)) },
    { name: 'liquidity in a foreign mint', code: 'INVALID_TOKEN_ACCOUNT', build: async (s) => withAccount(addLiquidityIx(s.w, s.x, 'ALP', 'USDC', ONE.USDC), 4, await foreign(s)) },
    { name: 'swap a foreign mint in', code: 'INVALID_TOKEN_ACCOUNT', build: async (s) => withAccount(swapIx(s.w, s.x, 'USDC', 'SOL', ONE.USDC), 3, await foreign(s)) },
    { name: 'collateral in a foreign mint', code: 'INVALID_TOKEN_ACCOUNT', build: async (s) => withAccount(await addCollateralIx(s.w, s.x, 'SOL', 'short', ONE.USDC), 4, await foreign(s)) },
    { name: 'an order in a foreign mint', code: 'INVALID_TOKEN_ACCOUNT', build: async (s) => withAccount(await placeOrderIx(s.w, s.x, { ...order, slot: 1 }), 5, await foreign(s)) },
    { name: 'open from the victim’s USDC', code: 'INVALID_TOKEN_ACCOUNT', build: async ({ w, v, x }) => withAccount(await openIx(w, x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n }), 5, v.tokenAccounts.USDC) },
    { name: 'collateral from the victim’s SOL', code: 'INVALID_TOKEN_ACCOUNT', build: async ({ w, v, x }) => withAccount(await addCollateralIx(w, x, 'SOL', 'long', ONE.SOL / 10n), 4, v.tokenAccounts.SOL) },
    { name: 'liquidity from the victim’s USDC', code: 'INVALID_TOKEN_ACCOUNT', build: ({ w, v, x }) => withAccount(addLiquidityIx(w, x, 'ALP', 'USDC', ONE.USDC), 4, v.tokenAccounts.USDC) },
    { name: 'burn the victim’s ALP', code: 'INVALID_TOKEN_ACCOUNT', build: ({ w, v, x }) => withAccount(removeLiquidityIx(w, x, 'ALP', 'USDC', ONE.USDC), 4, v.lpAccounts.ALP) },
    { name: 'swap from the victim’s USDC', code: 'INVALID_TOKEN_ACCOUNT', build: ({ w, v, x }) => withAccount(swapIx(w, x, 'USDC', 'SOL', ONE.USDC), 3, v.tokenAccounts.USDC) },
    { name: 'an order from the victim’s USDC', code: 'INVALID_TOKEN_ACCOUNT', build: async ({ w, v, x }) => withAccount(await placeOrderIx(w, x, { ...order, slot: 1 }), 5, v.tokenAccounts.USDC) },
    { name: 'the victim’s liquidation paid to the keeper', code: 'INVALID_TOKEN_ACCOUNT', build: async ({ w, v, x }) => withAccount(await liquidateIx(w, v, 'SOL', 'short'), 6, x.tokenAccounts.USDC), signer: ({ w }) => w.keeper },
    { name: 'the victim’s take profit paid to the keeper', code: 'INVALID_TOKEN_ACCOUNT', build: async ({ w, v, x }) => withAccount(await executeTpSlIx(w, v, 'SOL', 'short', 'takeProfit'), 6, x.tokenAccounts.USDC), signer: ({ w }) => w.keeper },
  ])('$name: $code', run);
});

describe('the wrong oracle: BTC’s price account where SOL’s is expected', () => {
  const btc = (ix: Instruction, w: World) => replaceAccount(ix, w.addresses.oracles.SOL, w.addresses.oracles.BTC);
  it.each<Row>([
    { name: 'open', code: 'INVALID_ORACLE', build: async ({ w, x }) => btc(await openIx(w, x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n }), w) },
    { name: 'close', code: 'INVALID_ORACLE', build: async ({ w, x }) => btc(await closeIx(w, x, 'SOL', 'short'), w) },
    { name: 'add SOL collateral', code: 'INVALID_ORACLE', build: async ({ w, x }) => btc(await addCollateralIx(w, x, 'SOL', 'long', ONE.SOL / 10n), w) },
    { name: 'remove collateral', code: 'INVALID_ORACLE', build: async ({ w, x }) => btc(await removeCollateralIx(w, x, 'SOL', 'short', ONE.USDC), w) },
    { name: 'set TP/SL', code: 'INVALID_ORACLE', build: async ({ w, x }) => btc(await setTpSlIx(w, x, 'SOL', 'short', null, null), w) },
    { name: 'place an order', code: 'INVALID_ORACLE', build: async ({ w, x }) => btc(await placeOrderIx(w, x, { ...order, slot: 1 }), w) },
    { name: 'liquidate', code: 'INVALID_ORACLE', build: async ({ w, v }) => btc(await liquidateIx(w, v, 'SOL', 'short'), w), signer: ({ w }) => w.keeper },
    { name: 'fill', code: 'INVALID_ORACLE', build: async ({ w, v }) => btc(await fillIx(w, v, 0, order), w), signer: ({ w }) => w.keeper },
    { name: 'add liquidity (AUM needs SOL)', code: 'INVALID_ORACLE', build: ({ w, x }) => btc(addLiquidityIx(w, x, 'ALP', 'USDC', ONE.USDC), w) },
    { name: 'swap', code: 'INVALID_ORACLE', build: ({ w, x }) => btc(swapIx(w, x, 'USDC', 'SOL', ONE.USDC), w) },
  ])('$name: $code', run);
});

describe('type confusion: one kind of account where another is expected', () => {
  it.each<Row>([
    { name: 'a position as the pool (liquidity)', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(addLiquidityIx(w, x, 'ALP', 'USDC', ONE.USDC), 2, await positionOf(w, x.address, 'SOL', 'short')) },
    { name: 'a position as the pool (swap)', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(swapIx(w, x, 'USDC', 'SOL', ONE.USDC), 2, await positionOf(w, x.address, 'SOL', 'short')) },
    { name: 'a position as the pool (a USDC-posted long)', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await openIx(w, x, { market: 'BTC', side: 'long', token: 'USDC', amount: 100n * ONE.USDC, leverageBps: 20_000n }), 9, await positionOf(w, x.address, 'SOL', 'short')) },
    { name: 'an order as a position (close)', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await closeIx(w, x, 'SOL', 'short'), 3, await orderOf(w, x.address, 0)) },
    { name: 'a position as an order (cancel)', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await cancelOrderIx(w, x, 0, 'USDC'), 2, await positionOf(w, x.address, 'SOL', 'short')) },
    { name: 'a market as a custody (open)', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await openIx(w, x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n }), 4, w.addresses.markets.SOL) },
    { name: 'a custody as the market (close)', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await closeIx(w, x, 'SOL', 'short'), 2, custodyOf(w.addresses, 'ALP', 'USDC')) },
    { name: 'a price account as the config', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await closeIx(w, x, 'SOL', 'short'), 1, w.addresses.oracles.SOL) },
    { name: 'the LP mint as a vault', code: 'INVALID_ACCOUNT', build: ({ w, x }) => withAccount(addLiquidityIx(w, x, 'ALP', 'USDC', ONE.USDC), 6, w.addresses.lpMints.ALP) },
    { name: 'the SOL long as the SOL short (close)', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await closeIx(w, x, 'SOL', 'short'), 4, custodyOf(w.addresses, 'ALP', 'SOL')) },
    { name: 'the XAU position on the SOL market', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await closeIx(w, x, 'SOL', 'short'), 3, await positionOf(w, x.address, 'XAU', 'long')) },
    { name: 'RWALP’s custody in ALP’s list', code: 'INVALID_ACCOUNT', build: ({ w, x }) => { const ix = addLiquidityIx(w, x, 'ALP', 'USDC', ONE.USDC); return withAccount(ix, indexOf(ix, custodyOf(w.addresses, 'ALP', 'USDC')), custodyOf(w.addresses, 'RWALP', 'USDC')); } },
    { name: 'a token account as the position', code: 'INVALID_ACCOUNT', build: async ({ w, x }) => withAccount(await closeIx(w, x, 'SOL', 'short'), 3, x.tokenAccounts.USDC) },
  ])('$name: $code', run);
});

describe('stale prices and closed markets', () => {
  const stale = (build: (s: Scene) => Promise<Instruction> | Instruction): Row['build'] => async (s) => {
    const ix = await build(s);
    s.w.advance(31n);
    return ix;
  };
  it.each<Row>([
    { name: 'open', code: 'ORACLE_STALE', build: stale(({ w, x }) => openIx(w, x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n })) },
    { name: 'close', code: 'ORACLE_STALE', build: stale(({ w, x }) => closeIx(w, x, 'SOL', 'short')) },
    { name: 'add SOL collateral', code: 'ORACLE_STALE', build: stale(({ w, x }) => addCollateralIx(w, x, 'SOL', 'long', ONE.SOL / 10n)) },
    { name: 'remove collateral', code: 'ORACLE_STALE', build: stale(({ w, x }) => removeCollateralIx(w, x, 'SOL', 'short', ONE.USDC)) },
    { name: 'set TP/SL', code: 'ORACLE_STALE', build: stale(({ w, x }) => setTpSlIx(w, x, 'SOL', 'short', null, null)) },
    { name: 'place an order', code: 'ORACLE_STALE', build: stale(({ w, x }) => placeOrderIx(w, x, { ...order, slot: 1 })) },
    { name: 'fill', code: 'ORACLE_STALE', build: stale(({ w, v }) => fillIx(w, v, 0, order)), signer: ({ w }) => w.keeper },
    { name: 'liquidate', code: 'ORACLE_STALE', build: stale(({ w, v }) => liquidateIx(w, v, 'SOL', 'short')), signer: ({ w }) => w.keeper },
    { name: 'execute a take profit', code: 'ORACLE_STALE', build: stale(({ w, v }) => executeTpSlIx(w, v, 'SOL', 'short', 'takeProfit')), signer: ({ w }) => w.keeper },
    { name: 'add liquidity', code: 'ORACLE_STALE', build: stale(({ w, x }) => addLiquidityIx(w, x, 'ALP', 'USDC', ONE.USDC)) },
    { name: 'remove liquidity', code: 'ORACLE_STALE', build: stale(({ w, x }) => removeLiquidityIx(w, x, 'ALP', 'USDC', ONE.USDC)) },
    { name: 'swap', code: 'ORACLE_STALE', build: stale(({ w, x }) => swapIx(w, x, 'USDC', 'SOL', ONE.USDC)) },
  ])('a price 31 s old: $name is $code', run);

  const saturday = (build: (s: Scene) => Promise<Instruction>): Row['build'] => async (s) => {
    s.w.advance(3n * 86_400n); // Wednesday noon → Saturday noon UTC
    await s.w.setPrices({ XAU: 20_000_000_000_000n });
    return build(s);
  };
  it.each<Row>([
    { name: 'open XAU', code: 'MARKET_CLOSED', build: saturday(({ w, x }) => openIx(w, x, { market: 'XAU', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n })) },
    { name: 'close XAU', code: 'MARKET_CLOSED', build: saturday(({ w, x }) => closeIx(w, x, 'XAU', 'long')) },
    { name: 'withdraw XAU collateral', code: 'MARKET_CLOSED', build: saturday(({ w, x }) => removeCollateralIx(w, x, 'XAU', 'long', ONE.USDC)) },
    { name: 'liquidate XAU (past its liquidation price)', code: 'MARKET_CLOSED', build: saturday(({ w, v }) => liquidateIx(w, v, 'XAU', 'long')), signer: ({ w }) => w.keeper },
  ])('on a Saturday: $name is $code', run);
});

describe('what a closed market still allows (as the engine: only what opens, closes or pays by the price)', () => {
  it('on a Saturday an XAU order is placed and cancelled, collateral added, TP/SL set; its fill waits for Sunday 22:00', async () => {
    const { w, x } = await scene();
    w.advance(3n * 86_400n);
    await w.setPrices({ XAU: 26_500_000_000_000n });
    const xau: OrderArgs = { market: 'XAU', side: 'long', slot: 5, amount: 100n * ONE.USDC, leverageBps: 20_000n, triggerPrice: 26_500_000_000_000n };
    await ok(w, [await placeOrderIx(w, x, { ...xau, slot: 6, triggerPrice: 26_000_000_000_000n }), await cancelOrderIx(w, x, 6, 'USDC')], [x.signer]);
    await ok(w, [await placeOrderIx(w, x, xau), await addCollateralIx(w, x, 'XAU', 'long', ONE.USDC), await setTpSlIx(w, x, 'XAU', 'long', 27_000_000_000_000n, null)], [x.signer]);
    await refused(w, [await fillIx(w, x, 5, xau)], [w.keeper], 'MARKET_CLOSED');
    w.setNow(w.nowS() + 34n * 3_600n); // Saturday 12:00 → Sunday 22:00 UTC
    await w.setPrices({ XAU: 26_500_000_000_000n });
    await ok(w, [await fillIx(w, x, 5, xau)], [w.keeper]);
  });
});

describe('amounts at u64::MAX and unfillable orders', () => {
  it.each<Row>([
    { name: 'open u64::MAX USDC', code: 'MATH_OVERFLOW', build: ({ w, x }) => openIx(w, x, { market: 'SOL', side: 'short', amount: MAX, leverageBps: 20_000n }) },
    { name: 'open at u64::MAX leverage', code: 'LEVERAGE_TOO_HIGH', build: ({ w, x }) => openIx(w, x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: MAX }) },
    { name: 'a short with a u64::MAX acceptable price', code: 'SLIPPAGE', build: ({ w, x }) => openIx(w, x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n, acceptablePrice: MAX }) },
    { name: 'a short with a u64::MAX take profit', code: 'INVALID_TAKE_PROFIT', build: ({ w, x }) => openIx(w, x, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n, takeProfit: MAX }) },
    { name: 'a long with a u64::MAX stop loss', code: 'INVALID_STOP_LOSS', build: ({ w, x }) => openIx(w, x, { market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 20_000n, stopLoss: MAX }) },
    { name: 'close u64::MAX bps', code: 'INVALID_AMOUNT', build: ({ w, x }) => closeIx(w, x, 'SOL', 'short', MAX) },
    { name: 'add u64::MAX collateral', code: 'MATH_OVERFLOW', build: ({ w, x }) => addCollateralIx(w, x, 'SOL', 'short', MAX) },
    { name: 'remove u64::MAX of collateral', code: 'REMAINING_COLLATERAL_TOO_SMALL', build: ({ w, x }) => removeCollateralIx(w, x, 'SOL', 'long', MAX) },
    { name: 'add u64::MAX of liquidity', code: 'MATH_OVERFLOW', build: ({ w, x }) => addLiquidityIx(w, x, 'ALP', 'USDC', MAX) },
    { name: 'burn u64::MAX LP', code: 'INSUFFICIENT_BALANCE', build: ({ w, x }) => removeLiquidityIx(w, x, 'ALP', 'USDC', MAX) },
    { name: 'swap u64::MAX', code: 'MATH_OVERFLOW', build: ({ w, x }) => swapIx(w, x, 'USDC', 'SOL', MAX) },
    { name: 'an order of u64::MAX USDC at 1.1x', code: 'POSITION_TOO_LARGE', build: ({ w, x }) => placeOrderIx(w, x, { ...order, slot: 1, amount: MAX, leverageBps: 11_000n }) },
    { name: 'an order of 1 unit of collateral', code: 'COLLATERAL_TOO_SMALL', build: ({ w, x }) => placeOrderIx(w, x, { ...order, slot: 1, amount: 1n }) },
    { name: 'an order with a u64::MAX trigger', code: 'INVALID_TRIGGER', build: ({ w, x }) => placeOrderIx(w, x, { ...order, slot: 1, triggerPrice: MAX }) },
    { name: 'an order in slot 16', code: 'TOO_MANY_ORDERS', build: ({ w, x }) => placeOrderIx(w, x, { ...order, slot: 16 }) },
  ])('$name: $code', run);
});

describe('settling twice in one transaction', () => {
  it('two closes of one position, two liquidations, two cancels, two fills: the second is NOT_FOUND and nothing happens', async () => {
    const { w, v, x } = await scene();
    await refused(w, [await closeIx(w, x, 'SOL', 'short'), await closeIx(w, x, 'SOL', 'short')], [x.signer], 'NOT_FOUND');
    await refused(w, [await cancelOrderIx(w, x, 0, 'USDC'), await cancelOrderIx(w, x, 0, 'USDC')], [x.signer], 'NOT_FOUND');
    await w.setPrices({ SOL: 1_700_000_000_000n });
    await refused(w, [await liquidateIx(w, v, 'SOL', 'short'), await liquidateIx(w, v, 'SOL', 'short')], [w.keeper], 'NOT_FOUND');
    await refused(w, [await fillIx(w, v, 0, order), await fillIx(w, v, 0, order)], [w.keeper], 'NOT_FOUND');
    expect(w.data(await orderOf(w, v.address, 0))).toBeDefined();
  });
});
