import { z } from 'zod';
import type { ActionName } from '@/lib/client/wire';
import { MAX_WIRE_UINT, idString, uintString } from './decimal';
import { marketIdSchema, poolIdSchema, sideSchema, tokenIdSchema } from './ids';

/**
 * Params of every action (api.md § Acting), parsed strictly (unknown fields refused) into the engine's typed
 * params with `bigint`s. Amounts must be ≥ 1; `acceptablePrice`, `minLpOut` and `minAmountOut` may be 0 ("any");
 * leverage is only checked for being a positive integer here: its range is the engine's LEVERAGE_TOO_HIGH/LOW.
 */
const amount = uintString();
const price = uintString();
const anyPrice = uintString({ min: 0n });
const minOut = uintString({ min: 0n });
/** An optional trigger: absent or null means none. */
const optionalPrice = price.nullish().transform((v) => v ?? undefined);

const openFields = {
  market: marketIdSchema,
  side: sideSchema,
  collateralToken: tokenIdSchema,
  collateralAmount: amount,
  leverageBps: uintString({ min: 1n, max: MAX_WIRE_UINT }),
  acceptablePrice: anyPrice,
  takeProfit: optionalPrice,
  stopLoss: optionalPrice,
};

export const actionParamSchemas = {
  faucet: z.strictObject({ token: tokenIdSchema, amount }),
  openPosition: z.strictObject(openFields),
  closePosition: z.strictObject({
    positionId: idString,
    fractionBps: uintString({ min: 1n, max: 10_000n }).default(10_000n),
    acceptablePrice: anyPrice,
  }),
  addCollateral: z.strictObject({ positionId: idString, amount }),
  removeCollateral: z.strictObject({ positionId: idString, amountUsd: amount }),
  setTpSl: z.strictObject({ positionId: idString, takeProfit: price.nullable(), stopLoss: price.nullable() }),
  placeLimitOrder: z.strictObject({ ...openFields, triggerPrice: price }),
  cancelOrder: z.strictObject({ orderId: idString }),
  addLiquidity: z.strictObject({ pool: poolIdSchema, token: tokenIdSchema, amount, minLpOut: minOut }),
  removeLiquidity: z.strictObject({ pool: poolIdSchema, token: tokenIdSchema, lpAmount: amount, minAmountOut: minOut }),
  swap: z.strictObject({ pool: poolIdSchema, tokenIn: tokenIdSchema, tokenOut: tokenIdSchema, amountIn: amount, minAmountOut: minOut }),
} satisfies Record<ActionName, z.ZodType>;

export type ParsedActionParams = { [A in ActionName]: z.output<(typeof actionParamSchemas)[A]> };

/** POST /api/quote/open body (`OpenQuoteRequestWire`). */
export const quoteOpenSchema = z.strictObject({
  market: marketIdSchema,
  side: sideSchema,
  collateralToken: tokenIdSchema,
  collateralAmount: amount,
  leverageBps: uintString({ min: 1n, max: MAX_WIRE_UINT }),
});
