/**
 * `npm run deploy:program` against a LocalChain's own JSON-RPC on loopback: the program through the upgradeable
 * loader, new mints, every initialisation account and §9's genesis, all decoded; a re-run sends nothing and says
 * what it skipped; the command line prints the environment; refusals are sentences.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKET_IDS, POOL_IDS, type FeedId } from '@/lib/math/ids';
import { GENESIS, POOLS } from '@/lib/math/params';
import { decodeConfig, decodeCustody, decodeMarket, decodeMintSupply, decodePrice, ORACLE_LOCAL } from '@/lib/chain/accounts';
import { custodyOf, localPriceAccounts } from '@/lib/chain/addresses';
import { programDataAddress } from '@/lib/chain/pda';
import { accountKind } from '@/lib/chain/tags';
import { programBytes } from '@/lib/chain/testing/program-bytes';
import type { ClusterDeployResult } from '@/lib/deployment/cluster-deploy';
import { BPF_LOADER_UPGRADEABLE } from '@/lib/deployment/existing';
import { parseDeployArgs, UsageError } from '@/lib/deployment/deploy-args';
import { pythPriceFeedAccount } from '@/lib/deployment/pyth-accounts';
import { deployLocalOracle, startLoopbackCluster, type LoopbackCluster } from './support';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

describe('deploy:program against a loopback RPC', () => {
  let c: LoopbackCluster;
  let first: ClusterDeployResult;
  const steps: string[] = [];

  beforeAll(async () => {
    c = await startLoopbackCluster();
    first = await deployLocalOracle(c, { log: (l) => steps.push(l) });
  }, 180_000);
  afterAll(async () => {
    await c?.close();
  });

  it('deploys the committed binary through the upgradeable loader', async () => {
    const a = first.addresses;
    expect(a.programId).toBe(c.program.signer.address);
    const program = c.chain.getAccount(a.programId)!;
    expect(program.owner).toBe(BPF_LOADER_UPGRADEABLE);
    expect(program.executable).toBe(true);
    const data = c.chain.getAccount(await programDataAddress(a.programId))!.data;
    expect(Buffer.from(data.subarray(45, 45 + programBytes().length)).equals(Buffer.from(programBytes()))).toBe(true);
    expect(steps.some((s) => s.startsWith('deploying program/dist/poolperps.so'))).toBe(true);
  });

  it('initialises every account and seeds §9 genesis; each decodes', async () => {
    const a = first.addresses;
    const account = (x: Parameters<typeof c.chain.getAccount>[0]) => {
      const found = c.chain.getAccount(x);
      if (!found) throw new Error(`${x} missing`);
      return found.data;
    };
    const config = decodeConfig(account(a.config));
    expect(config).toMatchObject({ admin: c.admin.signer.address, oracleAuthority: c.admin.signer.address, oracleKind: ORACLE_LOCAL, maxPriceAgeS: 30n });
    for (const pool of POOL_IDS) {
      expect(accountKind(account(a.pools[pool]))).toBe('pool');
      expect(decodeMintSupply(account(a.lpMints[pool])).supply).toBe(GENESIS.pools[pool].lpSupply);
      for (const token of POOLS[pool].custodies) {
        const custody = decodeCustody(account(custodyOf(a, pool, token)));
        expect(custody.mint).toBe(a.mints[token]);
        expect(custody.owned).toBe(GENESIS.pools[pool].custodies[token]);
      }
    }
    for (const market of MARKET_IDS) expect(decodeMarket(account(a.markets[market])).index).toBe(MARKET_IDS.indexOf(market));
    expect(a.oracles).toEqual(await localPriceAccounts(a.programId));
    for (const address of Object.values(a.oracles)) expect(decodePrice(account(address)).price).toBe(0n);
    expect(first.env).toEqual([
      ['SOLANA_RPC_URL', c.server.url],
      ['PROGRAM_ID', a.programId],
      ['MINT_USDC', a.mints.USDC],
      ['MINT_WBTC', a.mints.WBTC],
      ['MINT_BONK', a.mints.BONK],
    ]);
  });

  it('a re-run sends no transaction: the program, mints, accounts and genesis exist', async () => {
    const before = c.chain.transactionCount;
    const log: string[] = [];
    const again = await deployLocalOracle(c, { log: (l) => log.push(l) });
    expect(again.addresses).toEqual(first.addresses);
    expect(c.chain.transactionCount).toBe(before);
    expect(log).toEqual([`program ${first.addresses.programId} exists with the same bytes; skipped`, 'config exists: initialising what is missing', 'genesis liquidity exists; skipped']);
  }, 60_000);

  it('refuses what contradicts the deployment, in a sentence', async () => {
    await expect(deployLocalOracle(c, { oracle: 'pyth' })).rejects.toThrow('the program is initialised with local price accounts, not --oracle pyth');
    await expect(deployLocalOracle(c, { mints: { USDC: first.addresses.mints.BONK } })).rejects.toThrow(`the program's USDC custody holds mint ${first.addresses.mints.USDC}, not --mints USDC=${first.addresses.mints.BONK}`);
  });

  it('the command line re-runs idempotently and prints the environment', async () => {
    const { stdout, stderr } = await run(TSX, ['scripts/deploy-program.ts', '--url', c.server.url, '--keypair', c.admin.path, '--program-keypair', c.program.path], { cwd: process.cwd() });
    const a = first.addresses;
    expect(stdout).toContain(`SOLANA_RPC_URL=${c.server.url}\nPROGRAM_ID=${a.programId}\nMINT_USDC=${a.mints.USDC}\nMINT_WBTC=${a.mints.WBTC}\nMINT_BONK=${a.mints.BONK}\n`);
    expect(stdout).toContain(`ORACLE_AUTHORITY_KEYPAIR=${c.admin.path}`);
    expect(stderr).toContain('cluster custom at');
    expect(stderr).toContain('; local price accounts');
    expect(stderr).toContain('skipped');
  }, 60_000);

  it('the command line refuses bad usage with exit code 2', async () => {
    const failed = await run(TSX, ['scripts/deploy-program.ts', '--keypair', c.admin.path, '--oracle', 'chainlink'], { cwd: process.cwd() }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('--url is required; --oracle is pyth or local, not chainlink');
  }, 60_000);
});

describe('parseDeployArgs', () => {
  it('parses every option', () => {
    const args = parseDeployArgs([
      '--url', 'https://api.devnet.solana.com', '--keypair', 'admin.json', '--oracle', 'local',
      '--oracle-authority', '11111111111111111111111111111111', '--mints', 'usdc=So11111111111111111111111111111111111111112',
      '--create-mints', '--seed-genesis', '--max-price-age', '60',
    ]);
    expect(args).toMatchObject({ url: 'https://api.devnet.solana.com', keypair: 'admin.json', programKeypair: '.deploy/poolperps-program-keypair.json', oracle: 'local', createMints: true, seedGenesis: true, maxPriceAgeS: 60n });
    expect(args.mints).toEqual({ USDC: 'So11111111111111111111111111111111111111112' });
  });

  it.each([
    [['--url', 'ftp://x', '--keypair', 'k'], '--url ftp://x is not an http:// or https:// URL'],
    [['--url', 'http://x', '--keypair', 'k', '--mints', 'DOGE=1'], '--mints names DOGE, which is none of USDC, WBTC, BONK'],
    [['--url', 'http://x', '--keypair', 'k', '--oracles', 'SOL=nope'], '--oracles gives SOL "nope", which is not a base58 address'],
    [['--url', 'http://x', '--keypair', 'k', '--oracle', 'pyth', '--oracle-authority', '11111111111111111111111111111111'], '--oracle-authority is for --oracle local'],
    [['--url', 'http://x', '--keypair', 'k', '--max-price-age', '0'], '--max-price-age is a whole number of seconds, not 0'],
    [['--url', 'http://x', '--keypair', 'k', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseDeployArgs(argv)).toThrow(UsageError);
    expect(() => parseDeployArgs(argv)).toThrow(message);
  });
});

describe('Pyth sponsored price feed accounts', () => {
  it('derive from the push oracle program, shard 0 (SOL/USD is 7UVimffxr9ow1uXYxsr4LHAcV58mLzhmwaeKvJ1pjLiE)', async () => {
    const feed: FeedId = 'SOL';
    expect(await pythPriceFeedAccount(feed)).toBe('7UVimffxr9ow1uXYxsr4LHAcV58mLzhmwaeKvJ1pjLiE');
  });
});
