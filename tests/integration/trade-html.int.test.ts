/**
 * /trade's first HTML (issue 8). React streams a `<Suspense>` boundary of over 500 bytes after the shell (a hidden
 * `<div id="S:n">` revealed by script a frame later) once the first flush holds about 12.8 kB: only the ticker, the
 * market figures and the chart, whose boxes are fixed, may be streamed so; the market selector, the ticket bar, the
 * account panel (the page's largest text on a phone) and the tab bar must be in the shell, or they paint late and
 * shift the page (Lighthouse LCP and CLS). See components/trade/TradeScreen.tsx. The page renders with the server's
 * first answers (issue 16, lib/server/first-answers.ts): prices and the day's figures are in the HTML.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type BuiltServer } from './support/built-server';

let server: BuiltServer | undefined;
let dataDir = '';
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'trade-html-'));
  server = await startServer({ DATA_DIR: dataDir, DEVNET: '1', ORACLE: 'manual' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('renders the market bar, ticket bar, account panel and tab bar in the shell; streams only fixed boxes', async () => {
  const html = await (await fetch(`${server?.url}/trade?market=BTC`)).text();
  const firstStreamed = html.search(/<div hidden id="S:\d+">/);
  const shell = firstStreamed < 0 ? html : html.slice(0, firstStreamed);
  expect(shell).toContain('data-testid="market-selector"');
  expect(shell).toContain('data-testid="phone-ticket-bar"');
  expect(shell).toContain('Connect a wallet to see your positions.');
  expect(shell).toContain('data-testid="tab-bar"');
  const streamed = [...html.matchAll(/<div hidden id="S:\d+">(.{0,160})/gs)].map((m) => m[1] ?? '');
  for (const segment of streamed) expect(segment).toMatch(/aria-label="Markets"|data-testid="market-stats"|aria-label="BTC chart"/);
  expect(html).toContain('aria-label="BTC chart"');
  // The first answers: the day's high in the market figures, BTC's price in the selector (not placeholders).
  expect(html).toMatch(/24h high<\/span><span[^>]*>\$\d/);
  expect(html).toMatch(/data-testid="market-tab-BTC"[\s\S]{0,600}\$\d{2},\d{3}/);
});
