/**
 * Read-only protocol parameters: protocol.md §3 (pools, custodies, markets), §4 (borrow curves), §8 (swap
 * fees) and §9 (the local network's genesis, default prices, faucet, volatility).
 */
import { ProtocolError } from './errors';
import type { FeedId, MarketId, PoolId, Side, TokenId } from './ids';

export interface TokenParams {
  readonly decimals: number;
  readonly feed: FeedId;
  /** Swap fee of this custody (§8); a swap pays the larger of its two tokens' fees. */
  readonly swapFeeBps: bigint;
}

/** Tokens with their decimals, price feed and swap fee (§1, §8). */
export const TOKENS: Readonly<Record<TokenId, TokenParams>> = {
  USDC: { decimals: 6, feed: 'USDC', swapFeeBps: 0n },
  SOL: { decimals: 9, feed: 'SOL', swapFeeBps: 20n },
  WBTC: { decimals: 8, feed: 'BTC', swapFeeBps: 20n },
  BONK: { decimals: 5, feed: 'BONK', swapFeeBps: 60n },
};

/** The pool's fixed confidence band per feed (§2): USDC 0, every other feed 25 bps. */
export const FEED_BAND_BPS: Readonly<Record<FeedId, bigint>> = {
  SOL: 25n,
  BTC: 25n,
  BONK: 25n,
  USDC: 0n,
  XAU: 25n,
  XAG: 25n,
  WTI: 25n,
};

export interface PoolParams {
  readonly lpSymbol: PoolId;
  readonly custodies: readonly TokenId[];
}

/** The pools and the custodies each holds (§3). */
export const POOLS: Readonly<Record<PoolId, PoolParams>> = {
  ALP: { lpSymbol: 'ALP', custodies: ['USDC', 'SOL', 'WBTC', 'BONK'] },
  RWALP: { lpSymbol: 'RWALP', custodies: ['USDC'] },
};

export interface BorrowCurve {
  readonly uOptBps: bigint;
  readonly rateAtOptHourly: bigint;
  readonly rateMaxHourly: bigint;
}

export interface CustodyParams {
  readonly targetBps: bigint;
  readonly minBps: bigint;
  readonly maxBps: bigint;
  readonly addFeeBps: bigint;
  readonly removeFeeBps: bigint;
  readonly borrow: BorrowCurve;
}

const STANDARD_CURVE: BorrowCurve = { uOptBps: 8_000n, rateAtOptHourly: 22_831n, rateMaxHourly: 91_895n };
const BONK_CURVE: BorrowCurve = { uOptBps: 8_000n, rateAtOptHourly: 45_662n, rateMaxHourly: 172_032n };

/** Custody ratio band, liquidity fees and borrow curve per pool and token (§3, §4). */
export const CUSTODIES: Readonly<Record<PoolId, Readonly<Partial<Record<TokenId, CustodyParams>>>>> = {
  ALP: {
    USDC: { targetBps: 3_000n, minBps: 2_500n, maxBps: 4_000n, addFeeBps: 0n, removeFeeBps: 10n, borrow: STANDARD_CURVE },
    SOL: { targetBps: 3_500n, minBps: 2_800n, maxBps: 4_200n, addFeeBps: 30n, removeFeeBps: 30n, borrow: STANDARD_CURVE },
    WBTC: { targetBps: 2_500n, minBps: 2_000n, maxBps: 3_000n, addFeeBps: 30n, removeFeeBps: 30n, borrow: STANDARD_CURVE },
    BONK: { targetBps: 1_000n, minBps: 500n, maxBps: 1_500n, addFeeBps: 100n, removeFeeBps: 100n, borrow: BONK_CURVE },
  },
  RWALP: {
    USDC: { targetBps: 10_000n, minBps: 0n, maxBps: 10_000n, addFeeBps: 0n, removeFeeBps: 10n, borrow: STANDARD_CURVE },
  },
};

/** The custody parameters of `token` in `pool`; throws UNSUPPORTED_COLLATERAL when the pool has no such custody. */
export function custodyParams(pool: PoolId, token: TokenId): CustodyParams {
  const params = CUSTODIES[pool][token];
  if (!params) throw new ProtocolError('UNSUPPORTED_COLLATERAL', `${pool} has no ${token} custody; use ${POOLS[pool].custodies.join(' or ')}.`);
  return params;
}

export interface MarketParams {
  readonly pool: PoolId;
  readonly feed: FeedId;
  readonly longLockToken: TokenId;
  readonly shortLockToken: TokenId;
  /** Tokens a trader may post on that side (§3); an ALP long posted in USDC is swapped into the market token. */
  readonly collateralTokens: (side: Side) => readonly TokenId[];
  readonly maxInitialLeverageBps: bigint;
  readonly liquidationLeverageBps: bigint;
  readonly closeFeeBps: bigint;
  readonly liquidationFeeBps: bigint;
  readonly openFeeBps: bigint;
  readonly maxPositionUsd: bigint;
  readonly openInterestCapUsd: bigint;
  readonly marketHours: 'always' | 'rwa';
}

const usdOnly = (): readonly TokenId[] => ['USDC'];

function cryptoMarket(feed: FeedId, token: TokenId, limits: Pick<MarketParams, 'maxInitialLeverageBps' | 'liquidationLeverageBps' | 'closeFeeBps' | 'liquidationFeeBps' | 'maxPositionUsd' | 'openInterestCapUsd'>): MarketParams {
  return {
    pool: 'ALP',
    feed,
    longLockToken: token,
    shortLockToken: 'USDC',
    collateralTokens: (side) => (side === 'long' ? [token, 'USDC'] : ['USDC']),
    openFeeBps: 0n,
    marketHours: 'always',
    ...limits,
  };
}

function rwaMarket(feed: FeedId): MarketParams {
  return {
    pool: 'RWALP',
    feed,
    longLockToken: 'USDC',
    shortLockToken: 'USDC',
    collateralTokens: usdOnly,
    maxInitialLeverageBps: 500_000n,
    liquidationLeverageBps: 1_000_000n,
    closeFeeBps: 10n,
    liquidationFeeBps: 20n,
    openFeeBps: 0n,
    maxPositionUsd: 100_000_000_000n,
    openInterestCapUsd: 500_000_000_000n,
    marketHours: 'rwa',
  };
}

/** Market parameters of §3 (leverage in bps, fees in bps, limits in USD with 6 decimals). */
export const MARKETS: Readonly<Record<MarketId, MarketParams>> = {
  SOL: cryptoMarket('SOL', 'SOL', {
    maxInitialLeverageBps: 1_000_000n,
    liquidationLeverageBps: 2_000_000n,
    closeFeeBps: 10n,
    liquidationFeeBps: 20n,
    maxPositionUsd: 1_000_000_000_000n,
    openInterestCapUsd: 3_000_000_000_000n,
  }),
  BTC: cryptoMarket('BTC', 'WBTC', {
    maxInitialLeverageBps: 1_000_000n,
    liquidationLeverageBps: 2_000_000n,
    closeFeeBps: 10n,
    liquidationFeeBps: 20n,
    maxPositionUsd: 1_000_000_000_000n,
    openInterestCapUsd: 2_500_000_000_000n,
  }),
  BONK: cryptoMarket('BONK', 'BONK', {
    maxInitialLeverageBps: 500_000n,
    liquidationLeverageBps: 1_000_000n,
    closeFeeBps: 18n,
    liquidationFeeBps: 30n,
    maxPositionUsd: 250_000_000_000n,
    openInterestCapUsd: 500_000_000_000n,
  }),
  XAU: rwaMarket('XAU'),
  XAG: rwaMarket('XAG'),
  WTI: rwaMarket('WTI'),
};

/** Protocol-wide limits (§3, §7, §2, §9). Counts and seconds are plain numbers. */
export const PROTOCOL = {
  /** 1.1x */
  minLeverageBps: 11_000n,
  /** $10 */
  minCollateralUsd: 10_000_000n,
  maxLimitOrdersPerOwner: 16,
  maxPriceAgeS: 30,
  faucetIntervalS: 60,
} as const;

/** The token an ALP market trades (SOL, WBTC, BONK); undefined for the synthetic RWALP markets. */
export function marketToken(market: MarketId): TokenId | undefined {
  const params = MARKETS[market];
  return params.pool === 'ALP' ? params.longLockToken : undefined;
}

/** The custody a position locks (§5.3) and pays borrow interest to (§4): ALP long → market token, else USDC. */
export function lockToken(market: MarketId, side: Side): TokenId {
  return side === 'long' ? MARKETS[market].longLockToken : MARKETS[market].shortLockToken;
}

/** The token a position's collateral is held in: the lock token (an ALP long posted in USDC is swapped first). */
export function positionCollateralToken(market: MarketId, side: Side): TokenId {
  return lockToken(market, side);
}

/** Local network genesis (§9): custody amounts and LP supply per pool, default mid prices per feed (1e10). */
export const GENESIS = {
  pools: {
    ALP: {
      custodies: {
        USDC: 3_000_000_000_000n,
        SOL: 23_333_333_333_333n,
        WBTC: 2_631_578_947n,
        BONK: 4_000_000_000_000_000n,
      } as Readonly<Partial<Record<TokenId, bigint>>>,
      lpSupply: 10_000_000_000_000n,
    },
    RWALP: {
      custodies: { USDC: 1_000_000_000_000n } as Readonly<Partial<Record<TokenId, bigint>>>,
      lpSupply: 1_000_000_000_000n,
    },
  },
  prices: {
    SOL: 1_500_000_000_000n,
    BTC: 950_000_000_000_000n,
    BONK: 250_000n,
    USDC: 10_000_000_000n,
    XAU: 26_500_000_000_000n,
    XAG: 310_000_000_000n,
    WTI: 700_000_000_000n,
  } as Readonly<Record<FeedId, bigint>>,
} as const;

/** Most a wallet may draw per faucet call, once a minute (§9). */
export const FAUCET_LIMITS: Readonly<Record<TokenId, bigint>> = {
  USDC: 10_000_000_000n,
  SOL: 50_000_000_000n,
  WBTC: 10_000_000n,
  BONK: 40_000_000_000_000n,
};

/** Annual volatility per feed for the simulator (§9). Not money: a plain number is fine here. */
export const VOLATILITY: Readonly<Record<FeedId, number>> = {
  SOL: 0.8,
  BTC: 0.5,
  BONK: 1.2,
  USDC: 0,
  XAU: 0.15,
  XAG: 0.25,
  WTI: 0.35,
};
