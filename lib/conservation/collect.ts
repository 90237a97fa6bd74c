/** Reads what the conservation check needs from any Solana JSON-RPC (the local chain's /api/rpc, or a cluster). */
import { createSolanaRpc, type Address, type Base64EncodedBytes } from '@solana/kit';
import { accountKind } from '@/lib/chain/tags';
import { decodeCustody, decodeMarket, decodeMintSupply, decodeOrder, decodePosition, decodeTokenAccount, type CustodyAccount, type MarketAccount, type TokenAccountData } from '@/lib/chain/accounts';
import { TOKEN_PROGRAM } from '@/lib/chain/program-ids';
import type { ChainLedger } from './check';

const bytes = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, 'base64'));

export async function collectLedger(rpcUrl: string, programId: Address, mints: readonly Address[]): Promise<ChainLedger> {
  const rpc = createSolanaRpc(rpcUrl);
  const program = await rpc.getProgramAccounts(programId, { encoding: 'base64' }).send();
  const custodies = new Map<Address, CustodyAccount>();
  const markets = new Map<Address, MarketAccount>();
  const positions: ChainLedger['positions'][number][] = [];
  const orders: ChainLedger['orders'][number][] = [];
  for (const { pubkey, account } of program) {
    const data = bytes(account.data[0]);
    const kind = accountKind(data);
    if (kind === 'custody') custodies.set(pubkey, decodeCustody(data));
    else if (kind === 'market') markets.set(pubkey, decodeMarket(data));
    else if (kind === 'position') positions.push(decodePosition(data));
    else if (kind === 'order') orders.push(decodeOrder(data));
  }
  const tokens = await rpc.getProgramAccounts(TOKEN_PROGRAM, { encoding: 'base64', filters: [{ dataSize: 165n }] }).send();
  const tokenAccounts = new Map<Address, TokenAccountData>(tokens.map(({ pubkey, account }) => [pubkey, decodeTokenAccount(bytes(account.data[0] as Base64EncodedBytes))]));
  const infos = await rpc.getMultipleAccounts([...mints], { encoding: 'base64' }).send();
  const supplies = new Map<Address, bigint>();
  infos.value.forEach((info, i) => {
    if (info && mints[i]) supplies.set(mints[i], decodeMintSupply(bytes(info.data[0])).supply);
  });
  return { custodies, markets, positions, orders, tokenAccounts, supplies };
}
