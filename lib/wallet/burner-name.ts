/** The burner wallet's adapter name (kept apart from the adapter so that UI code can compare without web3.js). */
export const BURNER_WALLET_NAME = 'Burner wallet';
