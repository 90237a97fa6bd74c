/** The first byte of every instruction's data (program/src/instructions/mod.rs). */
export const TAG = {
  initConfig: 0,
  initPool: 1,
  initCustody: 2,
  initMarket: 3,
  initPrice: 4,
  initEscrow: 5,
  seedLiquidity: 6,
  updatePrices: 7,
  addLiquidity: 10,
  removeLiquidity: 11,
  swap: 12,
  openPosition: 20,
  closePosition: 21,
  addCollateral: 22,
  removeCollateral: 23,
  setTpSl: 24,
  placeLimitOrder: 25,
  cancelOrder: 26,
  liquidate: 30,
  executeTpSl: 31,
  fillLimitOrder: 32,
  queryPool: 40,
} as const;

export type InstructionName = keyof typeof TAG;

/** Account discriminators (the first 8 bytes of each program account). */
export const DISCRIMINATOR = {
  config: 'pp:confg',
  pool: 'pp:pool_',
  custody: 'pp:custd',
  market: 'pp:markt',
  position: 'pp:posit',
  order: 'pp:order',
  price: 'pp:price',
} as const;

export type AccountKind = keyof typeof DISCRIMINATOR;

/** Account sizes in bytes. */
export const ACCOUNT_LEN: Readonly<Record<AccountKind, number>> = {
  config: 96,
  pool: 272,
  custody: 336,
  market: 344,
  position: 216,
  order: 216,
  price: 72,
};

export function discriminatorBytes(kind: AccountKind): Uint8Array {
  return new TextEncoder().encode(DISCRIMINATOR[kind]);
}

/** The kind of a program account from its first 8 bytes, or undefined. */
export function accountKind(data: Uint8Array): AccountKind | undefined {
  const head = new TextDecoder().decode(data.subarray(0, 8));
  return (Object.keys(DISCRIMINATOR) as AccountKind[]).find((k) => DISCRIMINATOR[k] === head);
}
