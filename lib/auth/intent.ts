import { z } from 'zod';
import type { ActionName, IntentWire } from '@/lib/client/wire';

/** Every action name of api.md § Acting, in the table's order. */
export const ACTION_NAMES = [
  'faucet',
  'openPosition',
  'closePosition',
  'addCollateral',
  'removeCollateral',
  'setTpSl',
  'placeLimitOrder',
  'cancelOrder',
  'addLiquidity',
  'removeLiquidity',
  'swap',
] as const satisfies readonly ActionName[];

/** An intent is valid for at most this long after it is checked (api.md: "at most 10 minutes ahead"). */
export const MAX_INTENT_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Nonces are 1–64 visible ASCII characters (no spaces or control characters), unique per owner. api.md only says
 * "1-64 chars"; restricting the alphabet keeps them printable in logs and history.
 */
export const NONCE_PATTERN = /^[\x21-\x7e]{1,64}$/;

/** The signed message (`IntentWire`), parsed strictly: unknown fields are refused so nothing unsigned-looking hides. */
export const intentSchema = z.strictObject({
  v: z.literal(1),
  domain: z.string().min(1).max(255),
  owner: z.string().min(1).max(64),
  nonce: z.string().regex(NONCE_PATTERN, 'nonce must be 1-64 visible ASCII characters'),
  expiresAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  action: z.enum(ACTION_NAMES),
  params: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<IntentWire>;

/** POST /api/actions body (`SignedActionWire`). */
export const signedActionSchema = z.strictObject({
  message: z.string().min(1).max(32_768),
  signature: z.string().min(1).max(128),
  publicKey: z.string().min(1).max(64),
});
