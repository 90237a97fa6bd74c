/**
 * lightweight-charts draws with JavaScript numbers: this is the one place where a fixed-point value (a price in
 * 1e10, an LP price in 1e6) becomes a `number`, through its exact decimal text, for drawing only. Nothing computed
 * from it goes back into money.
 *
 * `value / 10^decimals` as the double nearest to the exact decimal (`parseFloat` of the digits with the point put
 * in; one rounding, none before it: `Number(value) / 10 ** decimals` would round twice). Built from
 * `bigint.toString()` rather than formatFixed's grouped display text: the chart converts 4 × 300 candle prices when
 * it starts, a phone's main thread at the chart's first draw (issue 16).
 */
export function fixedToChartNumber(value: bigint, decimals: number): number {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const point = digits.length - decimals;
  const text = decimals === 0 ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return Number.parseFloat(negative ? `-${text}` : text);
}
