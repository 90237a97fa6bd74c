import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { api, fillTicket, fundedTrader, isPhone, shot } from './helpers';
import { isMarketOpen, nextCloseS, nextOpenS } from '@/lib/math/market-hours';

/**
 * Issue 17, market hours on the server's clock: an RWALP market shows its next close while open; once the dev clock
 * (POST /api/dev/clock) passes Friday 21:00 UTC it shows the reopening as a clock time with a ticking countdown, says
 * its price is indicative, the ticket's refusal says when it reopens and the phone's Long/Short look disabled. The
 * clock is then moved on to the reopening, so later tests find the market open again.
 */
const serverNowS = async (request: APIRequestContext) => ((await (await request.get('/api/health')).json()) as { nowS: number }).nowS;

test('an RWA market: next close while open, the reopening on the server clock while closed', async ({ page, request }, info) => {
  await api(request).setPrices({ XAU: '2650' });
  await fundedTrader(page, request, '/trade?market=XAU');
  let nowS = await serverNowS(request);
  if (isMarketOpen('XAU', nowS)) {
    await expect(page.getByTestId('market-hours')).toHaveText(/^Open · closes Fri 21:00 UTC \(in (\d+d )?(\d+h )?(\d+m )?\d+s\)$/);
    await api(request).advanceClock((nextCloseS('XAU', nowS) ?? nowS) - nowS + 3_600);
    nowS = await serverNowS(request);
  }
  const badge = page.getByTestId('market-closed');
  await expect(badge).toHaveText(/^Closed · reopens Sun 22:00 UTC \(in \d+d \d+h \d+m \d+s\) · prices indicative$/, { timeout: 30_000 });
  const first = await badge.textContent();
  await expect.poll(() => badge.textContent(), { timeout: 5_000 }).not.toBe(first); // the countdown ticks every second

  if (isPhone(info)) {
    await expect(page.getByTestId('open-long')).toBeDisabled();
    await expect(page.getByTestId('open-short')).toBeDisabled();
    await expect(page.getByTestId('phone-market-closed')).toContainText(/XAU is closed until Sun 22:00 UTC \(in \d+d \d+h\): prices are indicative\./);
    await shot(page, info, 'rwa-closed');
    await page.getByTestId('open-limit').click();
    await expect(page.getByTestId('trade-ticket').getByRole('tab', { name: 'Limit' })).toHaveAttribute('aria-selected', 'true');
  } else {
    const ticket = page.getByTestId('trade-ticket');
    await fillTicket(ticket, { amount: '100', leverage: '5' });
    await expect(ticket.getByTestId('ticket-issue')).toHaveAttribute('data-code', 'MARKET_CLOSED');
    await expect(ticket.getByTestId('ticket-issue')).toContainText('XAU is closed until Sun 22:00 UTC (in ');
    await expect(ticket.getByTestId('ticket-indicative')).toBeVisible();
    await expect(ticket.getByTestId('ticket-submit')).toBeDisabled();
    await shot(page, info, 'rwa-closed');
  }

  await api(request).advanceClock(nextOpenS('XAU', nowS) - nowS + 60);
  await expect(page.getByTestId('market-hours')).toHaveText(/^Open · closes Fri 21:00 UTC/, { timeout: 30_000 });
});
