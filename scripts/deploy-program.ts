/**
 * `npm run deploy:program -- --url <rpc> --keypair <admin.json> [options]` (chain.md § A real cluster): deploys
 * program/dist/poolperps.so through the upgradeable loader to the RPC, creates the mints if asked, initialises the
 * pools (and §9's genesis with --seed-genesis), then prints the environment that runs the app against it. A
 * re-run skips what exists, and upgrades the program when its bytes on the cluster differ from the binary.
 * Options: lib/deployment/deploy-args.ts (`--help`).
 *
 * Exit codes: 0 deployed, upgraded or already there, 1 refused (a sentence says why), 2 usage.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { clusterName, clusterRpc } from '@/lib/chain-runtime/cluster-rpc';
import { deployToCluster, DeployError } from '@/lib/deployment/cluster-deploy';
import { DEPLOY_USAGE, parseDeployArgs, UsageError } from '@/lib/deployment/deploy-args';
import { signerFromKeypairFile, writeNewKeypairFile } from '@/lib/deployment/keys';
import { programBytes } from '@/lib/chain/testing/program-bytes';
import { ORACLE_LOCAL } from '@/lib/chain/accounts';

const progress = (line: string) => console.error(`deploy:program: ${line}`);

async function keypair(flag: string, path: string) {
  try {
    return await signerFromKeypairFile(path);
  } catch (e) {
    throw new DeployError(`${flag} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(DEPLOY_USAGE);
    return 0;
  }
  let args;
  try {
    args = parseDeployArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`deploy:program: ${e.message}.\n\n${DEPLOY_USAGE}`);
    return 2;
  }
  try {
    const admin = await keypair('--keypair', args.keypair);
    const programFile = resolve(args.programKeypair);
    const created = !existsSync(programFile);
    const program = created ? await writeNewKeypairFile(programFile) : await keypair('--program-keypair', programFile);
    progress(`${created ? 'new program keypair' : 'program keypair'} ${programFile} (${program.address}); admin ${admin.address}`);
    const cluster = clusterName(await clusterRpc(args.url).genesisHash());
    const oracle = args.oracle ?? (cluster === 'custom' ? 'local' : 'pyth');
    progress(`cluster ${cluster} at ${args.url}; ${oracle} price accounts`);
    const result = await deployToCluster({
      url: args.url,
      admin,
      program,
      bytes: programBytes(),
      oracle,
      oracleAuthority: args.oracleAuthority,
      oracles: args.oracles,
      mints: args.mints,
      createMints: args.createMints,
      seedGenesis: args.seedGenesis,
      maxPriceAgeS: args.maxPriceAgeS,
      log: progress,
    });
    progress('done');
    console.log('# The app against this deployment (.env, or the environment of npm start):');
    for (const [k, v] of result.env) console.log(`${k}=${v}`);
    if (result.oracleKind === ORACLE_LOCAL) {
      const own = !args.oracleAuthority || args.oracleAuthority === admin.address;
      console.log(`# The program's own price accounts: the instance that publishes prices needs the oracle authority's keypair${own ? ' (here the admin)' : ''}.`);
      console.log(own ? `ORACLE_AUTHORITY_KEYPAIR=${resolve(args.keypair)}` : `# ORACLE_AUTHORITY_KEYPAIR=<keypair file of ${args.oracleAuthority}>`);
    }
    console.log('# A funded keypair file for the instances that may run the keeper:');
    console.log('# KEEPER_KEYPAIR=<keypair.json>');
    return 0;
  } catch (e) {
    if (e instanceof DeployError) {
      console.error(`deploy:program: ${e.message}.`);
      return 1;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`deploy:program: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
