export { api, newBurnerSeed, ownerOfSeed, setPrices } from './api';
export type { PriceMap } from './api';
export { toUnits, PRICE_DECIMALS, TOKEN_DECIMALS } from './units';
export { BURNER_STORAGE_KEY, burnerSeed, connectBurner, getTestFunds, useBurnerSeed, waitForHydration } from './wallet';
export { collectConsoleErrors, expectNoHorizontalOverflow } from './page-checks';
export { expectUncovered, fillTicket, fundedTrader, isPhone, openTicket, shot, submitTicket } from './trader';
