/**
 * A world whose every key is fixed (program id, mints, admin, keeper, traders): compute units then repeat to the
 * unit from run to run and machine to machine. They would not with random keys: the program finds a new
 * position's or order's canonical bump with `sol_try_find_program_address`, 1,500 CU per bump tried, and how many
 * bumps it tries depends on the program id and the owner.
 *
 * `createWorld` (world.ts) draws its keys with kit's `generateKeyPairSigner`, which asks WebCrypto for a fresh
 * Ed25519 pair. While a `KeySequence` runs a function, `crypto.subtle.generateKey('Ed25519', …)` instead imports
 * the next pair of a sequence derived from a seed (sha256(seed ‖ n) as the private key), so the world is built by
 * the very code every other test uses, only with known keys. Other algorithms pass through; the patch is removed
 * when the function settles. Not for concurrent use with other key generation in the same process.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { generateKeyPair } from '@solana/kit';
import { createWorld, type Trader, type World, type WorldOptions } from './world';

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410) before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

let probed: Promise<void> | undefined;

function isEd25519(algorithm: unknown): boolean {
  const name = typeof algorithm === 'string' ? algorithm : (algorithm as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.toLowerCase() === 'ed25519';
}

export class KeySequence {
  private n = 0;
  private depth = 0;
  private original: SubtleCrypto['generateKey'] | undefined;

  constructor(private readonly seed: string) {}

  /** The 32-byte private key of the next pair (advances the sequence). */
  nextSecret(): Buffer {
    return createHash('sha256').update(`${this.seed}\u0000${this.n++}`).digest();
  }

  private async nextPair(extractable: boolean, usages: readonly KeyUsage[]): Promise<CryptoKeyPair> {
    const pkcs8 = Buffer.concat([ED25519_PKCS8_PREFIX, this.nextSecret()]);
    const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
    const raw = spki.subarray(spki.length - 32);
    const subtle = globalThis.crypto.subtle;
    const [privateKey, publicKey] = await Promise.all([
      subtle.importKey('pkcs8', pkcs8, 'Ed25519', extractable, usages.filter((u) => u === 'sign')),
      subtle.importKey('raw', raw, 'Ed25519', true, usages.filter((u) => u === 'verify')),
    ]);
    return { privateKey, publicKey };
  }

  /** Runs `fn` with Ed25519 key generation drawing from this sequence. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    // kit probes Ed25519 support once per process with a generateKey of its own: let it probe before the patch,
    // or the probe would take a key of the sequence in the first run only.
    await (probed ??= generateKeyPair().then(() => undefined));
    const subtle = globalThis.crypto.subtle;
    if (this.depth++ === 0) {
      this.original = subtle.generateKey;
      const original = this.original;
      const patched = (algorithm: unknown, extractable: boolean, usages: readonly KeyUsage[]) =>
        isEd25519(algorithm) ? this.nextPair(extractable, usages) : (original as (...a: unknown[]) => Promise<unknown>).call(subtle, algorithm, extractable, usages);
      Object.defineProperty(subtle, 'generateKey', { value: patched, configurable: true, writable: true });
    }
    try {
      return await fn();
    } finally {
      if (--this.depth === 0) {
        // The own property shadows the prototype's method; removing it restores WebCrypto exactly.
        delete (subtle as unknown as Record<string, unknown>).generateKey;
        this.original = undefined;
      }
    }
  }
}

export interface FixedWorld extends World {
  /** The sequence the world's keys came from; `trader()` draws its new wallets from it too. */
  keys: KeySequence;
}

/**
 * `createWorld(options)` with every key drawn from `seed`: the same seed gives the same program id, mints,
 * authorities and, in call order, the same traders. `fork()` keeps the keys but its `trader()` draws random ones.
 */
export async function createFixedWorld(seed: string, options: WorldOptions = {}): Promise<FixedWorld> {
  const keys = new KeySequence(seed);
  const world = await keys.run(() => createWorld(options));
  const randomTrader = world.trader;
  const trader = (funds?: Parameters<World['trader']>[0]): Promise<Trader> => keys.run(() => randomTrader(funds));
  return Object.assign(world, { keys, trader });
}
