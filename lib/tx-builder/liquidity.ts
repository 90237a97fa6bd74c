/**
 * addLiquidity, removeLiquidity and swap (§8): the owner's token and LP accounts, the program's instruction, and
 * the refusals' lib/math checks in the program's order (program/src/instructions/{add_liquidity,remove_liquidity,
 * swap}.rs): fresh prices of every custody, AUM, the quote, min out, free liquidity, the ratio rule.
 */
import type { Address } from '@solana/kit';
import type { PoolId } from '@/lib/math/ids';
import { POOLS, TOKENS, custodyParams } from '@/lib/math/params';
import { ProtocolError } from '@/lib/math/errors';
import { addLiquidityQuote, checkFreeLiquidity, checkMinOut, removeLiquidityQuote } from '@/lib/math/liquidity';
import { addLiquidityInstruction, removeLiquidityInstruction, swapInstruction } from '@/lib/chain/instructions';
import { associatedTokenAddress } from '@/lib/chain/pda';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import type { Draft, TokenUse } from './assemble';
import { checkPoolRatios, planChainSwap, poolAum, poolQuotes } from './checks';
import { explainWith } from './errors';
import type { TxParams } from './schemas';
import { tokenUse } from './trade';

/** LP tokens have 6 decimals (§1). */
const LP_DECIMALS = 6;

function lpUse(chain: ChainRuntime, pool: PoolId, role: TokenUse['role'], amount?: bigint, what?: string): TokenUse {
  return { mint: chain.addresses.lpMints[pool], symbol: pool, decimals: LP_DECIMALS, role, amount, what };
}

export async function buildAddLiquidity(chain: ChainRuntime, owner: Address, p: TxParams['addLiquidity']): Promise<Draft> {
  custodyParams(p.pool, p.token); // UNSUPPORTED_COLLATERAL: the pool has no such custody (no vault to name)
  const a = chain.addresses;
  const funding = await associatedTokenAddress(owner, a.mints[p.token]);
  const lpAccount = await associatedTokenAddress(owner, a.lpMints[p.pool]);
  return {
    instruction: addLiquidityInstruction({ addresses: a, owner, pool: p.pool, token: p.token, amount: p.amount, minLpOut: p.minLpOut, funding, lpAccount }),
    tokens: [tokenUse(chain, p.token, 'fund', p.amount, 'this deposit'), lpUse(chain, p.pool, 'receive')],
    creates: [],
    accounts: {},
    explain: (code, s) =>
      explainWith(code, () => {
        const quotes = poolQuotes(s, p.pool);
        const aumUsd = poolAum(s, p.pool);
        const q = addLiquidityQuote({
          amount: p.amount,
          addFeeBps: s.custody(p.pool, p.token).params.addFeeBps,
          low: quotes.get(p.token)!.low,
          decimals: TOKENS[p.token].decimals,
          aumUsd,
          supply: s.lpSupply(p.pool),
        });
        checkMinOut({ amountOut: q.lpOut, minAmountOut: p.minLpOut });
        checkPoolRatios(s, p.pool, quotes, { [p.token]: p.amount });
      }),
  };
}

export async function buildRemoveLiquidity(chain: ChainRuntime, owner: Address, p: TxParams['removeLiquidity']): Promise<Draft> {
  custodyParams(p.pool, p.token);
  const a = chain.addresses;
  const receiver = await associatedTokenAddress(owner, a.mints[p.token]);
  const lpAccount = await associatedTokenAddress(owner, a.lpMints[p.pool]);
  return {
    instruction: removeLiquidityInstruction({ addresses: a, owner, pool: p.pool, token: p.token, lpAmount: p.lpAmount, minAmountOut: p.minAmountOut, lpAccount, receiver }),
    tokens: [lpUse(chain, p.pool, 'fund', p.lpAmount, 'this redemption'), tokenUse(chain, p.token, 'receive')],
    creates: [],
    accounts: {},
    explain: (code, s) =>
      explainWith(code, () => {
        const quotes = poolQuotes(s, p.pool);
        const aumUsd = poolAum(s, p.pool);
        const custody = s.custody(p.pool, p.token);
        const q = removeLiquidityQuote({
          lpAmount: p.lpAmount,
          aumUsd,
          supply: s.lpSupply(p.pool),
          high: quotes.get(p.token)!.high,
          decimals: TOKENS[p.token].decimals,
          removeFeeBps: custody.params.removeFeeBps,
        });
        checkFreeLiquidity({ owned: custody.owned, locked: custody.locked, amount: q.amountOut });
        checkMinOut({ amountOut: q.amountOut, minAmountOut: p.minAmountOut });
        checkPoolRatios(s, p.pool, quotes, { [p.token]: -q.amountOut });
      }),
  };
}

export async function buildSwap(chain: ChainRuntime, owner: Address, p: TxParams['swap']): Promise<Draft> {
  if (POOLS[p.pool].custodies.length < 2) throw new ProtocolError('INVALID_SWAP', `Only the ALP pool swaps; ${p.pool} holds ${POOLS[p.pool].custodies.join(', ')} alone.`);
  custodyParams(p.pool, p.tokenIn);
  custodyParams(p.pool, p.tokenOut);
  const a = chain.addresses;
  const funding = await associatedTokenAddress(owner, a.mints[p.tokenIn]);
  const receiver = await associatedTokenAddress(owner, a.mints[p.tokenOut]);
  return {
    instruction: swapInstruction({ addresses: a, owner, pool: p.pool, tokenIn: p.tokenIn, tokenOut: p.tokenOut, amountIn: p.amountIn, minAmountOut: p.minAmountOut, funding, receiver }),
    tokens: [tokenUse(chain, p.tokenIn, 'fund', p.amountIn, 'this swap'), ...(p.tokenOut === p.tokenIn ? [] : [tokenUse(chain, p.tokenOut, 'receive')])],
    creates: [],
    accounts: {},
    explain: (code, s) => explainWith(code, () => planChainSwap(s, p)),
  };
}
