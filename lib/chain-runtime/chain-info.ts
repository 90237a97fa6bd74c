/** `GET /api/chain` (api.md): everything a client needs to build, send and explain transactions itself. */
import { TOKEN_IDS, POOL_IDS } from '@/lib/math/ids';
import { PROGRAM_ERRORS } from '@/lib/chain/errors';
import type { ChainRuntime } from './runtime';

export interface ChainInfo {
  cluster: string;
  rpcUrl: string;
  programId: string;
  mints: Record<string, string>;
  oracles: Record<string, string>;
  errors: { code: string; number: number }[];
  slot: string;
}

export function chainInfo(chain: ChainRuntime, rpcUrl: string): ChainInfo {
  const a = chain.addresses;
  const mints: Record<string, string> = {};
  for (const t of TOKEN_IDS) mints[t] = a.mints[t];
  for (const p of POOL_IDS) mints[p] = a.lpMints[p];
  return {
    cluster: chain.cluster,
    rpcUrl,
    programId: a.programId,
    mints,
    oracles: { ...a.oracles },
    errors: PROGRAM_ERRORS.map((e) => ({ code: e.code, number: e.number })),
    slot: chain.slot().toString(),
  };
}
