/** Column template shared by the positions header and rows (desktop). */
export const POSITION_COLUMNS = 'md:grid-cols-[1.1fr_1fr_1fr_0.7fr_1fr_1fr_1fr_1.2fr_0.8fr_1.1fr_auto]';
export const POSITION_HEADERS = ['Market', 'Size', 'Collateral', 'Leverage', 'Entry', 'Mark', 'Liq. price', 'PnL', 'Borrow fee', 'TP / SL', 'Actions'] as const;
