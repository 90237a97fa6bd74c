/**
 * Browser wallet helpers: connect the local-network burner wallet through the UI, read or preset its seed, draw
 * test funds with the faucet button.
 */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** localStorage key of the burner's seed (lib/wallet/burner-keys.ts). */
export const BURNER_STORAGE_KEY = 'poolperps.burner.secretKey';

/** Makes the burner use `seed` (base58) in this page's context from the next navigation on. Call before `goto`. */
export async function useBurnerSeed(page: Page, seed: string): Promise<void> {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key as string, value as string), [BURNER_STORAGE_KEY, seed]);
}

/** The burner's seed (base58) as stored by the page, e.g. to sign API actions as the same owner. */
export async function burnerSeed(page: Page): Promise<string> {
  const seed = await page.evaluate((key) => window.localStorage.getItem(key), BURNER_STORAGE_KEY);
  if (!seed) throw new Error('No burner seed in localStorage: connect the burner first.');
  return seed;
}

/**
 * Waits until React has hydrated the page (`<html data-hydrated>`, app/providers.tsx): the server's HTML is painted
 * before the scripts run, and a click on a button that is not live yet does nothing.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
}

/**
 * Connects the burner wallet through "Connect wallet" → "Burner wallet" on the current page and returns its
 * address (base58). If a wallet is already connected, returns its address.
 */
export async function connectBurner(page: Page): Promise<string> {
  const address = page.getByTestId('wallet-address');
  const connect = page.getByTestId('connect-wallet');
  await waitForHydration(page);
  await expect(address.or(connect).first()).toBeVisible();
  if (await connect.isVisible()) {
    await connect.click();
    await page.getByTestId('wallet-option-burner').click();
  }
  await expect(address).toBeVisible();
  const full = await page.getByTestId('account-button').getAttribute('title');
  if (!full) throw new Error('The account button has no title with the full address.');
  return full;
}

/**
 * Draws the faucet through the UI ("Get test funds": header button on desktop, account menu on phones) and waits
 * for the summary toast. The faucet gives once a minute per wallet; what arrived is in the toast.
 */
export async function getTestFunds(page: Page): Promise<void> {
  const headerButton = page.getByTestId('get-test-funds');
  if (await headerButton.isVisible()) {
    await headerButton.click();
  } else {
    await page.getByTestId('account-button').click();
    await page.getByTestId('menu-get-test-funds').click();
  }
  await expect(page.getByTestId('toast-success').or(page.getByTestId('toast-info')).first()).toBeVisible({ timeout: 30_000 });
}
