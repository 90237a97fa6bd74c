import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { formatPrice, formatUsd } from '@/lib/format';
import { api, collectConsoleErrors, connectBurner, expectNoHorizontalOverflow, getTestFunds, setPrices } from './helpers';

/**
 * Issue 6, the trade screen, on the desktop and phone projects: a fresh burner wallet per test, manual SOL prices
 * through /api/dev/prices, the keeper acting on them. Web-first assertions only, no sleeps.
 */
const isPhone = (name: string) => name === 'phone';
const MARKETS = ['SOL', 'BTC', 'BONK', 'XAU', 'XAG', 'WTI'];

/** Opens the ticket on `side`: the Long/Short buttons (bottom sheet) on phones, the side tab on desktop. */
async function openTicket(page: Page, side: 'long' | 'short', phone: boolean): Promise<Locator> {
  const ticket = page.getByTestId('trade-ticket');
  if (phone) {
    await page.getByTestId(side === 'long' ? 'open-long' : 'open-short').click();
  } else {
    await ticket.getByRole('tab', { name: side === 'long' ? 'Long' : 'Short' }).click();
  }
  await expect(ticket).toBeVisible();
  await expect(ticket.getByRole('tab', { name: side === 'long' ? 'Long' : 'Short' })).toHaveAttribute('aria-selected', 'true');
  return ticket;
}

/**
 * Fills the ticket. Collateral is USDC (an ALP long posted in USDC is swapped into SOL at open): the faucet may
 * refuse a second token within the minute, and USDC always arrives first.
 */
async function fillTicket(ticket: Locator, { amount, leverage }: { amount: string; leverage?: string }) {
  const token = ticket.getByTestId('collateral-token');
  if ((await token.count()) > 0 && (await token.inputValue()) !== 'USDC') await token.selectOption('USDC');
  await ticket.getByTestId('collateral-amount').fill(amount);
  if (leverage) {
    await ticket.getByTestId('leverage-input').fill(leverage);
    await ticket.getByTestId('leverage-input').blur();
  }
}

/** Submits the ticket and waits for the success toast; returns the liquidation price the preview showed. */
async function submitTicket(page: Page, ticket: Locator, side: 'long' | 'short'): Promise<string> {
  await expect(ticket.getByTestId('preview-liquidation-price')).toHaveText(/^\$[\d,]+\.\d+$/);
  const liq = (await ticket.getByTestId('preview-liquidation-price').textContent()) ?? '';
  await expect(ticket.getByTestId('ticket-submit')).toBeEnabled();
  await ticket.getByTestId('ticket-submit').click();
  const title = new RegExp(`(opened|placed): ${side === 'long' ? 'Long' : 'Short'}`);
  await expect(page.getByTestId('toast-success').filter({ hasText: title })).toBeVisible({ timeout: 30_000 });
  return liq;
}

interface Quote {
  liquidationPrice: string;
  sizeUsd: string;
  collateralUsd: string;
  entryPrice: string;
}

/**
 * The server's quote (POST /api/quote/open: the open planned over the chain's state as the program executes it) for
 * the same inputs: the ticket must show exactly these numbers. Returns it, to hold the confirmed position to it.
 */
async function expectPreviewEqualsQuote(request: APIRequestContext, ticket: Locator, body: Record<string, string>): Promise<Quote> {
  const res = await request.post('/api/quote/open', { data: body });
  expect(res.ok(), await res.text()).toBe(true);
  const quote = (await res.json()) as Quote;
  await expect(ticket.getByTestId('preview-liquidation-price')).toHaveText(formatPrice(BigInt(quote.liquidationPrice), { market: 'SOL' }));
  await expect(ticket.getByTestId('preview-size')).toHaveText(formatUsd(BigInt(quote.sizeUsd)));
  await expect(ticket.getByTestId('preview-collateral')).toHaveText(formatUsd(BigInt(quote.collateralUsd)));
  return quote;
}

/** The confirmed position account (read from the chain by GET /api/accounts) equals the preview's quote. */
async function expectConfirmedEqualsQuote(request: APIRequestContext, owner: string, side: 'long' | 'short', quote: Quote) {
  const position = (await api(request).account(owner)).positions.find((p) => p.market === 'SOL' && p.side === side);
  expect(position, `no SOL ${side} on chain for ${owner}`).toBeDefined();
  expect({ sizeUsd: position?.sizeUsd, collateralUsd: position?.collateralUsd, entryPrice: position?.entryPrice }).toEqual({
    sizeUsd: quote.sizeUsd,
    collateralUsd: quote.collateralUsd,
    entryPrice: quote.entryPrice,
  });
  expect(formatPrice(BigInt(position?.liquidationPrice ?? '0'), { market: 'SOL' })).toBe(formatPrice(BigInt(quote.liquidationPrice), { market: 'SOL' }));
}

async function setUp(page: Page, request: Parameters<typeof api>[0]) {
  await setPrices(request, { SOL: '150' });
  await page.goto('/trade?market=SOL');
  const owner = await connectBurner(page);
  await getTestFunds(page);
  return owner;
}

test.describe('trade screen', () => {
  test('shows the chart, all six markets, the ticket controls and positions, accessibly', async ({ page }, info) => {
    const console = collectConsoleErrors(page);
    await page.goto('/trade?market=SOL');
    await expect(page.locator('[data-testid=price-chart] canvas').first()).toBeVisible({ timeout: 30_000 });
    for (const m of MARKETS) await expect(page.getByTestId(`market-tab-${m}`)).toBeVisible();
    await expect(page.getByTestId('mark-price')).toContainText('$');
    await expect(page.getByRole('tab', { name: 'Positions' })).toBeVisible();
    if (isPhone(info.project.name)) {
      await expect(page.getByTestId('open-long')).toBeVisible();
      await expect(page.getByTestId('open-short')).toBeVisible();
      await expectNoHorizontalOverflow(page);
    } else {
      await expect(page.getByTestId('leverage-slider')).toBeVisible();
      await expect(page.getByTestId('preview-liquidation-price')).toBeVisible();
    }
    await page.getByTestId('market-tab-XAU').click();
    await expect(page).toHaveURL(/market=XAU/);
    await expect(page.getByTestId('market-tab-XAU')).toHaveAttribute('aria-current', 'page');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(console.errors()).toEqual([]);
  });

  test('invalid inputs show their message and submit nothing', async ({ page, request }, info) => {
    const owner = await setUp(page, request);
    const ticket = await openTicket(page, 'long', isPhone(info.project.name));
    const issue = ticket.getByTestId('ticket-issue');
    const submit = ticket.getByTestId('ticket-submit');

    await fillTicket(ticket, { amount: '5' });
    await expect(issue).toHaveAttribute('data-code', 'COLLATERAL_TOO_SMALL');
    await expect(issue).toContainText('below the minimum of $10');
    await expect(submit).toBeDisabled();

    await fillTicket(ticket, { amount: '20000' });
    await expect(issue).toHaveAttribute('data-code', 'INSUFFICIENT_BALANCE');
    await expect(issue).toContainText('Not enough USDC');
    await expect(submit).toBeDisabled();

    // 150x on a 100x market becomes 100x, and says so (issue 17): never previewed at a leverage it cannot open.
    await fillTicket(ticket, { amount: '100', leverage: '150' });
    await expect(ticket.getByTestId('leverage-input')).toHaveValue('100');
    await expect(ticket.getByTestId('leverage-note')).toContainText("100x is this market's maximum");

    await fillTicket(ticket, { amount: '100', leverage: '10' });
    await ticket.getByTestId('tpsl-toggle').check();
    await ticket.getByTestId('ticket-take-profit').fill('140');
    await expect(issue).toHaveAttribute('data-code', 'INVALID_TAKE_PROFIT');
    await expect(submit).toBeDisabled();

    const account = await api(request).account(owner);
    expect(account.positions).toEqual([]);
    expect(account.orders).toEqual([]);
  });

  test('opens a long and a short, shows the previewed liquidation prices, closes part and edits collateral', async ({ page, request }, info) => {
    const phone = isPhone(info.project.name);
    const owner = await setUp(page, request);

    let ticket = await openTicket(page, 'long', phone);
    await fillTicket(ticket, { amount: '100', leverage: '10' });
    await expect(ticket.getByTestId('preview-swap')).toContainText('SOL');
    const longQuote = await expectPreviewEqualsQuote(request, ticket, { market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '100000' });
    const longLiq = await submitTicket(page, ticket, 'long');
    await expectConfirmedEqualsQuote(request, owner, 'long', longQuote);
    const long = page.getByTestId('position-SOL-long');
    await expect(long.getByTestId('position-liquidation-price')).toHaveText(longLiq);

    ticket = await openTicket(page, 'short', phone);
    await fillTicket(ticket, { amount: '100', leverage: '5' });
    await expect(ticket.getByTestId('short-profit-cap')).toContainText('capped at 100%');
    const shortQuote = await expectPreviewEqualsQuote(request, ticket, { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '50000' });
    const shortLiq = await submitTicket(page, ticket, 'short');
    await expectConfirmedEqualsQuote(request, owner, 'short', shortQuote);
    const short = page.getByTestId('position-SOL-short');
    await expect(short.getByTestId('position-liquidation-price')).toHaveText(shortLiq);

    // Close half of the long.
    const sizeBefore = (await long.getByTestId('position-size').textContent()) ?? '';
    await long.getByTestId('position-close').click();
    const close = page.getByTestId('close-dialog');
    await close.getByRole('button', { name: '50%' }).click();
    await expect(close.getByTestId('close-payout')).toContainText('SOL');
    await close.getByTestId('close-confirm').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'partly closed' })).toBeVisible({ timeout: 30_000 });
    await expect(long.getByTestId('position-size')).not.toHaveText(sizeBefore);

    // Add collateral to the short (USDC): leverage goes down and the liquidation price moves away.
    const levBefore = (await short.getByTestId('position-leverage').textContent()) ?? '';
    await short.getByTestId('position-edit-collateral').click();
    const edit = page.getByTestId('collateral-dialog');
    await edit.getByTestId('collateral-edit-amount').fill('50');
    await expect(edit.getByTestId('collateral-edit-leverage-after')).toContainText('x');
    await edit.getByTestId('collateral-edit-confirm').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Collateral added' })).toBeVisible({ timeout: 30_000 });
    await expect(short.getByTestId('position-leverage')).not.toHaveText(levBefore);

    // Withdraw $20 of it again: leverage goes back up.
    const levAfterAdd = (await short.getByTestId('position-leverage').textContent()) ?? '';
    const usdcBefore = BigInt((await api(request).account(owner)).balances.USDC ?? '0');
    await short.getByTestId('position-edit-collateral').click();
    await edit.getByRole('tab', { name: 'Remove' }).click();
    await edit.getByTestId('collateral-edit-amount').fill('20');
    await edit.getByTestId('collateral-edit-confirm').click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Collateral withdrawn' })).toBeVisible({ timeout: 30_000 });
    await expect(short.getByTestId('position-leverage')).not.toHaveText(levAfterAdd);
    // $20 at USDC's price (the low of its band, so at most 20 USDC) arrives in the wallet.
    await expect.poll(async () => BigInt((await api(request).account(owner)).balances.USDC ?? '0')).toBeGreaterThan(usdcBefore + 19_000_000n);
    expect(BigInt((await api(request).account(owner)).balances.USDC ?? '0')).toBeLessThanOrEqual(usdcBefore + 20_000_000n);
  });

  test('a take profit is executed by the keeper after the price moves', async ({ page, request }, info) => {
    await setUp(page, request);
    const ticket = await openTicket(page, 'long', isPhone(info.project.name));
    await fillTicket(ticket, { amount: '100', leverage: '5' });
    await ticket.getByTestId('tpsl-toggle').check();
    await ticket.getByTestId('ticket-take-profit').fill('160');
    await submitTicket(page, ticket, 'long');
    const long = page.getByTestId('position-SOL-long');
    await expect(long.getByTestId('position-tpsl')).toContainText('$160.00');

    await setPrices(request, { SOL: '161' });
    await expect(long).toHaveCount(0, { timeout: 30_000 });
    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByTestId('history-closed').first()).toBeVisible({ timeout: 30_000 });
  });

  test('a limit order fills when the price reaches its trigger', async ({ page, request }, info) => {
    await setUp(page, request);
    const ticket = await openTicket(page, 'long', isPhone(info.project.name));
    await ticket.getByRole('tab', { name: 'Limit' }).click();
    await ticket.getByTestId('ticket-trigger').fill('145');
    await fillTicket(ticket, { amount: '100', leverage: '5' });
    await submitTicket(page, ticket, 'long');
    await page.getByRole('tab', { name: /Orders/ }).click();
    await expect(page.getByTestId('order-SOL-long')).toBeVisible();

    await setPrices(request, { SOL: '144' });
    await expect(page.getByTestId('order-SOL-long')).toHaveCount(0, { timeout: 30_000 });
    await page.getByRole('tab', { name: /Positions/ }).click();
    await expect(page.getByTestId('position-SOL-long')).toBeVisible();
  });

  test('a liquidation lands in History with the signature of its confirmed transaction', async ({ page, request }, info) => {
    await setUp(page, request);
    const ticket = await openTicket(page, 'long', isPhone(info.project.name));
    await fillTicket(ticket, { amount: '100', leverage: '50' });
    await submitTicket(page, ticket, 'long');
    await expect(page.getByTestId('position-SOL-long')).toBeVisible();

    await setPrices(request, { SOL: '140' });
    await expect(page.getByTestId('position-SOL-long')).toHaveCount(0, { timeout: 30_000 });
    await page.getByRole('tab', { name: 'History' }).click();
    const row = page.getByTestId('history-liquidated').first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    const signature = (await row.getByTestId('history-signature').getAttribute('data-signature')) ?? '';
    expect(signature).toMatch(/^[1-9A-HJ-NP-Za-km-z]{64,88}$/);
    const statuses = await request.post('/api/rpc', { data: { jsonrpc: '2.0', id: 1, method: 'getSignatureStatuses', params: [[signature]] } });
    const status = ((await statuses.json()) as { result: { value: ({ err: unknown; confirmationStatus: string } | null)[] } }).result.value[0];
    expect(status).toMatchObject({ err: null });
  });
});
