import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { expectUncovered, fillTicket, fundedTrader, isPhone, openTicket, setPrices, shot, submitTicket, toUnits } from './helpers';

/**
 * Issue 17, the ticket as a new trader meets it, on desktop (1440x900) and a phone (Pixel 7): numbers with thousands
 * separators, leverage above the maximum, every cost in money before signing, the increase preview, the layout.
 * Manual SOL prices; a fresh funded burner per test; web-first assertions, no sleeps.
 */
const dollars = async (l: Locator) => BigInt(toUnits(((await l.textContent()) ?? '').replace(/[$,]/g, ''), 10));

test.describe('trader trial: the ticket', () => {
  test('thousands separators are ignored, never read as a decimal point; a decimal comma is refused', async ({ page, request }, info) => {
    await setPrices(request, { SOL: '150' });
    await fundedTrader(page, request, '/trade?market=SOL');
    const ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '' });
    const amount = ticket.getByTestId('collateral-amount');
    await amount.pressSequentially('15,000');
    await expect(amount).toHaveValue('15,000');
    await expect(ticket.getByTestId('preview-posted')).toHaveText('15,000 USDC ($15,000.00)');
    // 15,000 USDC is more than the 10,000 the wallet holds: refused, never a 15 USDC order.
    await expect(ticket.getByTestId('ticket-issue')).toHaveAttribute('data-code', 'INSUFFICIENT_BALANCE');
    await expect(ticket.getByTestId('ticket-submit')).toBeDisabled();

    for (const pasted of ['1 000.5', '1,000.50']) {
      await amount.fill(pasted);
      await expect(ticket.getByTestId('preview-posted')).toHaveText('1,000.5 USDC ($1,000.50)');
    }
    await amount.fill('1,5');
    await expect(ticket.getByText('Commas separate thousands (15,000); use a point for decimals (1.5).')).toBeVisible();
    await expect(ticket.getByTestId('preview-posted')).toHaveCount(0);
    await expect(ticket.getByTestId('ticket-submit')).toBeDisabled();
  });

  test('leverage typed above the maximum becomes the maximum: field, slider and mark agree, liquidation below entry', async ({ page, request }, info) => {
    await setPrices(request, { SOL: '150' });
    await fundedTrader(page, request, '/trade?market=SOL');
    const ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '100' });
    await ticket.getByTestId('leverage-input').fill('150');
    await expect(ticket.getByTestId('leverage-input')).toHaveValue('100');
    await expect(ticket.getByTestId('leverage-note')).toHaveText("100x is this market's maximum.");
    await expect(ticket.getByTestId('leverage-slider')).toHaveAttribute('aria-valuetext', '100.0x');
    await expect(ticket.getByRole('button', { name: '100x', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(ticket.getByTestId('preview-liquidation-price')).toHaveText(/^\$\d/);
    expect(await dollars(ticket.getByTestId('preview-liquidation-price'))).toBeLessThan(await dollars(ticket.getByTestId('preview-entry-price')));
    await expect(ticket.getByTestId('ticket-submit')).toBeEnabled();
  });

  test('every cost in money before signing; a SOL long posted in USDC is held and paid out in SOL', async ({ page, request }, info) => {
    await setPrices(request, { SOL: '150' });
    await fundedTrader(page, request, '/trade?market=SOL');
    const ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '100', leverage: '10' });
    await expect(ticket.getByTestId('preview-posted')).toHaveText('100 USDC ($100.00)');
    // 20 bps swap fee on 100 USDC; the ±25 bps band (SOL bought at the high, counted at the low) ≈ $0.50.
    await expect(ticket.getByTestId('preview-swap')).toContainText('fee $0.20');
    await expect(ticket.getByTestId('preview-band')).toHaveText('$0.50');
    await expect(ticket.getByTestId('preview-open-cost')).toHaveText('$0.70 of $100.00');
    await expect(ticket.getByTestId('preview-exit-fee')).toHaveText('$0.99');
    await expect(ticket.getByTestId('preview-liquidation-fee')).toHaveText('$1.99');
    const borrow = ticket.getByTestId('preview-borrow-rate');
    await expect(borrow).toContainText('/h');
    await expect(borrow).toContainText('/day');
    await expect(borrow).toContainText('APR');
    await expect(ticket.getByTestId('ticket-held-note')).toContainText('held in SOL');
    await expect(ticket.getByTestId('ticket-held-note')).toContainText('pays out in SOL');
    const quote = await request.post('/api/quote/open', { data: { market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '100000' } });
    expect(((await quote.json()) as { swapFeeAmount: string }).swapFeeAmount).toBe('200000');
    await expect(ticket.getByTestId('ticket-submit')).toBeInViewport();
    await shot(page, info, 'ticket', { focus: ticket.getByTestId('preview-band') });
  });

  test('an increase previews the position now → after, and toasts "Position increased"', async ({ page, request }, info) => {
    await setPrices(request, { SOL: '150' });
    await fundedTrader(page, request, '/trade?market=SOL');
    let ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '100', leverage: '10' });
    await submitTicket(page, ticket, /Position opened: Long SOL/);
    const row = page.getByTestId('position-SOL-long');
    await expect(row.getByTestId('position-entry')).toHaveText('$150.00');
    const collateral = (await row.getByTestId('position-collateral').textContent()) ?? '';
    const size = (await row.getByTestId('position-size').textContent()) ?? '';

    await setPrices(request, { SOL: '160' });
    await expect(page.getByTestId('mark-price')).toHaveText('$160.00');
    ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '50', leverage: '10' });
    // Left of each arrow: the position itself, never the mark ($160) or the increment.
    await expect(ticket.getByTestId('preview-fill-price')).toHaveText('$160.00');
    await expect(ticket.getByTestId('preview-entry-price')).toHaveText('$150.00');
    await expect(ticket.getByTestId('preview-collateral')).toHaveText(collateral);
    await expect(ticket.getByTestId('preview-size')).toHaveText(size);
    const entryAfter = await dollars(ticket.getByTestId('preview-entry-price-after'));
    expect(entryAfter).toBeGreaterThan(BigInt(toUnits('150', 10)));
    expect(entryAfter).toBeLessThan(BigInt(toUnits('160', 10)));
    const added = /\$([\d,.]+) collateral/.exec((await ticket.getByTestId('preview-added').textContent()) ?? '')?.[1] ?? '';
    const sum = BigInt(toUnits(collateral.replace(/[$,]/g, ''), 2)) + BigInt(toUnits(added.replace(/,/g, ''), 2));
    await expect(ticket.getByTestId('preview-collateral-after')).toHaveText(`$${(sum / 100n).toLocaleString('en-US')}.${(sum % 100n).toString().padStart(2, '0')}`);
    await expect(ticket.getByTestId('preview-position-exit-fee')).toHaveText(/^\$\d/);
    await shot(page, info, 'increase-preview', { focus: ticket.getByTestId('preview-collateral') });
    await submitTicket(page, ticket, /^Position increased: Long SOL/);
  });

  test('a limit order that would merge into a position its trigger liquidates is refused in words, not "Leverage after ∞"', async ({ page, request }, info) => {
    await setPrices(request, { SOL: '150' });
    await fundedTrader(page, request, '/trade?market=SOL');
    let ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '100', leverage: '50' });
    await submitTicket(page, ticket, /Position opened/);
    ticket = await openTicket(page, 'long', info);
    await ticket.getByRole('tab', { name: 'Limit' }).click();
    await ticket.getByTestId('ticket-trigger').fill('140');
    await fillTicket(ticket, { amount: '20', leverage: '50' });
    await expect(ticket.getByTestId('ticket-issue')).toHaveAttribute('data-code', 'WOULD_LIQUIDATE');
    // The position (50x, liquidated near $148) is liquidated before the price falls to $140: said in words.
    await expect(ticket.getByTestId('ticket-issue')).toContainText('Your SOL long is liquidated at $');
    await expect(ticket.getByTestId('ticket-issue')).toContainText('before the price reaches $140.00');
    await expect(ticket.getByTestId('preview-leverage')).toHaveText('past liquidation');
    await expect(ticket.getByTestId('preview-leverage-after')).toHaveText('liquidated at once');
    await expect(ticket).not.toContainText('∞');
    await expect(ticket.getByTestId('ticket-submit')).toBeDisabled();
  });

  test('prices in refusals read as the screen does ($114.36, not $114.360994755)', async ({ page, request }, info) => {
    await setPrices(request, { SOL: '114.360994755' });
    await fundedTrader(page, request, '/trade?market=SOL');
    const ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '100', leverage: '10' });
    await ticket.getByTestId('tpsl-toggle').check();
    await ticket.getByTestId('ticket-take-profit').fill('100');
    await expect(ticket.getByTestId('ticket-issue')).toHaveAttribute('data-code', 'INVALID_TAKE_PROFIT');
    await expect(ticket.getByTestId('ticket-issue')).toContainText('$114.36');
    await expect(ticket.getByTestId('ticket-issue')).not.toContainText('114.360994755');
  });

  test('the submit button stays in view and uncovered (desktop page, phone sheet); toasts sit above the sheet', async ({ page, request }, info) => {
    await setPrices(request, { SOL: '150' });
    await fundedTrader(page, request, '/trade?market=SOL');
    const ticket = await openTicket(page, 'long', info);
    await fillTicket(ticket, { amount: '100', leverage: '10' });
    await ticket.getByTestId('tpsl-toggle').check();
    const submit = ticket.getByTestId('ticket-submit');
    if (isPhone(info)) {
      const sheet = page.locator('dialog[open]');
      await sheet.evaluate((d) => d.scrollTo(0, d.scrollHeight / 2));
      await expect(sheet.getByRole('button', { name: 'Close' })).toBeInViewport();
      await expect(submit).toBeInViewport();
    } else {
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await expect(submit).toBeInViewport({ ratio: 1 });
    }
    // A toast (the faucet refuses a second draw within the minute, or pays): above the sheet, never over the button.
    await ticket.getByTestId('ticket-get-test-funds').click();
    const toast = page.locator('[data-testid^="toast-"]').last();
    await expect(toast).toBeVisible();
    await expectUncovered(toast);
    await expectUncovered(submit);
    if (isPhone(info)) await expect(page.locator('dialog[open] [data-testid="toaster"]')).toHaveCount(1);
  });
});
