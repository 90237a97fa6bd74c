/**
 * Set-up of the trader trial specs (issue 17): a fresh burner funded through the API faucet, the ticket opened on
 * either screen size, and screenshots saved into docs/screenshots when `SCREENSHOTS=1`.
 */
import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page, TestInfo } from '@playwright/test';
import { newBurnerSeed, ownerOfSeed } from './api';
import { connectBurner, useBurnerSeed as presetBurnerSeed } from './wallet';

export const isPhone = (info: TestInfo) => info.project.name === 'phone';

/** A burner with the faucet's basket (10,000 USDC, 50 SOL, …) drawn on the local chain, connected on `path`. */
export async function fundedTrader(page: Page, request: APIRequestContext, path: string): Promise<{ seed: string; owner: string }> {
  const seed = newBurnerSeed();
  const res = await request.post('/api/dev/faucet', { data: { owner: ownerOfSeed(seed) } });
  expect(res.ok(), await res.text()).toBe(true);
  await presetBurnerSeed(page, seed);
  await page.goto(path);
  await connectBurner(page);
  return { seed, owner: ownerOfSeed(seed) };
}

/** The ticket on `side`: the Long/Short buttons (bottom sheet) on phones, the side tab on desktop. */
export async function openTicket(page: Page, side: 'long' | 'short', info: TestInfo): Promise<Locator> {
  const ticket = page.getByTestId('trade-ticket');
  if (isPhone(info)) await page.getByTestId(side === 'long' ? 'open-long' : 'open-short').click();
  else await ticket.getByRole('tab', { name: side === 'long' ? 'Long' : 'Short' }).click();
  await expect(ticket.getByRole('tab', { name: side === 'long' ? 'Long' : 'Short' })).toHaveAttribute('aria-selected', 'true');
  return ticket;
}

export async function fillTicket(ticket: Locator, { amount, leverage, token = 'USDC' }: { amount: string; leverage?: string; token?: string }) {
  const select = ticket.getByTestId('collateral-token');
  if ((await select.count()) > 0 && (await select.inputValue()) !== token) await select.selectOption(token);
  await ticket.getByTestId('collateral-amount').fill(amount);
  if (leverage) {
    await ticket.getByTestId('leverage-input').fill(leverage);
    await ticket.getByTestId('leverage-input').blur();
  }
}

/** Submits and waits for the success toast whose title matches `title`. */
export async function submitTicket(page: Page, ticket: Locator, title: RegExp): Promise<void> {
  await expect(ticket.getByTestId('ticket-submit')).toBeEnabled();
  await ticket.getByTestId('ticket-submit').click();
  await expect(page.getByTestId('toast-success').filter({ hasText: title })).toBeVisible({ timeout: 30_000 });
}

/**
 * Saves the viewport as docs/screenshots/<name>-<desktop|phone>.png when SCREENSHOTS=1 (README and issue 17), with
 * the toasts dismissed and `focus` scrolled to the middle of its scroller.
 */
export async function shot(page: Page, info: TestInfo, name: string, { focus }: { focus?: Locator } = {}): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  // A toast may go by itself between the count and the click.
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 2_000 }).catch(() => undefined);
  await expect(page.locator('[data-testid^="toast-"]')).toHaveCount(0);
  if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `docs/screenshots/${name}-${info.project.name}.png`, animations: 'disabled' });
}

/** The element at the centre of `locator` is the locator itself (or inside it): nothing covers it. */
export async function expectUncovered(locator: Locator): Promise<void> {
  await expect
    .poll(() =>
      locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top !== null && (el === top || el.contains(top));
      }),
    )
    .toBe(true);
}
