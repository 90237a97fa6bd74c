/** The keeper's permissionless settlements (tags 30, 31): the program checks the condition at the on-chain price. */
import type { Address, Instruction } from '@solana/kit';
import type { MarketId, Side } from '@/lib/math/ids';
import { MARKETS, lockToken } from '@/lib/math/params';
import { custodyOf, vaultOf, type ChainAddresses } from '../addresses';
import { TOKEN_PROGRAM } from '../program-ids';
import { TAG } from '../tags';
import { marketFeeds, oracleMetas, ro, rw, signer } from './meta';

export interface KeeperSettleInput {
  addresses: ChainAddresses;
  keeper: Address;
  owner: Address;
  market: MarketId;
  side: Side;
  position: Address;
  /** The owner's token account of the collateral token (its ATA; the keeper creates it if missing). */
  receiver: Address;
}

function settleAccounts(i: KeeperSettleInput) {
  const a = i.addresses;
  const pool = MARKETS[i.market].pool;
  const token = lockToken(i.market, i.side);
  return [
    signer(i.keeper),
    ro(a.config),
    rw(a.markets[i.market]),
    rw(i.position),
    rw(custodyOf(a, pool, token)),
    rw(vaultOf(a, pool, token)),
    rw(i.receiver),
    rw(i.owner),
    ro(a.authority),
    ro(TOKEN_PROGRAM),
    ...oracleMetas(a, marketFeeds(i.market)),
  ];
}

export function liquidateInstruction(i: KeeperSettleInput): Instruction {
  return { programAddress: i.addresses.programId, accounts: settleAccounts(i), data: Uint8Array.of(TAG.liquidate) };
}

export function executeTpSlInstruction(i: KeeperSettleInput & { kind: 'takeProfit' | 'stopLoss' }): Instruction {
  return { programAddress: i.addresses.programId, accounts: settleAccounts(i), data: Uint8Array.of(TAG.executeTpSl, i.kind === 'takeProfit' ? 0 : 1) };
}
