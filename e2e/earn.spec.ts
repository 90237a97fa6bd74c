import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { api, collectConsoleErrors, connectBurner, expectNoHorizontalOverflow, newBurnerSeed, ownerOfSeed, toUnits, useBurnerSeed as presetBurnerSeed } from './helpers';
import type { PoolId, TokenId } from '@/lib/math/ids';

/**
 * Earn screen (issue 7), desktop and phone: pools render with their figures; liquidity added and removed through the
 * burner wallet changes balances by exactly the previewed amounts; a ratio-band refusal is explained before signing.
 * Each test uses a fresh burner funded through the faucet (POST /api/dev/faucet); prices of the pool's feeds are pinned (manual feed)
 * at their current value so the preview and the action see the same AUM.
 */

const ALP_FEEDS = ['SOL', 'BTC', 'BONK'] as const;
const RWALP_FEEDS = ['XAU', 'XAG', 'WTI'] as const;

async function pinPrices(request: APIRequestContext, feeds: readonly string[]): Promise<Record<string, string>> {
  const markets = await api(request).markets();
  const prices: Record<string, string> = {};
  for (const m of markets) if (feeds.includes(m.id)) prices[m.id] = m.price;
  await api(request).setPrices(prices, { raw: true });
  return prices;
}

async function fundedBurner(page: Page, request: APIRequestContext, funds: Partial<Record<TokenId, string>>) {
  const seed = newBurnerSeed();
  const owner = ownerOfSeed(seed);
  for (const [token, amount] of Object.entries(funds)) await api(request).faucet(owner, token as TokenId, amount);
  await presetBurnerSeed(page, seed);
  await page.goto('/earn');
  await connectBurner(page);
  return { seed, owner };
}

/** "1,000.5 ALP" → integer units of `decimals` (the preview prints every digit of LP and token amounts). */
function units(text: string, decimals: number): bigint {
  const number = text.replace(/[^\d.]/g, '');
  return BigInt(toUnits(number, decimals));
}

async function textOf(locator: Locator): Promise<string> {
  await expect(locator).toBeVisible();
  return (await locator.textContent()) ?? '';
}

async function balances(request: APIRequestContext, owner: string) {
  const account = await api(request).account(owner);
  return { tokens: account.balances, lp: account.lp };
}

const lpOf = async (request: APIRequestContext, owner: string, pool: PoolId) => BigInt((await balances(request, owner)).lp[pool] ?? '0');
const tokenOf = async (request: APIRequestContext, owner: string, token: TokenId) => BigInt((await balances(request, owner)).tokens[token] ?? '0');

async function addLiquidity(page: Page, pool: PoolId, token: TokenId, amount: string): Promise<bigint> {
  const section = page.getByTestId(`pool-${pool}`);
  await section.getByRole('tab', { name: 'Add' }).click();
  if (pool === 'ALP') await section.getByLabel('Deposit token').selectOption(token);
  await section.getByTestId(`liq-${pool}-amount`).fill(amount);
  const previewed = units(await textOf(section.getByTestId(`liq-${pool}-out`)), 6);
  await expect(section.getByTestId(`liq-${pool}-lp-price`)).toContainText('$');
  await section.getByTestId(`liq-${pool}-submit`).click();
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Liquidity added' })).toBeVisible({ timeout: 30_000 });
  return previewed;
}

async function removeAllLiquidity(page: Page, pool: PoolId, token: TokenId, decimals: number): Promise<bigint> {
  const section = page.getByTestId(`pool-${pool}`);
  await section.getByRole('tab', { name: 'Remove' }).click();
  if (pool === 'ALP') await section.getByLabel('Receive token').selectOption(token);
  await section.getByTestId(`liq-${pool}-max`).click();
  const previewed = units(await textOf(section.getByTestId(`liq-${pool}-out`)), decimals);
  await section.getByTestId(`liq-${pool}-submit`).click();
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Liquidity removed' })).toBeVisible({ timeout: 30_000 });
  return previewed;
}

test.describe('earn', () => {
  test('renders ALP and RWALP with AUM, APR, targets and custodies, accessibly and without overflow', async ({ page }, info) => {
    const console = collectConsoleErrors(page);
    await page.goto('/earn');
    await expect(page.getByRole('heading', { level: 1, name: 'Earn' })).toBeVisible();
    for (const pool of ['ALP', 'RWALP'] as const) {
      const section = page.getByTestId(`pool-${pool}`);
      await expect(section.getByTestId(`aum-${pool}`)).toContainText(/\$[\d,]+/);
      await expect(section.getByTestId(`lp-price-${pool}`)).toContainText(/\$\d/);
      await expect(section.getByTestId(`apr-${pool}`)).toContainText(/%|n\/a/);
      await expect(section.getByTestId(`composition-${pool}`)).toContainText('target');
    }
    for (const token of ['USDC', 'SOL', 'WBTC', 'BONK']) {
      const row = page.getByTestId(`custody-ALP-${token}`);
      await expect(row).toBeVisible();
      await expect(row.getByRole('img', { name: new RegExp(`^${token} is [\\d.]+% of the pool; target`) })).toBeVisible();
    }
    // The stress control recomputes the LP price for a move.
    const stress = page.getByTestId('stress-ALP');
    await stress.getByTestId('stress-ALP-move').fill('-10');
    await expect(stress.getByTestId('stress-ALP-lp-price')).toContainText('$');
    if (info.project.name === 'phone') await expectNoHorizontalOverflow(page);
    const axe = await new AxeBuilder({ page }).include('#main').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(console.errors().filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  test('adds USDC to ALP: the LP balance grows by the preview; removing it pays the previewed USDC', async ({ page, request }) => {
    await pinPrices(request, ALP_FEEDS);
    const { owner } = await fundedBurner(page, request, { USDC: toUnits('2000', 6) });
    const section = page.getByTestId('pool-ALP');
    await expect(section.getByTestId('liq-ALP-balance')).toContainText('2,000');

    const lpBefore = await lpOf(request, owner, 'ALP');
    const lpOut = await addLiquidity(page, 'ALP', 'USDC', '1000');
    expect(lpOut).toBeGreaterThan(0n);
    await expect.poll(() => lpOf(request, owner, 'ALP')).toBe(lpBefore + lpOut);
    await expect(section.getByTestId('lp-balance-ALP')).not.toContainText(/^0 ALP/);

    const usdcBefore = await tokenOf(request, owner, 'USDC');
    const usdcOut = await removeAllLiquidity(page, 'ALP', 'USDC', 6);
    expect(usdcOut).toBeGreaterThan(0n);
    await expect.poll(() => tokenOf(request, owner, 'USDC')).toBe(usdcBefore + usdcOut);
    await expect.poll(() => lpOf(request, owner, 'ALP')).toBe(0n);
  });

  test('explains a ratio-band refusal before signing', async ({ page, request }) => {
    const pinned = await pinPrices(request, ALP_FEEDS);
    const sol = pinned.SOL;
    if (!sol) throw new Error('no SOL market');
    // Doubling SOL puts the SOL custody above its 42% maximum; any SOL deposit would push it further out.
    await api(request).setPrices({ SOL: (BigInt(sol) * 2n).toString() }, { raw: true });
    try {
      const { owner } = await fundedBurner(page, request, { SOL: toUnits('50', 9) });
      const section = page.getByTestId('pool-ALP');
      await expect(page.getByTestId('custody-ALP-SOL').getByRole('img')).toHaveAttribute('aria-label', /SOL is (4[2-9]|[5-9]\d)\.\d+% of the pool/);
      await section.getByLabel('Deposit token').selectOption('SOL');
      // 40 SOL (~$12k at the doubled price) moves a ~$13M pool's SOL share by several bps.
      await section.getByTestId('liq-ALP-amount').fill('40');
      const refusal = section.getByTestId('liq-ALP-refusal');
      await expect(refusal).toHaveText(/^SOL would be [\d.]+% of ALP; the maximum is 42%\.$/);
      await expect(section.getByTestId('liq-ALP-submit')).toBeDisabled();
      // SOL arrives natively (with 0.05 SOL for fees); nothing was wrapped or deposited.
      expect(BigInt((await api(request).account(owner)).sol ?? '0')).toBe(50_050_000_000n);
    } finally {
      await api(request).setPrices({ SOL: sol }, { raw: true });
    }
  });

  test('deposits into and withdraws from RWALP', async ({ page, request }) => {
    await pinPrices(request, RWALP_FEEDS);
    const { owner } = await fundedBurner(page, request, { USDC: toUnits('500', 6) });
    const lpBefore = await lpOf(request, owner, 'RWALP');
    const lpOut = await addLiquidity(page, 'RWALP', 'USDC', '250');
    await expect.poll(() => lpOf(request, owner, 'RWALP')).toBe(lpBefore + lpOut);

    const usdcBefore = await tokenOf(request, owner, 'USDC');
    const usdcOut = await removeAllLiquidity(page, 'RWALP', 'USDC', 6);
    await expect.poll(() => tokenOf(request, owner, 'USDC')).toBe(usdcBefore + usdcOut);
    await expect.poll(() => lpOf(request, owner, 'RWALP')).toBe(0n);
  });

  test('shows the pool’s exposure per market and side, and the LPs’ side of it', async ({ page, request }) => {
    const seed = newBurnerSeed();
    const client = api(request);
    await client.faucet(ownerOfSeed(seed), 'USDC', toUnits('100', 6));
    // A 10x SOL short on 50 USDC: the pool now carries $500 of short exposure on SOL.
    const opened = await client.chainAction({
      seed,
      action: 'openPosition',
      params: { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: toUnits('50', 6), leverageBps: '100000', acceptablePrice: '1' },
    });
    expect(opened.ok, JSON.stringify(opened.body)).toBe(true);
    const id = opened.accounts.position ?? '';
    try {
      await page.goto('/earn');
      const exposure = page.getByTestId('exposure-ALP');
      await expect(exposure.getByRole('row', { name: /SOL short/ })).toBeVisible();
      await expect(exposure.getByRole('row', { name: /Total/ })).toContainText('$');
    } finally {
      const closed = await client.chainAction({ seed, action: 'closePosition', params: { positionId: id, acceptablePrice: toUnits('100000000', 10) } });
      expect(closed.ok, JSON.stringify(closed.body)).toBe(true);
    }
  });
});
