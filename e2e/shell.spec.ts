import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { api, collectConsoleErrors, connectBurner, expectNoHorizontalOverflow, getTestFunds } from './helpers';

const MARKETS = ['SOL', 'BTC', 'BONK', 'XAU', 'XAG', 'WTI'];
const isPhone = (name: string) => name === 'phone';

test.describe('app shell', () => {
  test('renders the header, the ticker and the navigation without console errors', async ({ page }, info) => {
    const console = collectConsoleErrors(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/trade/);
    await expect(page.getByRole('link', { name: 'PoolPerps home' })).toBeVisible();
    for (const id of MARKETS) await expect(page.getByTestId(`ticker-${id}`)).toBeAttached();
    // Prices arrive from /api/markets and the stream.
    await expect(page.getByTestId('ticker-SOL')).toContainText('$');
    await expect(page.getByTestId('ticker-BTC')).toContainText(/\$[\d,]+\.\d/);

    // One navigation shows at a time: in the header on desktop, as a bottom tab bar on phones.
    const headerNav = page.getByTestId('header-nav');
    const tabBar = page.getByTestId('tab-bar');
    const visibleNav = page.getByRole('navigation', { name: 'Main' });
    await expect(visibleNav).toHaveCount(1);
    await expect(visibleNav.getByRole('link', { name: 'Trade' })).toHaveAttribute('aria-current', 'page');
    if (isPhone(info.project.name)) {
      await expect(headerNav).toBeHidden();
      await expect(tabBar).toBeVisible();
      await expectNoHorizontalOverflow(page);
    } else {
      await expect(headerNav).toBeVisible();
      await expect(tabBar).toBeHidden();
    }
    await expect(page.getByTestId('connect-wallet')).toBeVisible();
    expect(console.errors()).toEqual([]);
  });

  test('navigates between Trade, Earn and Portfolio', async ({ page }, info) => {
    await page.goto('/trade');
    const visibleNav = page.getByRole('navigation', { name: 'Main' });
    for (const [label, path] of [
      ['Earn', '/earn'],
      ['Portfolio', '/portfolio'],
      ['Trade', '/trade'],
    ] as const) {
      await visibleNav.getByRole('link', { name: label }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(visibleNav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
      if (isPhone(info.project.name)) await expectNoHorizontalOverflow(page);
    }
  });

  test('connecting the burner wallet shows its address, which survives a reload', async ({ page }) => {
    const console = collectConsoleErrors(page);
    await page.goto('/trade');
    const address = await connectBurner(page);
    expect(address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    await expect(page.getByTestId('wallet-address')).toHaveText(`${address.slice(0, 4)}…${address.slice(-4)}`);

    await page.reload();
    await expect(page.getByTestId('wallet-address')).toHaveText(`${address.slice(0, 4)}…${address.slice(-4)}`);
    await expect(page.getByTestId('account-button')).toHaveAttribute('title', address);
    expect(console.errors()).toEqual([]);
  });

  test('the account menu replaces the burner and disconnects', async ({ page }) => {
    await page.goto('/trade');
    const first = await connectBurner(page);
    await page.getByTestId('account-button').click();
    await expect(page.getByTestId('wallet-full-address')).toHaveText(first);
    await page.getByTestId('new-burner').click();
    await expect(page.getByTestId('account-button')).not.toHaveAttribute('title', first);
    const second = await page.getByTestId('account-button').getAttribute('title');

    await page.reload();
    await expect(page.getByTestId('account-button')).toHaveAttribute('title', second ?? '');

    await page.getByTestId('account-button').click();
    await page.getByTestId('disconnect-wallet').click();
    await expect(page.getByTestId('connect-wallet')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('connect-wallet')).toBeVisible();
  });

  test('"Get test funds" draws the faucet for the burner and credits its token accounts', async ({ page, request }) => {
    await page.goto('/trade');
    const owner = await connectBurner(page);
    await getTestFunds(page);
    // USDC is drawn first: it always arrives (further tokens may wait for the faucet's cooldown).
    await expect.poll(async () => BigInt((await api(request).account(owner)).balances.USDC ?? '0')).toBe(10_000_000_000n);
  });

  test('header, ticker, navigation and the wallet picker have no serious accessibility violations', async ({ page }) => {
    await page.goto('/trade');
    await expect(page.getByTestId('ticker-SOL')).toContainText('$');
    const scan = async () =>
      (await new AxeBuilder({ page }).include('header').include('nav').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(await scan()).toEqual([]);
    await page.getByTestId('connect-wallet').click();
    await expect(page.getByTestId('wallet-option-burner')).toBeVisible();
    const dialog = (await new AxeBuilder({ page }).include('dialog').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(dialog).toEqual([]);
  });
});
