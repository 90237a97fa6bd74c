import { expect, test } from '@playwright/test';
import { connectBurner, isPhone } from './helpers';

/** Issue 17: the BTC icon renders as SVG, phone tap targets are 44 px, and a server that is still starting says so. */
test.describe('trader trial: shell', () => {
  test('the BTC icon is an SVG (no ₿ glyph that Debian fonts lack)', async ({ page }) => {
    await page.goto('/trade?market=BTC');
    await expect(page.getByTestId('btc-mark').first()).toBeVisible();
    await expect(page.getByText('₿')).toHaveCount(0);
  });

  test('timeframe tabs and the PnL checkbox are 44 px tap targets on a phone', async ({ page }, info) => {
    test.skip(!isPhone(info), 'phones only');
    await page.goto('/trade?market=SOL');
    await connectBurner(page);
    const tabs = page.getByRole('tablist', { name: 'Candle interval' }).getByRole('tab');
    await expect(tabs).toHaveCount(6);
    for (const box of await Promise.all((await tabs.all()).map((t) => t.boundingBox()))) {
      expect(box?.width).toBeGreaterThanOrEqual(44);
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    const pnl = await page.getByTestId('pnl-with-fees').boundingBox();
    expect(pnl?.width).toBeGreaterThanOrEqual(44);
    expect(pnl?.height).toBeGreaterThanOrEqual(44);
  });

  test('while /api/health does not answer yet, the page says the exchange is starting and carries on by itself', async ({ page }) => {
    await page.route('**/api/health', (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'starting' }));
    await page.goto('/trade?market=SOL');
    const starting = page.getByTestId('exchange-starting');
    await expect(starting).toBeVisible({ timeout: 30_000 });
    await expect(starting).toContainText('The exchange is starting…');
    await page.unroute('**/api/health');
    await expect(starting).toBeHidden({ timeout: 15_000 });
    await expect(page.getByTestId('mark-price')).toContainText('$');
  });
});
