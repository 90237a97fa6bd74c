/** The lock custody of a (market, side) and its free liquidity (protocol.md §5.3). */
import { tokenToUsd } from '@/lib/math/convert';
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { tokenPrices } from '@/lib/math/oracle-band';
import { TOKENS, lockToken } from '@/lib/math/params';
import type { TicketCustody } from './ticket-types';

export function findCustody(custodies: readonly TicketCustody[], token: TokenId): TicketCustody | undefined {
  return custodies.find((c) => c.token === token);
}

/** `owned − locked` of the custody this side locks, in its token units (0 when unknown). */
export function freeLiquidity({ custodies, market, side }: { custodies: readonly TicketCustody[]; market: MarketId; side: Side }): bigint {
  const custody = findCustody(custodies, lockToken(market, side));
  if (!custody) return 0n;
  const free = custody.owned - custody.locked;
  return free > 0n ? free : 0n;
}

/** Free liquidity in USD, valued at the lock token's oracle low (USDC: $1). */
export function freeLiquidityUsd({ custodies, market, side, price }: { custodies: readonly TicketCustody[]; market: MarketId; side: Side; price: bigint }): bigint {
  const token = lockToken(market, side);
  const amount = freeLiquidity({ custodies, market, side });
  const { low } = tokenPrices({ token, price });
  return tokenToUsd({ amount, price: low, decimals: TOKENS[token].decimals }, 'floor');
}
