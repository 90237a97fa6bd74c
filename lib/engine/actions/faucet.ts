import { FAUCET_LIMITS, PROTOCOL, TOKENS } from '@/lib/math/params';
import { describeFixed } from '@/lib/math/describe';
import { ProtocolError } from '@/lib/math/errors';
import type { ActionParams } from '../action-params';
import type { TxContext } from '../tx-context';
import { EngineError } from '../errors';
import { creditBalance } from '../store/balances';

/**
 * `faucet` (local network only, §9): each token once a minute per wallet, up to that token's limit (§9 reads as a
 * basket a minute: "up to 10,000 USDC, 50 SOL, 0.1 WBTC and 400,000,000 BONK"). The cooldown row of (wallet,
 * token) is claimed atomically (`ON CONFLICT … WHERE last_at ≤ now − 60`), so two concurrent draws cannot both pass.
 */
export async function faucet(ctx: TxContext, owner: string, p: ActionParams['faucet']): Promise<{ token: typeof p.token; amount: bigint; balance: bigint }> {
  ctx.requireDevnet('The faucet');
  const limit = FAUCET_LIMITS[p.token];
  if (p.amount <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Ask the faucet for a positive amount.');
  if (p.amount > limit) {
    throw new EngineError(
      'FAUCET_LIMIT',
      `The faucet gives at most ${describeFixed(limit, TOKENS[p.token].decimals)} ${p.token} per draw; ask for less.`,
    );
  }
  const { rows } = await ctx.tx.query(
    `INSERT INTO faucet_draws (owner, token, last_at) VALUES ($1, $4, $2)
     ON CONFLICT (owner, token) DO UPDATE SET last_at = EXCLUDED.last_at WHERE faucet_draws.last_at <= $3 RETURNING 1`,
    [owner, ctx.nowS, ctx.nowS - PROTOCOL.faucetIntervalS, p.token],
  );
  if (rows.length === 0) {
    const { rows: last } = await ctx.tx.query<{ last_at: string | number }>('SELECT last_at FROM faucet_draws WHERE owner = $1 AND token = $2', [
      owner,
      p.token,
    ]);
    const waitS = Number(last[0]?.last_at ?? ctx.nowS) + PROTOCOL.faucetIntervalS - ctx.nowS;
    throw new EngineError('FAUCET_COOLDOWN', `The faucet gives each token once a minute; try ${p.token} again in ${Math.max(1, waitS)}s.`, {
      retryAfterS: String(Math.max(1, waitS)),
    });
  }
  const balance = await creditBalance(ctx.tx, owner, p.token, p.amount);
  await ctx.recordEvent({ owner, kind: 'faucet', pool: null, details: { token: p.token, amount: p.amount } });
  return { token: p.token, amount: p.amount, balance };
}
