/**
 * Does the configured deployment (PROGRAM_ID, the mints, ORACLE_ACCOUNTS) match what is on the cluster? Read from
 * a loaded ChainState: the config, every custody (derived from the mints), every market and LP mint, and the
 * price account each custody and market reads. One sentence per problem, naming the variable to fix and, where
 * the chain says it, the value to give it.
 */
import { FEED_IDS, MARKET_IDS, POOL_IDS, TOKEN_IDS, type FeedId } from '@/lib/math/ids';
import { MARKETS, POOLS, TOKENS } from '@/lib/math/params';
import { formatAddressList } from '@/lib/config/address-list';
import { custodyOf } from '@/lib/chain/addresses';
import type { Address } from '@solana/kit';
import type { ChainState } from './chain-state';

export function deploymentProblems(state: ChainState, o: { oraclesConfigured: boolean }): string[] {
  const a = state.addresses;
  if (!state.config) {
    return [`PROGRAM_ID ${a.programId} has no initialised config account (${a.config}) on SOLANA_RPC_URL: deploy and initialise it with npm run deploy:program, or fix PROGRAM_ID`];
  }
  const problems: string[] = [];
  for (const pool of POOL_IDS) {
    for (const token of POOLS[pool].custodies) {
      if (state.custodies.has(custodyOf(a, pool, token))) continue;
      problems.push(
        token === 'SOL'
          ? `the program has no ${pool} SOL custody: is PROGRAM_ID the deployment you meant?`
          : `MINT_${token} ${a.mints[token]} is not the mint the program was initialised with (it has no ${pool} custody for it)`,
      );
    }
    if (!state.lpSupply.has(pool)) problems.push(`the program's ${pool} LP mint ${a.lpMints[pool]} is missing: is PROGRAM_ID the deployment you meant?`);
  }
  // The price account the program reads per feed, from its markets and custodies.
  const onChain = new Map<FeedId, Address>();
  for (const market of MARKET_IDS) {
    const m = state.markets.get(a.markets[market]);
    if (!m) problems.push(`the program has no ${market} market (${a.markets[market]}): is its initialisation finished (npm run deploy:program)?`);
    else onChain.set(MARKETS[market].feed, m.oracle);
  }
  for (const c of state.custodies.values()) {
    const token = TOKEN_IDS.find((t) => a.mints[t] === c.mint);
    if (token && token !== 'USDC' && !onChain.has(TOKENS[token].feed)) onChain.set(TOKENS[token].feed, c.oracle);
  }
  const wrong = FEED_IDS.filter((f) => onChain.has(f) && onChain.get(f) !== a.oracles[f]);
  if (wrong.length > 0) {
    const want = formatAddressList(FEED_IDS, Object.fromEntries(FEED_IDS.map((f) => [f, onChain.get(f) ?? a.oracles[f]])) as Record<FeedId, Address>);
    problems.push(
      `${o.oraclesConfigured ? 'ORACLE_ACCOUNTS names' : 'ORACLE_ACCOUNTS is unset, so the server reads the local price accounts, but'} ${wrong.join(', ')} ${o.oraclesConfigured ? 'price accounts the program does not read' : 'are read by the program elsewhere'}: set ORACLE_ACCOUNTS=${want}`,
    );
  }
  return problems;
}
