/** A model `Action` as the program's instructions, sent to the run's chain (lib/chain/instructions builders). */
import type { Address, Instruction } from '@solana/kit';
import type { Trader } from '@/lib/chain/testing/world';
import type { SendResult } from '@/lib/chain/testing/svm-send';
import {
  addCollateralInstruction,
  addLiquidityInstruction,
  cancelOrderInstruction,
  closePositionInstruction,
  fillLimitOrderInstruction,
  placeLimitOrderInstruction,
  executeTpSlInstruction,
  liquidateInstruction,
  openPositionInstruction,
  removeCollateralInstruction,
  removeLiquidityInstruction,
  setTpSlInstruction,
  swapInstruction,
} from '@/lib/chain/instructions';
import { MARKET_IDS, TOKEN_IDS, type MarketId, type Side, type TokenId } from '@/lib/math/ids';
import { decodeOrder } from '@/lib/chain/accounts';
import { lockToken } from '@/lib/math/params';
import { ORDER_SLOTS, accountOf, orderKey, positionKey, type Chain } from './harness';
import type { Action } from './model';

function trader(chain: Chain, address: Address): Trader {
  const t = chain.base.traders.find((x) => x.address === address);
  if (!t) throw new Error(`no trader ${address}`);
  return t;
}

/** Sends `action`; `undefined` for the clock, which is no transaction. */
export async function execute(chain: Chain, action: Action): Promise<SendResult | undefined> {
  const a = chain.addresses;
  const position = (owner: Address, market: MarketId, side: Side): Address => chain.base.positions[positionKey(owner, market, side)]!;
  switch (action.kind) {
    case 'advance':
      chain.advance(action.seconds);
      return undefined;
    case 'setPrices':
      return chain.setPrices(action.prices);
    case 'open': {
      const t = trader(chain, action.owner);
      const ix = openPositionInstruction({
        addresses: a,
        owner: t.address,
        market: action.market,
        side: action.side,
        postedToken: action.postedToken,
        amount: action.amount,
        leverageBps: action.leverageBps,
        acceptablePrice: action.acceptablePrice ?? null,
        takeProfit: action.takeProfit ?? null,
        stopLoss: action.stopLoss ?? null,
        funding: t.tokenAccounts[action.postedToken],
        position: position(t.address, action.market, action.side),
      });
      return chain.send([ix], [t.signer]);
    }
    case 'close': {
      const t = trader(chain, action.owner);
      const ix = closePositionInstruction({
        addresses: a,
        owner: t.address,
        market: action.market,
        side: action.side,
        position: position(action.positionOwner, action.market, action.side),
        fractionBps: action.fractionBps,
        acceptablePrice: action.acceptablePrice ?? null,
        receiver: t.tokenAccounts[lockToken(action.market, action.side)],
      });
      return chain.send([ix], [t.signer]);
    }
    case 'addCollateral': {
      const t = trader(chain, action.owner);
      const ix = addCollateralInstruction({
        addresses: a,
        owner: t.address,
        market: action.market,
        side: action.side,
        position: position(action.positionOwner, action.market, action.side),
        amount: action.amount,
        funding: t.tokenAccounts[lockToken(action.market, action.side)],
      });
      return chain.send([ix], [t.signer]);
    }
    case 'removeCollateral': {
      const t = trader(chain, action.owner);
      const ix = removeCollateralInstruction({
        addresses: a,
        owner: t.address,
        market: action.market,
        side: action.side,
        position: position(action.positionOwner, action.market, action.side),
        amountUsd: action.amountUsd,
        receiver: t.tokenAccounts[lockToken(action.market, action.side)],
      });
      return chain.send([ix], [t.signer]);
    }
    case 'setTpSl': {
      const t = trader(chain, action.owner);
      const ix = setTpSlInstruction({
        addresses: a,
        owner: t.address,
        market: action.market,
        side: action.side,
        position: position(action.positionOwner, action.market, action.side),
        takeProfit: action.takeProfit,
        stopLoss: action.stopLoss,
      });
      return chain.send([ix], [t.signer]);
    }
    case 'liquidate':
    case 'executeTpSl': {
      const owner = trader(chain, action.positionOwner);
      const input = {
        addresses: a,
        keeper: chain.base.keeper.address,
        owner: owner.address,
        market: action.market,
        side: action.side,
        position: position(owner.address, action.market, action.side),
        receiver: owner.tokenAccounts[lockToken(action.market, action.side)],
      };
      const ix: Instruction = action.kind === 'liquidate' ? liquidateInstruction(input) : executeTpSlInstruction({ ...input, kind: action.trigger });
      return chain.send([ix], [chain.base.keeper]);
    }
    case 'addLiquidity': {
      const t = trader(chain, action.owner);
      const ix = addLiquidityInstruction({ addresses: a, owner: t.address, pool: action.pool, token: action.token, amount: action.amount, minLpOut: action.minLpOut, funding: accountOf(t, action.token), lpAccount: accountOf(t, action.pool) });
      return chain.send([ix], [t.signer]);
    }
    case 'removeLiquidity': {
      const t = trader(chain, action.owner);
      const ix = removeLiquidityInstruction({ addresses: a, owner: t.address, pool: action.pool, token: action.token, lpAmount: action.lpAmount, minAmountOut: action.minAmountOut, lpAccount: accountOf(t, action.pool), receiver: accountOf(t, action.token) });
      return chain.send([ix], [t.signer]);
    }
    case 'placeOrder': {
      const t = trader(chain, action.owner);
      const ix = placeLimitOrderInstruction({
        addresses: a,
        owner: t.address,
        market: action.market,
        side: action.side,
        postedToken: action.postedToken,
        slot: action.slot,
        // slots past the last are refused before the account is looked at: any order address will do
        order: chain.base.orders[orderKey(t.address, Math.min(action.slot, ORDER_SLOTS - 1))]!,
        amount: action.amount,
        leverageBps: action.leverageBps,
        triggerPrice: action.triggerPrice,
        acceptablePrice: action.acceptablePrice ?? null,
        takeProfit: action.takeProfit ?? null,
        stopLoss: action.stopLoss ?? null,
        funding: t.tokenAccounts[action.postedToken],
      });
      return chain.send([ix], [t.signer]);
    }
    case 'cancelOrder': {
      const t = trader(chain, action.owner);
      const order = chain.base.orders[orderKey(action.orderOwner, action.slot)]!;
      // the posted token is read from the order when there is one (the escrow and the receiver follow it)
      const token = orderToken(chain, order) ?? 'USDC';
      const ix = cancelOrderInstruction({ addresses: a, owner: t.address, order, postedToken: token, receiver: t.tokenAccounts[token] });
      return chain.send([ix], [t.signer]);
    }
    case 'fillOrder': {
      const owner = trader(chain, action.orderOwner);
      const order = chain.base.orders[orderKey(owner.address, action.slot)]!;
      const data = chain.data(order);
      const o = data ? decodeOrder(data) : undefined;
      const market = o ? MARKET_IDS.find((m) => a.markets[m] === o.market)! : 'SOL';
      const side = o?.side ?? 'long';
      const ix = fillLimitOrderInstruction({
        addresses: a,
        keeper: chain.base.keeper.address,
        owner: owner.address,
        order,
        market,
        side,
        postedToken: orderToken(chain, order) ?? lockToken(market, side),
        position: position(owner.address, market, side),
      });
      return chain.send([ix], [chain.base.keeper]);
    }
    case 'swap': {
      const t = trader(chain, action.owner);
      const ix = swapInstruction({ addresses: a, owner: t.address, pool: action.pool, tokenIn: action.tokenIn, tokenOut: action.tokenOut, amountIn: action.amountIn, minAmountOut: action.minAmountOut, funding: accountOf(t, action.tokenIn), receiver: accountOf(t, action.tokenOut) });
      return chain.send([ix], [t.signer]);
    }
  }
}

/** The token an order escrows, read from its account (undefined when there is no order). */
function orderToken(chain: Chain, order: Address): TokenId | undefined {
  const data = chain.data(order);
  if (!data) return undefined;
  const escrow = decodeOrder(data).escrow;
  return TOKEN_IDS.find((t) => chain.addresses.escrows[t] === escrow);
}
