import { z } from 'zod';
import { clusterConfig, clusterFields, clusterProblems } from './cluster-env';

export type { ClusterConfig } from './cluster-env';

/**
 * Server configuration, validated once at start (`api.md` § Configuration). A bad value throws `ConfigError`
 * with one sentence per problem; `instrumentation.ts` lets it stop the server. The real-cluster variables
 * (`SOLANA_RPC_URL` and what it needs) are in `cluster-env.ts`.
 */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const schema = z
  .object({
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65_535).default(3000)),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default('./.data')),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
        .optional(),
    ),
    ORACLE: z.preprocess(emptyToUndefined, z.enum(['simulated', 'manual', 'pyth']).default('simulated')),
    HERMES_URL: z.preprocess(emptyToUndefined, z.string().url().default('https://hermes.pyth.network')),
    DEVNET: z.preprocess(emptyToUndefined, z.enum(['0', '1']).optional()),
    MAX_PRICE_AGE_S: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3600).default(30)),
    ORACLE_SEED: z.preprocess(emptyToUndefined, z.coerce.number().int().default(42)),
    ORACLE_TICK_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(50).max(60_000).default(1000)),
    ...clusterFields,
  })
  .transform((env) => ({
    port: env.PORT,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    oracle: env.ORACLE,
    hermesUrl: env.HERMES_URL.replace(/\/+$/, ''),
    /** The local network (faucet, dev routes): on by default with the embedded database, off with PostgreSQL or a cluster. */
    devnet: env.DEVNET === undefined ? env.DATABASE_URL === undefined && env.SOLANA_RPC_URL === undefined : env.DEVNET === '1',
    maxPriceAgeS: env.MAX_PRICE_AGE_S,
    oracleSeed: env.ORACLE_SEED,
    oracleTickMs: env.ORACLE_TICK_MS,
    /** A real cluster instead of the local chain; `cluster` is set exactly when this is. */
    solanaRpcUrl: env.SOLANA_RPC_URL,
    cluster: clusterConfig(env),
  }));

export type ServerConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (default `process.env`); throws `ConfigError` naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = schema.safeParse(env);
  // A field's own sentence names it; zod's built-in messages get the name in front.
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => (i.code === 'custom' ? i.message : `${i.path.join('.') || 'env'}: ${i.message}`));
  lines.push(...clusterProblems(env));
  if (!parsed.success || lines.length > 0) throw new ConfigError(`Invalid configuration. ${lines.join('; ')}.`);
  return parsed.data;
}
