/**
 * The local chain's faucet (api.md § Local network controls, §9): one transaction of the faucet authority mints
 * the basket (or one token) to the owner's associated token accounts, created if missing, and SOL for fees is
 * airdropped; each token once a minute per owner (the cooldown row of (owner, token) is claimed atomically, so
 * two concurrent draws cannot both pass). SOL is airdropped natively: the wallet wraps what it posts.
 */
import type { Address, Instruction } from '@solana/kit';
import { getCreateAssociatedTokenIdempotentInstruction, getMintToInstruction } from '@solana-program/token';
import { TOKEN_IDS, type TokenId } from '@/lib/math/ids';
import { FAUCET_LIMITS, PROTOCOL, TOKENS } from '@/lib/math/params';
import { describeFixed } from '@/lib/math/describe';
import type { SqlClient } from '@/lib/db/types';
import { ServiceError } from '@/lib/server/service-error';
import { ProtocolError } from '@/lib/math/errors';
import { associatedTokenAddress } from '@/lib/chain/pda';
import { sendInstructions } from '@/lib/deployment/chain-client';
import type { ChainRuntime } from './runtime';

/** Lamports every draw adds for transaction fees and rent (0.05 SOL). */
export const FEE_LAMPORTS = 50_000_000n;

export interface FaucetRequest {
  owner: Address;
  /** One token, or the whole basket. */
  token?: TokenId;
  /** At most the token's limit (default: the limit). */
  amount?: bigint;
}

export interface FaucetResult {
  signature: string;
  received: { token: TokenId; amount: bigint }[];
}

async function claim(sql: SqlClient, owner: string, token: TokenId, nowS: number): Promise<number | undefined> {
  const { rows } = await sql.query(
    `INSERT INTO faucet_draws (owner, token, last_at) VALUES ($1, $4, $2)
     ON CONFLICT (owner, token) DO UPDATE SET last_at = EXCLUDED.last_at WHERE faucet_draws.last_at <= $3 RETURNING 1`,
    [owner, nowS, nowS - PROTOCOL.faucetIntervalS, token],
  );
  if (rows.length > 0) return undefined;
  const { rows: last } = await sql.query<{ last_at: string | number }>('SELECT last_at FROM faucet_draws WHERE owner = $1 AND token = $2', [owner, token]);
  return Math.max(1, Number(last[0]?.last_at ?? nowS) + PROTOCOL.faucetIntervalS - nowS);
}

export async function drawFaucet(chain: ChainRuntime, sql: SqlClient, req: FaucetRequest): Promise<FaucetResult> {
  const authority = chain.keys.mintAuthority;
  if (!chain.local || !authority) throw new ServiceError('DEVNET_DISABLED', 'The faucet exists only on the local chain.');
  const tokens = req.token ? [req.token] : [...TOKEN_IDS];
  for (const token of tokens) {
    const amount = req.amount ?? FAUCET_LIMITS[token];
    if (amount <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Ask the faucet for a positive amount.');
    if (amount > FAUCET_LIMITS[token]) throw new ServiceError('FAUCET_LIMIT', `The faucet gives at most ${describeFixed(FAUCET_LIMITS[token], TOKENS[token].decimals)} ${token} per draw; ask for less.`);
  }
  const nowS = chain.nowS();
  for (const token of tokens) {
    const waitS = await claim(sql, req.owner, token, nowS);
    if (waitS !== undefined) {
      throw new ServiceError('FAUCET_COOLDOWN', `The faucet gives each token once a minute; try ${token} again in ${waitS}s.`, { retryAfterS: String(waitS) });
    }
  }
  const received = tokens.map((token) => ({ token, amount: req.amount ?? FAUCET_LIMITS[token] }));
  const ixs: Instruction[] = [];
  for (const { token, amount } of received) {
    if (token === 'SOL') continue;
    const mint = chain.addresses.mints[token];
    const ata = await associatedTokenAddress(req.owner, mint);
    ixs.push(getCreateAssociatedTokenIdempotentInstruction({ payer: authority, owner: req.owner, mint, ata }));
    ixs.push(getMintToInstruction({ mint, token: ata, mintAuthority: authority, amount }));
  }
  const sol = received.find((r) => r.token === 'SOL')?.amount ?? 0n;
  const airdrop = await chain.local.airdrop(req.owner, sol + FEE_LAMPORTS);
  const signature = ixs.length > 0 ? await sendInstructions(chain.client, ixs, [authority]) : airdrop;
  return { signature, received };
}
