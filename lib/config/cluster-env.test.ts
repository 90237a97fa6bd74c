import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';
import { parseAddressList } from './address-list';

const PROGRAM = 'BWSyrnwHkxoCbTyXes8MXdw7XZWAHSJhNrKdGiwZHWk8';
const USDC = 'Djn3oMLAmoQ2cwyxZAYM8acgb6E8EvVc7zf4gmWAadHU';
const WBTC = 'HAmhwzsYaSqJEzTKwGgd6X5zo89eeyiJMPVsWtyPWJ9j';
const BONK = 'DVFgAoiNgbZ4Kx1eLiqFEpjDxAqnaRAYffgGR9jEWk8Y';
const SOL_PYTH = '7UVimffxr9ow1uXYxsr4LHAcV58mLzhmwaeKvJ1pjLiE';
const CLUSTER = { SOLANA_RPC_URL: 'https://api.devnet.solana.com', PROGRAM_ID: PROGRAM, MINT_USDC: USDC, MINT_WBTC: WBTC, MINT_BONK: BONK };
const ALL_FEEDS = `SOL=${SOL_PYTH},BTC=${USDC},BONK=${BONK},USDC=${USDC},XAU=${WBTC},XAG=${WBTC},WTI=${WBTC}`;

const dir = mkdtempSync(join(tmpdir(), 'cluster-env-'));
const keypair = join(dir, 'keeper.json');
writeFileSync(keypair, JSON.stringify(Array.from({ length: 64 }, (_, i) => i)));
const notKeypair = join(dir, 'bad.json');
writeFileSync(notKeypair, '[1,2,3]');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('the real-cluster configuration', () => {
  it('is off by default: the local chain, devnet on', () => {
    const c = loadConfig({});
    expect(c.cluster).toBeUndefined();
    expect(c.solanaRpcUrl).toBeUndefined();
    expect(c.devnet).toBe(true);
  });

  it('with SOLANA_RPC_URL and the deployment: the cluster, devnet off unless set', () => {
    const c = loadConfig({ ...CLUSTER, ORACLE_ACCOUNTS: ALL_FEEDS, KEEPER_KEYPAIR: keypair });
    expect(c.devnet).toBe(false);
    expect(c.solanaRpcUrl).toBe(CLUSTER.SOLANA_RPC_URL);
    expect(c.cluster).toEqual({
      rpcUrl: CLUSTER.SOLANA_RPC_URL,
      wsUrl: undefined,
      publicRpcUrl: CLUSTER.SOLANA_RPC_URL,
      programId: PROGRAM,
      mints: { USDC, WBTC, BONK },
      oracleAccounts: { SOL: SOL_PYTH, BTC: USDC, BONK, USDC, XAU: WBTC, XAG: WBTC, WTI: WBTC },
      keeperKeypair: keypair,
      oracleAuthorityKeypair: undefined,
    });
    expect(loadConfig({ ...CLUSTER, DEVNET: '1' }).devnet).toBe(true);
    expect(loadConfig({ ...CLUSTER, SOLANA_WS_URL: 'wss://api.devnet.solana.com', SOLANA_PUBLIC_RPC_URL: 'https://public.example' }).cluster).toMatchObject({ wsUrl: 'wss://api.devnet.solana.com', publicRpcUrl: 'https://public.example' });
  });

  it.each([
    [{ SOLANA_RPC_URL: 'http://127.0.0.1:8899' }, 'SOLANA_RPC_URL is set, so PROGRAM_ID must be too (npm run deploy:program prints it); SOLANA_RPC_URL is set, so MINT_USDC must be too'],
    [{ ...CLUSTER, SOLANA_RPC_URL: 'ws://x' }, 'SOLANA_RPC_URL must be a http:// or https:// URL'],
    [{ ...CLUSTER, SOLANA_WS_URL: 'http://x' }, 'SOLANA_WS_URL must be a ws:// or wss:// URL'],
    [{ ...CLUSTER, PROGRAM_ID: 'not-an-address' }, 'PROGRAM_ID must be a base58 Solana address'],
    [{ ...CLUSTER, ORACLE_ACCOUNTS: `SOL=${SOL_PYTH}` }, 'ORACLE_ACCOUNTS must name every one of SOL, BTC, BONK, USDC, XAU, XAG, WTI (missing BTC, BONK, USDC, XAU, XAG, WTI)'],
    [{ ...CLUSTER, ORACLE_ACCOUNTS: '{"SOL": 1' }, 'ORACLE_ACCOUNTS is not valid JSON'],
    [{ ...CLUSTER, KEEPER_KEYPAIR: join(dir, 'missing.json') }, `KEEPER_KEYPAIR names ${join(dir, 'missing.json')}, which cannot be read (no such file)`],
    [{ ...CLUSTER, ORACLE_AUTHORITY_KEYPAIR: notKeypair }, `ORACLE_AUTHORITY_KEYPAIR names ${notKeypair}, which is not a keypair file`],
    [{ PROGRAM_ID: PROGRAM }, 'PROGRAM_ID is only used with SOLANA_RPC_URL (the local chain deploys its own program and keys)'],
    [{ KEEPER_KEYPAIR: keypair }, 'KEEPER_KEYPAIR is only used with SOLANA_RPC_URL'],
  ])('refuses %j with a sentence naming it', (env, message) => {
    expect(problems(env)).toContain(message);
  });

  it('reports every problem at once, with the other variables', () => {
    const message = problems({ PORT: 'x', SOLANA_RPC_URL: 'http://127.0.0.1:8899', PROGRAM_ID: PROGRAM });
    expect(message).toMatch(/^Invalid configuration\. PORT: .*; SOLANA_RPC_URL is set, so MINT_USDC must be too .*MINT_BONK must be too \(npm run deploy:program prints it\)\.$/);
  });
});

describe('parseAddressList', () => {
  it.each([
    [`{"sol": "${SOL_PYTH}", "BTC": "${USDC}"}`, { SOL: SOL_PYTH, BTC: USDC }],
    [` SOL = ${SOL_PYTH} , BTC=${USDC}, `, { SOL: SOL_PYTH, BTC: USDC }],
  ])('reads JSON and NAME=address lists: %s', (text, value) => {
    expect(parseAddressList(text, ['SOL', 'BTC'])).toEqual({ ok: true, value });
  });

  it.each([
    [`SOL=${SOL_PYTH},SOL=${USDC}`, 'gives SOL twice'],
    [`ETH=${USDC}`, 'names ETH, which is none of SOL, BTC'],
    ['SOL', '"SOL" is not NAME=address'],
    ['["x"]', 'must be a JSON object of name to address'],
    ['{"SOL": 5}', 'gives SOL "5", which is not a base58 address'],
  ])('refuses %s', (text, problem) => {
    expect(parseAddressList(text, ['SOL', 'BTC'])).toEqual({ ok: false, problems: [problem] });
  });
});
