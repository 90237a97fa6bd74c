import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/**
 * Collects console errors and uncaught page errors from now on; call `.errors()` at the end of a test. Noise from
 * the dev server's HMR socket and aborted stream requests on navigation is ignored.
 */
export function collectConsoleErrors(page: Page): { errors: () => string[] } {
  const seen: string[] = [];
  const ignore = [/webpack-hmr|_next\/webpack|__nextjs|hot-update|HMR/i, /net::ERR_ABORTED/i, /Download the React DevTools/i];
  page.on('console', (m) => {
    if (m.type() === 'error' && !ignore.some((r) => r.test(m.text()))) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(String(e)));
  return { errors: () => [...seen] };
}

/** The page is no wider than the viewport (phones: nothing scrolls sideways). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}
