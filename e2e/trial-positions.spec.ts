import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { api, fillTicket, fundedTrader, isPhone, openTicket, setPrices, shot, submitTicket, waitForHydration } from './helpers';

/**
 * Issue 17, after the first trade: the close dialog previews exactly what closes (and refuses what it cannot), the
 * payout can come in USDC, the TP/SL dialog shows PnL at each trigger with valid presets only, history rows say what
 * happened, and the portfolio totals agree with the rows.
 */
test.describe('trader trial: positions, history, portfolio', () => {
  test.beforeEach(async ({ request }) => {
    test.slow(); // several transactions each, signed and confirmed on the local chain
    await setPrices(request, { SOL: '150' });
  });

  async function openLong(page: Page, info: TestInfo, leverage = '10') {
    const ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '100', leverage });
    await submitTicket(page, ticket, /Position opened/);
    return page.getByTestId('position-SOL-long');
  }

  test('the close dialog closes nothing by default, refuses more than the position, and previews exactly what closes', async ({ page, request }, info) => {
    await fundedTrader(page, request, '/trade?market=SOL');
    const row = await openLong(page, info);
    const size = (await row.getByTestId('position-size').textContent()) ?? '';
    await row.getByTestId('position-close').click();
    const dialog = page.getByTestId('close-dialog');
    const confirm = dialog.getByTestId('close-confirm');
    await expect(confirm).toBeDisabled();
    await expect(confirm).toHaveText('Choose how much to close');

    await dialog.getByTestId('close-amount').fill('5000');
    await expect(dialog.getByTestId('close-issue')).toHaveText(`That is more than the position's size (${size}). Choose 100% to close all of it.`);
    await expect(confirm).toBeDisabled();
    await dialog.getByTestId('close-amount').fill('');
    await expect(confirm).toBeDisabled(); // an emptied field never means "all of it"

    await dialog.getByTestId('close-amount').fill('1');
    await expect(dialog.getByTestId('close-rounding')).toContainText('$1.00 rounds up to');
    const closed = /which closes (\$[\d,.]+)\./.exec((await dialog.getByTestId('close-rounding').textContent()) ?? '')?.[1];
    await expect(dialog.getByTestId('close-size')).toHaveText(closed ?? 'missing');
    await expect(confirm).toHaveText(new RegExp(`^Close \\${closed} \\(`));

    await dialog.getByRole('button', { name: '50%' }).click();
    await expect(dialog.getByTestId('close-amount')).toHaveValue('');
    await expect(confirm).toBeEnabled();
    await dialog.getByTestId('close-payout-token-USDC').click();
    await expect(dialog.getByTestId('close-swap-note')).toContainText('Two signatures');
    await expect(dialog.getByTestId('close-swap-out')).toContainText('USDC (at least');
    await shot(page, info, 'close-dialog');
    await confirm.click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Payout swapped into USDC' })).toBeVisible({ timeout: 60_000 }); // two transactions

    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByTestId('history-closed').first().getByTestId('history-label')).toHaveText('Partly closed (50%)');
    await expect(page.getByTestId('history-closed').first().getByTestId('history-detail')).toContainText('Paid out');
  });

  test('TP/SL: PnL at each trigger, presets the position accepts; the history shows the prices set and collateral moved', async ({ page, request }, info) => {
    await fundedTrader(page, request, '/trade?market=SOL');
    const row = await openLong(page, info, '10');
    await row.getByTestId('position-set-tpsl').click();
    const dialog = page.getByTestId('tpsl-dialog');
    // A 10x long liquidates about 9% below: no −10%, −25% or −50% stop loss is offered.
    const slPresets = dialog.getByRole('group', { name: 'Stop loss price presets' }).getByRole('button');
    await expect(slPresets.first()).toBeVisible();
    for (const label of await slPresets.allTextContents()) expect(label).not.toMatch(/^−(10|25|50)%/);
    await dialog.getByRole('group', { name: 'Take profit price presets' }).getByRole('button').first().click();
    await expect(dialog.getByTestId('tpsl-take-profit')).toHaveValue('165');
    await expect(dialog.getByText(/^At \$165\.00 the position closes with \+\$[\d,.]+ after fees\.$/)).toBeVisible();
    await slPresets.first().click();
    await expect(dialog.getByText(/^At \$[\d,.]+ the position closes with -\$[\d,.]+ after fees\.$/)).toBeVisible();
    await expect(dialog.getByTestId('tpsl-issue')).toHaveCount(0);
    await shot(page, info, 'tpsl');
    await dialog.getByTestId('tpsl-confirm').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Take profit / stop loss saved' })).toBeVisible({ timeout: 30_000 });

    await row.getByTestId('position-edit-collateral').click();
    const edit = page.getByTestId('collateral-dialog');
    await edit.getByRole('tab', { name: 'Remove' }).click();
    await edit.getByTestId('collateral-edit-amount').fill('5');
    await edit.getByTestId('collateral-edit-confirm').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Collateral withdrawn' })).toBeVisible({ timeout: 30_000 });

    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByTestId('history-tpsl').first().getByTestId('history-detail')).toHaveText(/^TP \$165\.00 · SL \$[\d,.]+$/);
    await expect(page.getByTestId('history-collateral').first().getByTestId('history-label')).toHaveText('Collateral removed');
    await expect(page.getByTestId('history-collateral').first().getByTestId('history-detail')).toHaveText(/^−\$5\.00 \([\d.]+ SOL\) · \$[\d,.]+ → \$[\d,.]+$/);
    await expect(page.getByTestId('history-opened').first().getByTestId('history-detail')).toContainText('100 USDC posted → ');
    await shot(page, info, 'history', { focus: page.getByTestId('history-list') });
  });

  test('portfolio: totals agree with the rows, test-funds and liquidity rows say what moved', async ({ page, request }, info) => {
    const { owner } = await fundedTrader(page, request, '/trade?market=SOL');
    await openLong(page, info);
    await page.goto('/earn');
    await waitForHydration(page);
    const rwalp = page.getByTestId('pool-RWALP');
    await rwalp.getByRole('tab', { name: 'Add' }).click();
    await rwalp.getByTestId('liq-RWALP-amount').fill('50');
    await expect(rwalp.getByTestId('liq-RWALP-total-cost')).toHaveText('$0.00 of $50.00 (fee $0.00, band $0.00)'); // USDC: no fee, no band
    await rwalp.getByTestId('liq-RWALP-submit').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Liquidity added' })).toBeVisible({ timeout: 30_000 });
    await page.goto('/portfolio');
    await setPrices(request, { SOL: '153' });
    const row = page.getByTestId('position-SOL-long');
    await expect(row.getByTestId('position-mark')).toHaveText('$153.00');
    const rowPnl = /^([+-]?\$[\d,.]+)/.exec((await row.getByTestId('position-pnl').textContent()) ?? '')?.[1] ?? '';
    await expect(page.getByTestId('portfolio-unrealized-pnl')).toHaveText(rowPnl);
    await expect(page.getByText('Unrealised PnL (after fees)')).toBeVisible();
    await page.getByTestId('pnl-with-fees').first().uncheck();
    await expect(page.getByText('Unrealised PnL (before fees)')).toBeVisible();
    const rowPnlBefore = /^([+-]?\$[\d,.]+)/.exec((await row.getByTestId('position-pnl').textContent()) ?? '')?.[1] ?? '';
    await expect(page.getByTestId('portfolio-unrealized-pnl')).toHaveText(rowPnlBefore);
    await page.getByTestId('pnl-with-fees').first().check();

    const history = page.getByTestId('history-list');
    await expect(history.getByTestId('history-faucet').first().getByTestId('history-detail')).toHaveText(/^Received [\d,.]+ (USDC|SOL|WBTC|BONK)$/);
    await expect(history.getByTestId('history-liquidity_added').first().getByTestId('history-label')).toHaveText('Liquidity added to RWALP');
    await expect(history.getByTestId('history-liquidity_added').first().getByTestId('history-detail')).toHaveText(/^50 USDC → [\d,.]+ RWALP$/);
    expect((await api(request).account(owner)).positions).toHaveLength(1);
    if (isPhone(info)) await expect(page.getByTestId('history-faucet').first().getByText('–').filter({ visible: true })).toHaveCount(0); // no empty card
  });
});
