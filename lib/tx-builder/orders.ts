/**
 * placeLimitOrder and cancelOrder (§7): a free order slot of the owner (0..15, from the chain's order accounts;
 * TOO_MANY_ORDERS when all 16 are taken), the escrow of the posted token, and the refusals' lib/math checks in
 * the program's order (program/src/instructions/{place_order,cancel_order}.rs).
 */
import type { Address } from '@solana/kit';
import { PROTOCOL, TOKENS } from '@/lib/math/params';
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
        const low = freshToken(s, p.collateralToken).low;
        const collateralUsd = tokenToUsd({ amount: p.collateralAmount, price: low, decimals: TOKENS[p.collateralToken].decimals }, 'floor');
        if (collateralUsd < PROTOCOL.minCollateralUsd)
          throw new ProtocolError('COLLATERAL_TOO_SMALL', `Collateral worth ${describeUsd(collateralUsd)} is below the minimum of ${describeUsd(PROTOCOL.minCollateralUsd)}; add more collateral.`);
        checkLimitTriggerPlacement(p.side, marketMid(s, p.market), p.triggerPrice);
      }),
  };
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
