/**
 * Intent domain binding on a built server with APP_DOMAIN set (docs/security.md): an intent signed for another
 * domain is refused even when the request's Host header names that domain, so a phishing copy of the site cannot
 * replay what its visitors sign.
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigner, signIntent } from '@/lib/auth/sign-intent';
import { DOMAIN, startServer, type BuiltServer } from '../integration/support/built-server';

function postWithHost(url: string, host: string, body: unknown): Promise<{ status: number; text: string }> {
  const target = new URL('/api/actions', url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

describe('intent domain with APP_DOMAIN set', () => {
  let server: BuiltServer | undefined;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ledger-domain-'));
    server = await startServer({ DATA_DIR: dataDir, DEVNET: '1', ORACLE: 'manual' });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses an intent for another domain, whatever the Host header says', async () => {
    const body = signIntent({ signer: newSigner(), domain: 'phish.example', action: 'faucet', params: { token: 'USDC', amount: '1000000' } });
    const answer = await postWithHost(server?.url ?? '', 'phish.example', body);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'DOMAIN_MISMATCH' } });
  });

  it('accepts the same action signed for APP_DOMAIN', async () => {
    const body = signIntent({ signer: newSigner(), domain: DOMAIN, action: 'faucet', params: { token: 'USDC', amount: '1000000' } });
    const answer = await postWithHost(server?.url ?? '', 'phish.example', body);
    expect(answer.status, answer.text).toBe(200);
  });
});
