/** Prices are integers in units of 1e−10 USD (protocol.md §1); mirrors `PRICE_DECIMALS` of lib/math/scales. */
export const PRICE_DECIMALS = 10;
export const PRICE_SCALE = 10n ** 10n;
