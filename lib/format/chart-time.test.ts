import { describe, expect, it } from 'vitest';
import { chartCrosshairLabel, chartTickLabel, type ChartTickKind } from './chart-time';

const T = Date.UTC(2026, 10, 24, 14, 5, 9) / 1000;

describe('chart time labels (UTC)', () => {
  it.each<[ChartTickKind, string]>([
    [0, '2026'],
    [1, 'Nov'],
    [2, '24'],
    [3, '14:05'],
    [4, '14:05:09'],
  ])('tick kind %i → %s', (kind, label) => {
    expect(chartTickLabel(T, kind)).toBe(label);
  });

  it('pads single digits and reads UTC, not the local zone', () => {
    expect(chartTickLabel(Date.UTC(2027, 0, 3, 0, 7, 0) / 1000, 3)).toBe('00:07');
    expect(chartCrosshairLabel(Date.UTC(2027, 0, 3, 0, 7, 0) / 1000)).toBe("03 Jan '27  00:07");
    expect(chartCrosshairLabel(T)).toBe("24 Nov '26  14:05");
  });
});
