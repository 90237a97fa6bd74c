import { describe, expect, it } from 'vitest';
import { createWorld } from '@/lib/chain/testing/world';
import { decodeCustody, decodeMarket, decodePosition } from '@/lib/chain/accounts';
import { openPositionInstruction } from '@/lib/chain/instructions';
import { positionAddress } from '@/lib/chain/pda';
import { custodyOf } from '@/lib/chain/addresses';

describe('the deployed program', () => {
  it('deploys through the upgradeable loader, runs §9 genesis and opens a 10x short of SOL at $150 (liquidation $163.95)', async () => {
    const w = await createWorld();
    const usdc = decodeCustody(w.data(custodyOf(w.addresses, 'ALP', 'USDC'))!);
    expect(usdc.owned).toBe(3_000_000_000_000n);
    const t = await w.trader({ USDC: 1_000_000_000n });
    const position = await positionAddress(w.addresses.programId, t.address, w.addresses.markets.SOL, 1);
    const r = await w.send(
      [openPositionInstruction({ addresses: w.addresses, owner: t.address, market: 'SOL', side: 'short', postedToken: 'USDC', amount: 1_000_000_000n, leverageBps: 100_000n, funding: t.tokenAccounts.USDC, position })],
      [t.signer],
    );
    expect(r.ok).toBe(true);
    const p = decodePosition(w.data(position)!);
    expect(p.state.sizeUsd).toBe(10_000_000_000n);
    const m = decodeMarket(w.data(w.addresses.markets.SOL)!);
    expect(m.short.sizeUsd).toBe(10_000_000_000n);
    expect(r.events[0]).toMatchObject({ kind: 'positionOpened', sizeUsd: 10_000_000_000n, liquidationPrice: 1_639_500_000_000n });
  });
});
