import type { IntentWire } from '@/lib/client/wire';
import { decodeBase58Exact } from './base58';
import { verifyEd25519Strict } from './ed25519-verify';
import { AuthError } from './errors';
import { MAX_INTENT_LIFETIME_MS, intentSchema, signedActionSchema } from './intent';

export interface VerifyIntentInput {
  /** The parsed JSON body of POST /api/actions (not yet validated). */
  body: unknown;
  /** The domain the intent must name: APP_DOMAIN when set, else the request's Host header. */
  expectedDomain: string;
  /** Wall-clock now in unix ms (the signer's clock is a wall clock too, so the engine's dev offset is not used). */
  nowMs: number;
}

/**
 * Checks a signed intent (api.md § Acting) and returns the authenticated intent. Order of checks: envelope shape
 * (400), public key encoding (400), signature over the exact UTF-8 bytes of `message` (401 BAD_SIGNATURE), the
 * message's JSON shape (400 INVALID_INTENT), owner = publicKey, domain, expiry (401 each). The nonce is consumed by
 * the engine inside the action's transaction (409 NONCE_REUSED there).
 *
 * Verification is strict RFC 8032 (`zip215: false`): small-order public keys and non-canonical encodings, which
 * ZIP-215 would accept (an all-zero key and signature verify any message under ZIP-215), are refused.
 */
export function verifySignedIntent({ body, expectedDomain, nowMs }: VerifyIntentInput): IntentWire {
  const envelope = signedActionSchema.safeParse(body);
  if (!envelope.success) {
    throw new AuthError(
      'INVALID_INTENT',
      'The body must be {"message", "signature", "publicKey"}: three strings and nothing else.',
    );
  }
  const { message, signature, publicKey } = envelope.data;
  const publicKeyBytes = decodeBase58Exact(publicKey, 32);
  if (!publicKeyBytes) throw new AuthError('INVALID_PUBLIC_KEY', 'publicKey must be the base58 of a 32-byte ed25519 key.');
  const signatureBytes = decodeBase58Exact(signature, 64);
  if (!signatureBytes || !verifyEd25519Strict(signatureBytes, Buffer.from(message, 'utf8'), publicKeyBytes, publicKey)) {
    throw new AuthError('BAD_SIGNATURE', 'The signature does not match the message and public key; sign the message again.');
  }
  const intent = parseIntent(message);
  if (intent.owner !== publicKey) {
    throw new AuthError('OWNER_MISMATCH', 'The intent names another owner than the key that signed it.');
  }
  if (intent.domain.toLowerCase() !== expectedDomain.toLowerCase()) {
    throw new AuthError('DOMAIN_MISMATCH', `The intent was signed for ${intent.domain}, not for ${expectedDomain}.`);
  }
  if (intent.expiresAt <= nowMs) {
    throw new AuthError('INTENT_EXPIRED', 'The signed intent has expired; sign it again.');
  }
  if (intent.expiresAt > nowMs + MAX_INTENT_LIFETIME_MS) {
    throw new AuthError('EXPIRY_TOO_FAR', 'The intent expires more than 10 minutes from now; sign one that expires sooner.');
  }
  return intent;
}

function parseIntent(message: string): IntentWire {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    throw new AuthError('INVALID_INTENT', 'The signed message is not JSON.');
  }
  const parsed = intentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new AuthError('INVALID_INTENT', `The signed message is not a valid intent (${where}${issue?.message ?? 'invalid'}).`);
  }
  return parsed.data;
}
