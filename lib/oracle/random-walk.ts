import type { FeedId } from '@/lib/math/ids';
import { gbmStep, priceToUsdFloat, usdFloatToPrice } from './gbm';
import { createPrng, type Prng } from './prng';
import type { Candle } from './candles';

/** Sub-steps per generated history minute: the candle's high/low come from this path. */
const HISTORY_STEPS_PER_MINUTE = 6;

/**
 * The seeded walk of one feed. Each feed owns its PRNG stream (`"<seed>:<feed>"`) so feeds are independent and
 * the order in which they are stepped does not matter. History and live ticks draw from the same stream, and the
 * live walk continues from the last historical close.
 */
export class RandomWalk {
  private readonly prng: Prng;
  private priceUsd: number;

  constructor(
    readonly feed: FeedId,
    private readonly volatilityAnnual: number,
    startPrice: bigint,
    seed: number,
  ) {
    this.prng = createPrng(`${seed}:${feed}`);
    this.priceUsd = priceToUsdFloat(startPrice);
  }

  /** Restarts the walk from a price (a stored close or a manual price). */
  resetTo(price: bigint): void {
    this.priceUsd = priceToUsdFloat(price);
  }

  /** The current price of the walk on the 1e10 scale. */
  price(): bigint {
    return usdFloatToPrice(this.priceUsd);
  }

  /** Advances by `dtS` seconds; the one float → bigint conversion of the tick. A zero volatility stays put. */
  step(dtS: number): bigint {
    if (this.volatilityAnnual > 0) {
      const z = this.prng.normal();
      this.priceUsd = gbmStep({ priceUsd: this.priceUsd, volatilityAnnual: this.volatilityAnnual, dtS, z });
    }
    return usdFloatToPrice(this.priceUsd);
  }

  /**
   * 1m candles for the minutes `[fromS, toS)` (both minute-aligned): each minute opens at the previous close and
   * walks `HISTORY_STEPS_PER_MINUTE` sub-steps.
   */
  history(fromS: number, toS: number): Candle[] {
    const out: Candle[] = [];
    let close = usdFloatToPrice(this.priceUsd);
    for (let time = fromS; time < toS; time += 60) {
      const open = close;
      let high = open;
      let low = open;
      for (let i = 0; i < HISTORY_STEPS_PER_MINUTE; i++) {
        close = this.step(60 / HISTORY_STEPS_PER_MINUTE);
        if (close > high) high = close;
        if (close < low) low = close;
      }
      out.push({ time, open, high, low, close });
    }
    return out;
  }
}
