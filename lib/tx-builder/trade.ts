/**
 * openPosition, closePosition, addCollateral, removeCollateral, setTpSl (api.md § Acting: transactions): the
 * accounts (the position PDA, the owner's token accounts), the program's instruction, and each refusal's lib/math
 * check in the program's order (program/src/instructions/{open_core,settle,collateral,set_tp_sl}.rs).
 */
import type { Address } from '@solana/kit';
import type { MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';
import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import { checkCollateralToken } from '@/lib/math/open';
import { closePosition, validateClose } from '@/lib/math/close';
import { addCollateral, removeCollateral } from '@/lib/math/collateral';
import { liquidationPrice } from '@/lib/math/liquidation';
import { pricePnlUsd } from '@/lib/math/pnl';
import { positionBorrowFeeUsd } from '@/lib/math/position';
import { validateTpSl } from '@/lib/math/triggers';
import { HttpError } from '@/lib/http/errors';
import { sideByte, type PositionAccount } from '@/lib/chain/accounts';
import { addCollateralInstruction, closePositionInstruction, openPositionInstruction, removeCollateralInstruction, setTpSlInstruction } from '@/lib/chain/instructions';
import { associatedTokenAddress, positionAddress } from '@/lib/chain/pda';
import { ACCOUNT_LEN } from '@/lib/chain/tags';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';
import type { Draft, TokenUse } from './assemble';
import { freshToken, marketMid, requireMarketOpen } from './checks';
import { explainWith } from './errors';
import { planChainOpen, type OpenRequest } from './plan-open';
import type { TxParams } from './schemas';

/** The owner's token account use of a custody token. */
export function tokenUse(chain: ChainRuntime, token: TokenId, role: TokenUse['role'], amount?: bigint, what?: string): TokenUse {
  return { mint: chain.addresses.mints[token], symbol: token, decimals: TOKENS[token].decimals, role, amount, what };
}

export interface OwnedPosition {
  address: Address;
  account: PositionAccount;
  market: MarketId;
  side: Side;
  pool: PoolId;
  /** The collateral and lock token (an ALP long posted in USDC holds the market token). */
  token: TokenId;
}

/** The owner's position at `address`: 404 NOT_FOUND when there is none, 403 NOT_OWNER when another wallet's. */
export function ownedPosition(chain: ChainRuntime, owner: Address, address: Address): OwnedPosition {
  const account = chain.state.positions.get(address);
  const market = account ? chain.ids.market(account.market) : undefined;
  const custody = account ? chain.ids.custody(account.custody) : undefined;
  if (!account || !market || !custody) throw new HttpError(404, 'NOT_FOUND', `Position ${address} does not exist (it may have been closed).`);
  if (account.owner !== owner) throw new HttpError(403, 'NOT_OWNER', `Position ${address} belongs to another wallet.`);
  return { address, account, market, side: account.state.side, pool: custody.pool, token: custody.token };
}

const ref = (chain: ChainRuntime, owner: Address, p: OwnedPosition) => ({ addresses: chain.addresses, owner, market: p.market, side: p.side, position: p.address });

/** The position as it stands in `s` (the explanation reads the state the simulation saw). */
const current = (s: ChainSnapshot, p: OwnedPosition): PositionAccount => s.state.positions.get(p.address) ?? p.account;

export async function buildOpenPosition(chain: ChainRuntime, owner: Address, p: TxParams['openPosition']): Promise<Draft> {
  // The accounts depend on the posted token: it must be one this market takes on this side (§3).
  checkCollateralToken({ market: p.market, side: p.side, token: p.collateralToken });
  const a = chain.addresses;
  const position = await positionAddress(a.programId, owner, a.markets[p.market], sideByte(p.side));
  const funding = await associatedTokenAddress(owner, a.mints[p.collateralToken]);
  const request: OpenRequest = {
    market: p.market,
    side: p.side,
    collateralToken: p.collateralToken,
    collateralAmount: p.collateralAmount,
    leverageBps: p.leverageBps,
    acceptablePrice: p.acceptablePrice,
    takeProfit: p.takeProfit,
    stopLoss: p.stopLoss,
  };
  const instruction = openPositionInstruction({
    addresses: a,
    owner,
    market: p.market,
    side: p.side,
    postedToken: p.collateralToken,
    amount: p.collateralAmount,
    leverageBps: p.leverageBps,
    acceptablePrice: p.acceptablePrice || null,
    takeProfit: p.takeProfit ?? null,
    stopLoss: p.stopLoss ?? null,
    funding,
    position,
  });
  return {
    instruction,
    tokens: [tokenUse(chain, p.collateralToken, 'fund', p.collateralAmount, 'this collateral')],
    creates: chain.state.positions.has(position) ? [] : [BigInt(ACCOUNT_LEN.position)],
    accounts: { position },
    explain: (code, s) => explainWith(code, () => planChainOpen(s, request, s.state.positions.get(position))),
  };
}

export async function buildClosePosition(chain: ChainRuntime, owner: Address, p: TxParams['closePosition']): Promise<Draft> {
  const pos = ownedPosition(chain, owner, p.positionId);
  const receiver = await associatedTokenAddress(owner, chain.addresses.mints[pos.token]);
  return {
    instruction: closePositionInstruction({ ...ref(chain, owner, pos), fractionBps: p.fractionBps, acceptablePrice: p.acceptablePrice || null, receiver }),
    tokens: [tokenUse(chain, pos.token, 'receive')],
    creates: [],
    accounts: { position: pos.address },
    explain: (code, s) =>
      explainWith(code, () => {
        const state = current(s, pos).state;
        requireMarketOpen(pos.market, s.nowS);
        const price = marketMid(s, pos.market);
        const cumulativeInterest = s.interestNow(pos.pool, pos.token);
        const borrowFeeUsd = positionBorrowFeeUsd({ position: state, cumulativeInterest });
        const result = closePosition({
          position: state,
          fractionBps: p.fractionBps,
          price,
          payoutHigh: freshToken(s, pos.token).high,
          collateralDecimals: TOKENS[pos.token].decimals,
          borrowFeeUsd,
          cumulativeInterest,
          feeKind: 'exit',
        });
        validateClose({ side: pos.side, price, acceptablePrice: p.acceptablePrice || undefined, remaining: result.remaining });
      }),
  };
}

export async function buildAddCollateral(chain: ChainRuntime, owner: Address, p: TxParams['addCollateral']): Promise<Draft> {
  const pos = ownedPosition(chain, owner, p.positionId);
  const funding = await associatedTokenAddress(owner, chain.addresses.mints[pos.token]);
  return {
    instruction: addCollateralInstruction({ ...ref(chain, owner, pos), amount: p.amount, funding }),
    tokens: [tokenUse(chain, pos.token, 'fund', p.amount, 'this deposit')],
    creates: [],
    accounts: { position: pos.address },
    explain: (code, s) =>
      explainWith(code, () => {
        const low = freshToken(s, pos.token).low;
        addCollateral({ position: current(s, pos).state, amount: p.amount, low, decimals: TOKENS[pos.token].decimals });
      }),
  };
}

export async function buildRemoveCollateral(chain: ChainRuntime, owner: Address, p: TxParams['removeCollateral']): Promise<Draft> {
  const pos = ownedPosition(chain, owner, p.positionId);
  const receiver = await associatedTokenAddress(owner, chain.addresses.mints[pos.token]);
  return {
    instruction: removeCollateralInstruction({ ...ref(chain, owner, pos), amountUsd: p.amountUsd, receiver }),
    tokens: [tokenUse(chain, pos.token, 'receive')],
    creates: [],
    accounts: { position: pos.address },
    explain: (code, s) =>
      explainWith(code, () => {
        const state = current(s, pos).state;
        requireMarketOpen(pos.market, s.nowS);
        const price = marketMid(s, pos.market);
        removeCollateral({
          position: state,
          amountUsd: p.amountUsd,
          high: freshToken(s, pos.token).high,
          decimals: TOKENS[pos.token].decimals,
          pricePnlUsd: pricePnlUsd({ side: state.side, sizeUsd: state.sizeUsd, entryPrice: state.entryPrice, price }),
          borrowFeeUsd: positionBorrowFeeUsd({ position: state, cumulativeInterest: s.interestNow(pos.pool, pos.token) }),
          maxInitialLeverageBps: MARKETS[pos.market].maxInitialLeverageBps,
        });
      }),
  };
}

/** The current liquidation price of a position (§6, borrow fee accrued to now). */
export function currentLiquidationPrice(s: ChainSnapshot, pos: OwnedPosition): bigint {
  const state = current(s, pos).state;
  return liquidationPrice({
    side: state.side,
    sizeUsd: state.sizeUsd,
    collateralUsd: state.collateralUsd,
    entryPrice: state.entryPrice,
    liquidationLeverageBps: MARKETS[pos.market].liquidationLeverageBps,
    liquidationFeeUsd: state.liquidationFeeUsd,
    borrowFeeUsd: positionBorrowFeeUsd({ position: state, cumulativeInterest: s.interestNow(pos.pool, lockToken(pos.market, pos.side)) }),
  });
}

export async function buildSetTpSl(chain: ChainRuntime, owner: Address, p: TxParams['setTpSl']): Promise<Draft> {
  const pos = ownedPosition(chain, owner, p.positionId);
  return {
    instruction: setTpSlInstruction({ ...ref(chain, owner, pos), takeProfit: p.takeProfit, stopLoss: p.stopLoss }),
    tokens: [],
    creates: [],
    accounts: { position: pos.address },
    explain: (code, s) =>
      explainWith(code, () => {
        const price = marketMid(s, pos.market);
        validateTpSl({ side: pos.side, markPrice: price, liquidationPrice: currentLiquidationPrice(s, pos), takeProfit: p.takeProfit ?? undefined, stopLoss: p.stopLoss ?? undefined });
      }),
  };
}
