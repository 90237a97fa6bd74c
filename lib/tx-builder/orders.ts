/**
 * placeLimitOrder and cancelOrder (§7): a free order slot of the owner (0..15, from the chain's order accounts;
 * TOO_MANY_ORDERS when all 16 are taken), the escrow of the posted token, and the refusals' lib/math checks in
 * the program's order (program/src/instructions/{place_order,order_checks,cancel_order}.rs): leverage range,
 * the fresh mark, the trigger's side and range, then collateral that can reach $10 at some fill and, for USDC of
 * its own lock, a size within the maximum position.
 */
import type { Address } from '@solana/kit';
import { MARKETS, PROTOCOL, TOKENS, lockToken } from '@/lib/math/params';
import { divCeil } from '@/lib/math/bigmath';
import { priceBand } from '@/lib/math/oracle-band';
import { BPS } from '@/lib/math/scales';
import { checkCollateralToken } from '@/lib/math/open';
import { checkOrderCount } from '@/lib/math/triggers';
import { tokenToUsd } from '@/lib/math/convert';
import { describeUsd } from '@/lib/math/describe';
import { ProtocolError } from '@/lib/math/errors';
import { HttpError } from '@/lib/http/errors';
import { cancelOrderInstruction, placeLimitOrderInstruction } from '@/lib/chain/instructions';
import { associatedTokenAddress, orderAddress } from '@/lib/chain/pda';
import { ACCOUNT_LEN } from '@/lib/chain/tags';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';
import type { Draft } from './assemble';
import { checkLeverageRange, checkLimitTriggerPlacement, freshToken, marketMid } from './checks';
import { explainWith } from './errors';
import type { TxParams } from './schemas';
import { tokenUse } from './trade';

/** The owner's lowest free order slot; TOO_MANY_ORDERS when all 16 hold an order. */
export function freeOrderSlot(chain: ChainRuntime, owner: Address): number {
  const taken = new Set(chain.state.ownedBy(owner).orders.map(([, o]) => o.slot));
  for (let slot = 0; slot < PROTOCOL.maxLimitOrdersPerOwner; slot++) if (!taken.has(slot)) return slot;
  checkOrderCount({ openOrders: taken.size });
  throw new ProtocolError('TOO_MANY_ORDERS', `You already have ${PROTOCOL.maxLimitOrdersPerOwner} limit orders, the maximum; cancel one first.`);
}

export async function buildPlaceLimitOrder(chain: ChainRuntime, owner: Address, p: TxParams['placeLimitOrder']): Promise<Draft> {
  // The escrow and custody depend on the posted token: one this market takes on this side (§3).
  checkCollateralToken({ market: p.market, side: p.side, token: p.collateralToken });
  const slot = freeOrderSlot(chain, owner);
  const a = chain.addresses;
  const order = await orderAddress(a.programId, owner, slot);
  const funding = await associatedTokenAddress(owner, a.mints[p.collateralToken]);
  const instruction = placeLimitOrderInstruction({
    addresses: a,
    owner,
    market: p.market,
    side: p.side,
    postedToken: p.collateralToken,
    slot,
    order,
    amount: p.collateralAmount,
    leverageBps: p.leverageBps,
    triggerPrice: p.triggerPrice,
    acceptablePrice: p.acceptablePrice || null,
    takeProfit: p.takeProfit ?? null,
    stopLoss: p.stopLoss ?? null,
    funding,
  });
  return {
    instruction,
    tokens: [tokenUse(chain, p.collateralToken, 'fund', p.collateralAmount, 'this order')],
    creates: [BigInt(ACCOUNT_LEN.order)],
    accounts: { order },
    explain: (code, s) =>
      explainWith(code, () => {
        checkLeverageRange(p.market, p.leverageBps);
        const mark = marketMid(s, p.market);
        checkLimitTriggerPlacement(p.side, mark, p.triggerPrice);
        checkFillable(s, p, freshToken(s, p.collateralToken).low);
      }),
  };
}

/**
 * The most the order's collateral can be worth at any fill, in USD at low as §5.1 values it (the program's
 * order_checks.rs `best_fill_collateral_usd`): USDC for its own lock is $1 a unit; USDC swapped into the market
 * token keeps `in − fee` at the larger swap fee, times `(10000 − band) / (10000 + band)` of the market token's band
 * (out × low ≤ (in − fee) × low / high at every price); a long's market token is worth at most its low at the
 * trigger (a long fills at or below it); another token its low now.
 */
export function bestFillCollateralUsd(s: ChainSnapshot, p: TxParams['placeLimitOrder'], postedLowNow: bigint): bigint {
  const pool = MARKETS[p.market].pool;
  const lock = lockToken(p.market, p.side);
  const posted = s.custody(pool, p.collateralToken);
  if (p.collateralToken === 'USDC') {
    if (lock === 'USDC') return p.collateralAmount;
    const lockCustody = s.custody(pool, lock);
    const bps = posted.params.swapFeeBps > lockCustody.params.swapFeeBps ? posted.params.swapFeeBps : lockCustody.params.swapFeeBps;
    const net = p.collateralAmount - divCeil(p.collateralAmount * bps, BPS);
    const band = lockCustody.params.bandBps;
    return (net * (BPS - band)) / (BPS + band);
  }
  const sameFeed = TOKENS[p.collateralToken].feed === MARKETS[p.market].feed;
  const low = sameFeed && p.side === 'long' ? priceBand({ price: p.triggerPrice, bandBps: posted.params.bandBps }).low : postedLowNow;
  return tokenToUsd({ amount: p.collateralAmount, price: low, decimals: TOKENS[p.collateralToken].decimals }, 'floor');
}

/** COLLATERAL_TOO_SMALL under $10 at the best fill; POSITION_TOO_LARGE for USDC collateral of its own lock over the maximum. */
function checkFillable(s: ChainSnapshot, p: TxParams['placeLimitOrder'], postedLowNow: bigint): void {
  const best = bestFillCollateralUsd(s, p, postedLowNow);
  if (best < PROTOCOL.minCollateralUsd)
    throw new ProtocolError(
      'COLLATERAL_TOO_SMALL',
      `At its best fill this order's collateral is worth ${describeUsd(best)}, below the minimum of ${describeUsd(PROTOCOL.minCollateralUsd)}; add more collateral.`,
    );
  if (p.collateralToken === 'USDC' && lockToken(p.market, p.side) === 'USDC') {
    const size = (best * p.leverageBps) / BPS;
    const max = MARKETS[p.market].maxPositionUsd;
    if (size > max) throw new ProtocolError('POSITION_TOO_LARGE', `A ${p.market} position of ${describeUsd(size)} is above the maximum of ${describeUsd(max)}; lower the size.`);
  }
}

export async function buildCancelOrder(chain: ChainRuntime, owner: Address, p: TxParams['cancelOrder']): Promise<Draft> {
  const account = chain.state.orders.get(p.orderId);
  const custody = account ? chain.ids.custody(account.collateralCustody) : undefined;
  if (!account || !custody) throw new HttpError(404, 'NOT_FOUND', `Order ${p.orderId} does not exist (it may have been filled or cancelled).`);
  if (account.owner !== owner) throw new HttpError(403, 'NOT_OWNER', `Order ${p.orderId} belongs to another wallet.`);
  const receiver = await associatedTokenAddress(owner, chain.addresses.mints[custody.token]);
  return {
    instruction: cancelOrderInstruction({ addresses: chain.addresses, owner, order: p.orderId, postedToken: custody.token, receiver }),
    tokens: [tokenUse(chain, custody.token, 'receive')],
    creates: [],
    accounts: { order: p.orderId },
    explain: () => undefined,
  };
}
