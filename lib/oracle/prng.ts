/**
 * Seeded pseudo-random numbers for the simulated feed (protocol.md §9: "seeded"): `Math.random` is never used, so
 * the same `ORACLE_SEED` replays the same history. sfc32 (Chris Doty-Humphrey's Small Fast Counter) seeded through
 * a 32-bit string hash, plus a Box–Muller standard normal.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

/** FNV-1a over the text, then a murmur-style finaliser: a 32-bit unsigned seed word. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A generator for one named stream (e.g. `"42:SOL"`), independent of the other streams. */
export function createPrng(seedText: string): Prng {
  let a = hashSeed(`a:${seedText}`);
  let b = hashSeed(`b:${seedText}`);
  let c = hashSeed(`c:${seedText}`);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  for (let i = 0; i < 12; i++) next();
  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
  return { next, normal };
}
