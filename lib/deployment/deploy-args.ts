/** The command line of `npm run deploy:program` (scripts/deploy-program.ts), parsed and checked. */
import { parseArgs } from 'node:util';
import { isAddress, type Address } from '@solana/kit';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { parseAddressList } from '@/lib/config/address-list';
import { MINT_TOKENS, type MintToken } from './cluster-deploy';

export const DEFAULT_PROGRAM_KEYPAIR = '.deploy/poolperps-program-keypair.json';

export const DEPLOY_USAGE = `npm run deploy:program -- --url <rpc> --keypair <admin.json> [options]

  --url <rpc>                  the cluster's JSON-RPC (http:// or https://)
  --keypair <file>             the admin: pays, is the upgrade authority and initialises (solana-keygen JSON)
  --program-keypair <file>     the program's keypair (default ${DEFAULT_PROGRAM_KEYPAIR}, created if missing)
  --oracle pyth|local          Pyth's PriceUpdateV2 accounts, or the program's own price accounts written by the
                               oracle authority (default: pyth on mainnet-beta, devnet, testnet; local elsewhere)
  --oracle-authority <pubkey>  who writes the local price accounts (default: the admin)
  --oracles SOL=<addr>,…       Pyth price accounts (default: Pyth's sponsored feed accounts, shard 0)
  --mints USDC=<addr>,WBTC=<addr>,BONK=<addr>   existing mints (SOL is the native mint)
  --create-mints               create the mints not given (the admin is their mint authority)
  --seed-genesis               seed §9's genesis liquidity from the admin (mints it controls, and the SOL)
  --max-price-age <s>          the program's staleness limit (default 30)

A re-run skips what exists; a program whose bytes differ from program/dist/poolperps.so is upgraded (the admin
must be its upgrade authority). The environment to run the app against the deployment goes to stdout, progress to
stderr.`;

export interface DeployArgs {
  url: string;
  keypair: string;
  programKeypair: string;
  oracle: 'pyth' | 'local' | undefined;
  oracleAuthority: Address | undefined;
  oracles: Partial<Record<FeedId, Address>> | undefined;
  mints: Partial<Record<MintToken, Address>> | undefined;
  createMints: boolean;
  seedGenesis: boolean;
  maxPriceAgeS: bigint;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseDeployArgs(argv: readonly string[]): DeployArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        url: { type: 'string' },
        keypair: { type: 'string' },
        'program-keypair': { type: 'string', default: DEFAULT_PROGRAM_KEYPAIR },
        oracle: { type: 'string' },
        'oracle-authority': { type: 'string' },
        oracles: { type: 'string' },
        mints: { type: 'string' },
        'create-mints': { type: 'boolean', default: false },
        'seed-genesis': { type: 'boolean', default: false },
        'max-price-age': { type: 'string', default: '30' },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const problems: string[] = [];
  const url = values.url;
  if (!url) problems.push('--url is required');
  else if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) problems.push(`--url ${url} is not an http:// or https:// URL`);
  if (!values.keypair) problems.push('--keypair is required (the admin keypair file)');
  const oracle = values.oracle;
  if (oracle !== undefined && oracle !== 'pyth' && oracle !== 'local') problems.push(`--oracle is pyth or local, not ${oracle}`);
  const authority = values['oracle-authority'];
  if (authority !== undefined && !isAddress(authority)) problems.push(`--oracle-authority ${authority} is not a base58 address`);
  if (authority !== undefined && oracle === 'pyth') problems.push('--oracle-authority is for --oracle local (nobody writes Pyth accounts but Pyth)');
  const list = <K extends string>(flag: string, text: string | undefined, names: readonly K[]) => {
    if (text === undefined) return undefined;
    const parsed = parseAddressList(text, names);
    if (parsed.ok) return parsed.value;
    problems.push(...parsed.problems.map((p) => `${flag} ${p}`));
    return undefined;
  };
  const oracles = list('--oracles', values.oracles, FEED_IDS);
  const mints = list('--mints', values.mints, MINT_TOKENS);
  if (!/^\d{1,5}$/.test(values['max-price-age']) || Number(values['max-price-age']) < 1) problems.push(`--max-price-age is a whole number of seconds, not ${values['max-price-age']}`);
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return {
    url: url!,
    keypair: values.keypair!,
    programKeypair: values['program-keypair'],
    oracle: oracle as DeployArgs['oracle'],
    oracleAuthority: authority as Address | undefined,
    oracles,
    mints,
    createMints: values['create-mints'],
    seedGenesis: values['seed-genesis'],
    maxPriceAgeS: BigInt(values['max-price-age']),
  };
}
