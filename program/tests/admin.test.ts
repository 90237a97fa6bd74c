/**
 * Initialisation (InitConfig, InitPool, InitEscrow, InitPrice, InitCustody, InitMarket, SeedLiquidity) and
 * UpdatePrices: §9's genesis decoded equals lib/math's parameters; a new pool, escrow, price, custody and market
 * can be added by the admin; re-initialisation of each, a non-admin and malformed parameters are refused.
 */
import { describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, POOL_IDS, type PoolId } from '@/lib/math/ids';
import { FEED_BAND_BPS, GENESIS, MARKETS, POOLS, TOKENS, custodyParams } from '@/lib/math/params';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { decodeConfig, decodeCustody, decodeMarket, decodePool, decodePrice, decodeTokenAccount, ORACLE_LOCAL } from '@/lib/chain/accounts';
import { custodyParamsAccount, initializationBatches, seedBatches } from '@/lib/chain/genesis';
import { initCustodyInstruction, initEscrowInstruction, initMarketInstruction, initPoolInstruction, initPriceInstruction, seedLiquidityInstruction, updatePricesInstruction } from '@/lib/chain/instructions';
import { custodyAddress, escrowAddress, lpMintAddress, marketAddress, poolAddress, priceAddress, vaultAddress } from '@/lib/chain/pda';
import { SYSTEM_PROGRAM } from '@/lib/chain/program-ids';
import { newMint } from '@/lib/chain/testing/tokens';
import { lpSupply } from '@/lib/chain/testing/model';
import { unsigned, withAccount, withData } from '@/lib/chain/testing/tamper';
import { traderFor } from '@/lib/chain/testing/world';
import { eventOf, genesis, ok, ONE, refused } from './support';

const fresh = genesis();

describe('§9 genesis on chain equals lib/math’s parameters', () => {
  it('config, pools (custodies and markets in order), custodies (§3, §4, §8), markets (§3), prices, vaults, LP supply', async () => {
    const w = await fresh();
    const a = w.addresses;
    expect(decodeConfig(w.data(a.config)!)).toMatchObject({ admin: w.admin.address, oracleAuthority: w.oracleAuthority.address, oracleKind: ORACLE_LOCAL, maxPriceAgeS: 30n });
    for (const pool of POOL_IDS) {
      const p = decodePool(w.data(a.pools[pool])!);
      expect(p.lpMint).toBe(a.lpMints[pool]);
      expect(p.custodies).toEqual(POOLS[pool].custodies.map((t) => custodyOf(a, pool, t)));
      expect(p.markets).toEqual(MARKET_IDS.filter((m) => MARKETS[m].pool === pool).map((m) => a.markets[m]));
      expect(lpSupply(w, pool)).toBe(GENESIS.pools[pool].lpSupply);
      for (const token of POOLS[pool].custodies) {
        const c = decodeCustody(w.data(custodyOf(a, pool, token))!);
        const params = custodyParams(pool, token);
        expect(c).toMatchObject({ pool: a.pools[pool], mint: a.mints[token], vault: vaultOf(a, pool, token), escrow: a.escrows[token], decimals: TOKENS[token].decimals });
        expect(c.params).toEqual({
          bandBps: token === 'USDC' ? 0n : FEED_BAND_BPS[TOKENS[token].feed],
          targetBps: params.targetBps,
          minBps: params.minBps,
          maxBps: params.maxBps,
          addFeeBps: params.addFeeBps,
          removeFeeBps: params.removeFeeBps,
          swapFeeBps: TOKENS[token].swapFeeBps,
          uOptBps: params.borrow.uOptBps,
          rateAtOptHourly: params.borrow.rateAtOptHourly,
          rateMaxHourly: params.borrow.rateMaxHourly,
        });
        expect(c).toMatchObject({ owned: GENESIS.pools[pool].custodies[token], locked: 0n, collateral: 0n, cumulativeInterest: 0n, rateHourly: 0n });
        expect(decodeTokenAccount(w.data(vaultOf(a, pool, token))!)).toEqual({ mint: a.mints[token], owner: a.authority, amount: GENESIS.pools[pool].custodies[token] });
      }
    }
    for (const id of MARKET_IDS) {
      const m = decodeMarket(w.data(a.markets[id])!);
      const p = MARKETS[id];
      expect(m).toMatchObject({
        pool: a.pools[p.pool],
        longCustody: custodyOf(a, p.pool, p.longLockToken),
        shortCustody: custodyOf(a, p.pool, p.shortLockToken),
        oracle: a.oracles[p.feed],
        hours: p.marketHours === 'rwa' ? 1 : 0,
        longLocksMarketToken: p.pool === 'ALP',
        maxInitialLeverageBps: p.maxInitialLeverageBps,
        liquidationLeverageBps: p.liquidationLeverageBps,
        closeFeeBps: p.closeFeeBps,
        liquidationFeeBps: p.liquidationFeeBps,
        openFeeBps: p.openFeeBps,
        maxPositionUsd: p.maxPositionUsd,
        openInterestCapUsd: p.openInterestCapUsd,
      });
    }
    for (const feed of FEED_IDS) expect(decodePrice(w.data(a.oracles[feed])!)).toMatchObject({ price: GENESIS.prices[feed], publishTime: w.nowS() });
    for (const token of ['USDC', 'SOL', 'WBTC', 'BONK'] as const) expect(decodeTokenAccount(w.data(a.escrows[token])!)).toEqual({ mint: a.mints[token], owner: a.authority, amount: 0n });
  });
});

describe('the admin extends a deployment', () => {
  it('a third pool with an escrowed new mint, a custody, a price feed and a market, all by the admin', async () => {
    const w = await fresh();
    const a = w.addresses;
    const base = { programId: a.programId, admin: w.admin.address, config: a.config };
    const mint = await newMint(w, 7);
    const pool = await poolAddress(a.programId, 2);
    const lpMint = await lpMintAddress(a.programId, pool);
    await ok(w, [initPoolInstruction({ ...base, pool, lpMint, index: 2 })], [w.admin]);
    expect(decodePool(w.data(pool)!)).toMatchObject({ index: 2, lpMint, custodies: [], markets: [] });
    const escrow = await escrowAddress(a.programId, mint);
    await ok(w, [initEscrowInstruction({ ...base, escrow, mint })], [w.admin]);
    expect(decodeTokenAccount(w.data(escrow)!)).toEqual({ mint, owner: a.authority, amount: 0n });
    const feedId = new Uint8Array(32).fill(42);
    const price = await priceAddress(a.programId, feedId);
    await ok(w, [initPriceInstruction({ ...base, price, feedId })], [w.admin]);
    expect(decodePrice(w.data(price)!)).toMatchObject({ feedId, price: 0n, publishTime: 0n });
    const custody = await custodyAddress(a.programId, pool, mint);
    const vault = await vaultAddress(a.programId, custody);
    const params = { ...custodyParamsAccount('ALP', 'SOL'), minBps: 0n, maxBps: 10_000n, targetBps: 10_000n };
    await ok(w, [initCustodyInstruction({ ...base, pool, custody, mint, vault, escrow, params, oracle: price, feedId })], [w.admin]);
    expect(decodeCustody(w.data(custody)!)).toMatchObject({ pool, mint, vault, escrow, oracle: price, decimals: 7, index: 0, params, owned: 0n, lastAccrualS: w.nowS() });
    expect(decodeTokenAccount(w.data(vault)!)).toEqual({ mint, owner: a.authority, amount: 0n });
    const market = await marketAddress(a.programId, 6);
    const m = MARKETS.SOL;
    const marketInput = { ...base, pool, market, longCustody: custody, shortCustody: custody, index: 6, hours: 1, longLocksMarketToken: false, maxInitialLeverageBps: m.maxInitialLeverageBps, liquidationLeverageBps: m.liquidationLeverageBps, closeFeeBps: 7n, liquidationFeeBps: 9n, openFeeBps: 0n, maxPositionUsd: m.maxPositionUsd, openInterestCapUsd: m.openInterestCapUsd, oracle: price, feedId };
    await ok(w, [initMarketInstruction(marketInput)], [w.admin]);
    expect(decodeMarket(w.data(market)!)).toMatchObject({ pool, longCustody: custody, shortCustody: custody, index: 6, hours: 1, closeFeeBps: 7n, liquidationFeeBps: 9n });
    expect(decodePool(w.data(pool)!)).toMatchObject({ custodies: [custody], markets: [market] });

    // Each again: ALREADY_INITIALIZED.
    await refused(w, [initPoolInstruction({ ...base, pool, lpMint, index: 2 })], [w.admin], 'ALREADY_INITIALIZED');
    await refused(w, [initEscrowInstruction({ ...base, escrow, mint })], [w.admin], 'ALREADY_INITIALIZED');
    await refused(w, [initPriceInstruction({ ...base, price, feedId })], [w.admin], 'ALREADY_INITIALIZED');
    await refused(w, [initCustodyInstruction({ ...base, pool, custody, mint, vault, escrow, params, oracle: price, feedId })], [w.admin], 'ALREADY_INITIALIZED');
    await refused(w, [initMarketInstruction(marketInput)], [w.admin], 'ALREADY_INITIALIZED');

    // Malformed: a band over 100%, min above target, a liquidation leverage below the max initial, RWA hours 2.
    const other = await newMint(w, 6);
    const otherEscrow = await escrowAddress(a.programId, other);
    await ok(w, [initEscrowInstruction({ ...base, escrow: otherEscrow, mint: other })], [w.admin]);
    const otherCustody = await custodyAddress(a.programId, pool, other);
    const otherInput = { ...base, pool, custody: otherCustody, mint: other, vault: await vaultAddress(a.programId, otherCustody), escrow: otherEscrow, params, oracle: SYSTEM_PROGRAM, feedId };
    await refused(w, [initCustodyInstruction({ ...otherInput, params: { ...params, bandBps: 10_000n } })], [w.admin], 'INVALID_INSTRUCTION');
    await refused(w, [initCustodyInstruction({ ...otherInput, params: { ...params, minBps: 10_000n, targetBps: 5_000n } })], [w.admin], 'INVALID_INSTRUCTION');
    await refused(w, [initCustodyInstruction({ ...otherInput, custody: custody })], [w.admin], 'ALREADY_INITIALIZED');
    await refused(w, [initCustodyInstruction({ ...otherInput, vault })], [w.admin], 'ALREADY_INITIALIZED');
    await refused(w, [initCustodyInstruction({ ...otherInput, escrow })], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [initCustodyInstruction({ ...otherInput, custody: await custodyAddress(a.programId, a.pools.RWALP, other) })], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [initCustodyInstruction({ ...otherInput, mint: a.lpMints.ALP })], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [initCustodyInstruction({ ...otherInput, mint: otherEscrow })], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [initEscrowInstruction({ ...base, escrow: await escrowAddress(a.programId, other), mint: otherEscrow })], [w.admin], 'INVALID_ACCOUNT');
    const pool3 = await poolAddress(a.programId, 3);
    await refused(w, [initPoolInstruction({ ...base, pool: pool3, lpMint: lpMint, index: 3 })], [w.admin], 'ALREADY_INITIALIZED');
    await refused(w, [initPoolInstruction({ ...base, pool: pool3, lpMint: await lpMintAddress(a.programId, pool), index: 3 })], [w.admin], 'ALREADY_INITIALIZED');
    await refused(w, [initPoolInstruction({ ...base, pool: pool3, lpMint: await lpMintAddress(a.programId, pool3), index: 4 })], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [initPriceInstruction({ ...base, price: await priceAddress(a.programId, new Uint8Array(32).fill(43)), feedId })], [w.admin], 'INVALID_ACCOUNT');
    const market7 = { ...marketInput, market: await marketAddress(a.programId, 7), index: 7 };
    await refused(w, [initMarketInstruction({ ...market7, liquidationLeverageBps: m.maxInitialLeverageBps - 1n })], [w.admin], 'INVALID_INSTRUCTION');
    await refused(w, [initMarketInstruction({ ...market7, hours: 2 })], [w.admin], 'INVALID_INSTRUCTION');
    await refused(w, [initMarketInstruction({ ...market7, longCustody: custodyOf(a, 'ALP', 'USDC') })], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [initMarketInstruction({ ...market7, market: await marketAddress(a.programId, 8) })], [w.admin], 'INVALID_ACCOUNT');
  });

  it('nobody but the admin may: UNAUTHORIZED for each init and for seeding', async () => {
    const w = await fresh();
    const a = w.addresses;
    const intruder = await w.trader();
    const base = { programId: a.programId, admin: intruder.address, config: a.config };
    const mint = await newMint(w, 6);
    const pool = await poolAddress(a.programId, 2);
    await refused(w, [initPoolInstruction({ ...base, pool, lpMint: await lpMintAddress(a.programId, pool), index: 2 })], [intruder.signer], 'UNAUTHORIZED');
    await refused(w, [initEscrowInstruction({ ...base, escrow: await escrowAddress(a.programId, mint), mint })], [intruder.signer], 'UNAUTHORIZED');
    const feedId = new Uint8Array(32).fill(1);
    await refused(w, [initPriceInstruction({ ...base, price: await priceAddress(a.programId, feedId), feedId })], [intruder.signer], 'UNAUTHORIZED');
    const custody = await custodyAddress(a.programId, a.pools.RWALP, mint);
    await refused(
      w,
      [initCustodyInstruction({ ...base, pool: a.pools.RWALP, custody, mint, vault: await vaultAddress(a.programId, custody), escrow: a.escrows.USDC, params: custodyParamsAccount('RWALP', 'USDC'), oracle: SYSTEM_PROGRAM, feedId })],
      [intruder.signer],
      'UNAUTHORIZED',
    );
    const seed = seedBatches({ addresses: a, admin: intruder.address, funding: intruder.tokenAccounts, lpDestinations: intruder.lpAccounts })[1]!;
    await refused(w, seed, [intruder.signer], 'UNAUTHORIZED');
    // The config itself: only the program's upgrade authority (the admin here) may send InitConfig.
    const [config] = initializationBatches({ addresses: a, admin: intruder.address, oracleAuthority: intruder.address, oracleKind: ORACLE_LOCAL, maxPriceAgeS: 30n })[0]!;
    await refused(w, [config!], [intruder.signer], 'UNAUTHORIZED');
  });

  it('re-initialising genesis: ALREADY_INITIALIZED (config, pools, escrows, prices, RWALP’s custody, seeding); full pools refuse more', async () => {
    const w = await fresh();
    const a = w.addresses;
    const batches = initializationBatches({ addresses: a, admin: w.admin.address, oracleAuthority: w.admin.address, oracleKind: ORACLE_LOCAL, maxPriceAgeS: 30n });
    for (const [ix] of batches) {
      const tag = ix!.data![0];
      const isAlpCustody = tag === 2 && ix!.accounts![2]!.address === a.pools.ALP;
      // ALP holds 4 custodies and each pool 3 markets, their maximum: the pool refuses before the account.
      const code = tag === 3 || isAlpCustody ? 'INVALID_INSTRUCTION' : 'ALREADY_INITIALIZED';
      await refused(w, [ix!], [w.admin], code);
    }
    const admin = await traderFor(w, w.admin, { USDC: ONE.USDC });
    for (const batch of seedBatches({ addresses: a, admin: w.admin.address, funding: admin.tokenAccounts, lpDestinations: admin.lpAccounts })) await refused(w, batch, [w.admin], 'ALREADY_INITIALIZED');
  });

  it('seeding an empty pool: the admin’s tokens into owned and the LP supply minted to the genesis account', async () => {
    const w = await genesis({ emptyPools: true })();
    const admin = await traderFor(w, w.admin, { USDC: 5_000n * ONE.USDC });
    const seed = (pool: PoolId, amount: bigint, lp: bigint) =>
      seedLiquidityInstruction({
        programId: w.addresses.programId,
        admin: w.admin.address,
        config: w.addresses.config,
        pool: w.addresses.pools[pool],
        lpMint: w.addresses.lpMints[pool],
        lpDestination: admin.lpAccounts[pool],
        authority: w.addresses.authority,
        lpSupply: lp,
        custodies: [{ custody: custodyOf(w.addresses, pool, 'USDC'), vault: vaultOf(w.addresses, pool, 'USDC'), funding: admin.tokenAccounts.USDC, amount }],
      });
    await refused(w, [seed('RWALP', 5_000n * ONE.USDC, 0n)], [w.admin], 'INVALID_INSTRUCTION');
    await refused(w, [withAccount(seed('RWALP', 5_000n * ONE.USDC, 1n), 7, custodyOf(w.addresses, 'ALP', 'USDC'))], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [seed('RWALP', 5_001n * ONE.USDC, 1n)], [w.admin], 'INSUFFICIENT_BALANCE');
    await refused(w, [withAccount(seed('RWALP', 5_000n * ONE.USDC, 1n), 4, admin.lpAccounts.ALP)], [w.admin], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(seed('RWALP', 5_000n * ONE.USDC, 1n), 3, w.addresses.lpMints.ALP)], [w.admin], 'INVALID_ACCOUNT');
    await ok(w, [seed('RWALP', 5_000n * ONE.USDC, 4_000n * ONE.USDC)], [w.admin]);
    expect(decodeCustody(w.data(custodyOf(w.addresses, 'RWALP', 'USDC'))!).owned).toBe(5_000n * ONE.USDC);
    expect(lpSupply(w, 'RWALP')).toBe(4_000n * ONE.USDC);
    expect(w.tokenBalance(admin.lpAccounts.RWALP)).toBe(4_000n * ONE.USDC);
  });
});

describe('UpdatePrices', () => {
  it('the oracle authority writes several feeds at once, with the slot; the event lists them', async () => {
    const w = await fresh();
    w.advance(5n);
    const updates = [
      { account: w.addresses.oracles.SOL, price: 1_512_345_678_901n, publishTime: w.nowS() - 2n },
      { account: w.addresses.oracles.WTI, price: 701_000_000_000n, publishTime: w.nowS() },
    ];
    const ix = updatePricesInstruction({ programId: w.addresses.programId, authority: w.oracleAuthority.address, config: w.addresses.config, updates });
    const r = await ok(w, [ix], [w.oracleAuthority]);
    expect(decodePrice(w.data(w.addresses.oracles.SOL)!)).toMatchObject({ price: 1_512_345_678_901n, publishTime: w.nowS() - 2n, slot: w.svm.getClock().slot });
    expect(eventOf(r, 'pricesUpdated')).toEqual({ kind: 'pricesUpdated', updates });
  });

  it('refusals: another signer, a zero price, no feed, eight feeds, a market as a price account, unsigned', async () => {
    const w = await fresh();
    const intruder = await w.trader();
    const one = (authority: Address, price = 1_500_000_000_000n) =>
      updatePricesInstruction({ programId: w.addresses.programId, authority, config: w.addresses.config, updates: [{ account: w.addresses.oracles.SOL, price, publishTime: w.nowS() }] });
    await refused(w, [one(intruder.address)], [intruder.signer], 'UNAUTHORIZED');
    await refused(w, [one(w.oracleAuthority.address, 0n)], [w.oracleAuthority], 'INVALID_PRICE');
    await refused(w, [withData(one(w.oracleAuthority.address), Uint8Array.of(0), 1)], [w.oracleAuthority], 'INVALID_INSTRUCTION');
    const eight = updatePricesInstruction({
      programId: w.addresses.programId,
      authority: w.oracleAuthority.address,
      config: w.addresses.config,
      updates: [...FEED_IDS, 'SOL' as const].map((f) => ({ account: w.addresses.oracles[f], price: 1n, publishTime: w.nowS() })),
    });
    await refused(w, [eight], [w.oracleAuthority], 'INVALID_INSTRUCTION');
    await refused(w, [withAccount(one(w.oracleAuthority.address), 2, w.addresses.markets.SOL)], [w.oracleAuthority], 'INVALID_ACCOUNT');
    await refused(w, [unsigned(one(w.oracleAuthority.address), w.oracleAuthority.address)], [intruder.signer], 'MISSING_SIGNATURE');
  });
});
