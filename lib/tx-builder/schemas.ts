/**
 * `POST /api/transactions/{action}` bodies (api.md § Acting: transactions): `{ owner, params }`, parsed strictly
 * (unknown fields refused) with v1's param names. Every amount, price and leverage goes into a u64 of the
 * program's instruction data, so each is at most 2^64 − 1 (NUMBER_OUT_OF_RANGE above); amounts are ≥ 1;
 * `acceptablePrice`, `minLpOut` and `minAmountOut` may be 0 ("any"). Positions and orders are named by their
 * account address (base58), INVALID_ADDRESS otherwise.
 */
import type { Address } from '@solana/kit';
import { z } from 'zod';
import { isBase58PublicKey } from '@/lib/chain/base58';
import { issueCode, uintString } from '@/lib/http/decimal';
import { marketIdSchema, ownerSchema, poolIdSchema, sideSchema, tokenIdSchema } from '@/lib/http/ids';

export const U64_MAX = 2n ** 64n - 1n;

const amount = uintString({ min: 1n, max: U64_MAX });
const price = uintString({ min: 1n, max: U64_MAX });
const anyPrice = uintString({ min: 0n, max: U64_MAX });
const minOut = uintString({ min: 0n, max: U64_MAX });
/** An optional trigger: absent or null means none. */
const optionalPrice = price.nullish().transform((v) => v ?? undefined);

/** A program account's address (position, order). */
export const accountAddress = z
  .string({ error: 'must be an account address (base58 of 32 bytes)' })
  .refine(isBase58PublicKey, { message: 'must be an account address (base58 of 32 bytes)', params: issueCode('INVALID_ADDRESS') })
  .transform((text) => text as Address);

export const openFields = {
  market: marketIdSchema,
  side: sideSchema,
  collateralToken: tokenIdSchema,
  collateralAmount: amount,
  leverageBps: uintString({ min: 1n, max: U64_MAX }),
  acceptablePrice: anyPrice,
  takeProfit: optionalPrice,
  stopLoss: optionalPrice,
};

export const txParamSchemas = {
  openPosition: z.strictObject(openFields),
  closePosition: z.strictObject({
    positionId: accountAddress,
    fractionBps: uintString({ min: 1n, max: 10_000n }).default(10_000n),
    acceptablePrice: anyPrice,
  }),
  addCollateral: z.strictObject({ positionId: accountAddress, amount }),
  removeCollateral: z.strictObject({ positionId: accountAddress, amountUsd: amount }),
  setTpSl: z.strictObject({ positionId: accountAddress, takeProfit: price.nullable(), stopLoss: price.nullable() }),
  placeLimitOrder: z.strictObject({ ...openFields, triggerPrice: price }),
  cancelOrder: z.strictObject({ orderId: accountAddress }),
  addLiquidity: z.strictObject({ pool: poolIdSchema, token: tokenIdSchema, amount, minLpOut: minOut }),
  removeLiquidity: z.strictObject({ pool: poolIdSchema, token: tokenIdSchema, lpAmount: amount, minAmountOut: minOut }),
  swap: z.strictObject({ pool: poolIdSchema, tokenIn: tokenIdSchema, tokenOut: tokenIdSchema, amountIn: amount, minAmountOut: minOut }),
};

export type TxAction = keyof typeof txParamSchemas;
export const TX_ACTIONS = Object.keys(txParamSchemas) as TxAction[];
export type TxParams = { [A in TxAction]: z.output<(typeof txParamSchemas)[A]> };

export function isTxAction(name: string): name is TxAction {
  return Object.prototype.hasOwnProperty.call(txParamSchemas, name);
}

/** The envelope; `params` is parsed by the action's schema afterwards (so its errors name `params.<field>`). */
export const envelopeSchema = z.strictObject({
  owner: ownerSchema.transform((text) => text as Address),
  params: z.record(z.string(), z.unknown(), { error: 'must be an object of the action\'s params' }),
});

/** POST /api/quote/open on chain: v1's body, with the program's u64 bounds. */
export const chainQuoteSchema = z.strictObject({
  market: marketIdSchema,
  side: sideSchema,
  collateralToken: tokenIdSchema,
  collateralAmount: amount,
  leverageBps: uintString({ min: 1n, max: U64_MAX }),
});
