/**
 * What the close dialog will close (protocol.md §6: a close is a fraction in bps of the position). Either a part
 * chosen (25 / 50 / 75 / 100%) or a size typed in USD; nothing is closed by default, and a size larger than the
 * position is refused, not quietly turned into 100%. A typed size becomes the smallest fraction that closes at
 * least that much, and the dialog says what that fraction closes exactly.
 */
import { describeUsd } from '@/lib/math/describe';
import { parseUnits } from '@/lib/math/parse';
import { BPS, USD_DECIMALS } from '@/lib/math/scales';
import { fractionForCloseSize } from './close-preview';

export type CloseChoice = { kind: 'none' } | { kind: 'fraction'; fractionBps: bigint } | { kind: 'size'; text: string };

export type CloseAmount = { ok: true; fractionBps: bigint; closedSizeUsd: bigint; typedSizeUsd: bigint | undefined } | { ok: false; code: 'CLOSE_NOTHING' | 'CLOSE_TOO_LARGE'; message: string };

/** `floor(size × f / 10000)`: the size a fraction closes (lib/math closePosition's rounding). */
export const closedSizeOf = ({ sizeUsd, fractionBps }: { sizeUsd: bigint; fractionBps: bigint }): bigint => (sizeUsd * fractionBps) / BPS;

export function closeAmount({ choice, positionSizeUsd }: { choice: CloseChoice; positionSizeUsd: bigint }): CloseAmount {
  if (choice.kind === 'none') return { ok: false, code: 'CLOSE_NOTHING', message: 'Choose a part, or enter the size to close in USD.' };
  if (choice.kind === 'fraction')
    return { ok: true, fractionBps: choice.fractionBps, closedSizeUsd: closedSizeOf({ sizeUsd: positionSizeUsd, fractionBps: choice.fractionBps }), typedSizeUsd: undefined };
  const typed = choice.text === '' ? undefined : parseUnits(choice.text, USD_DECIMALS);
  if (typed === undefined || typed === 0n) return { ok: false, code: 'CLOSE_NOTHING', message: 'Enter the size to close in USD, or choose a part.' };
  if (typed > positionSizeUsd)
    return { ok: false, code: 'CLOSE_TOO_LARGE', message: `That is more than the position's size (${describeUsd(positionSizeUsd)}). Choose 100% to close all of it.` };
  const fractionBps = fractionForCloseSize({ closeSizeUsd: typed, positionSizeUsd }) ?? BPS;
  return { ok: true, fractionBps, closedSizeUsd: closedSizeOf({ sizeUsd: positionSizeUsd, fractionBps }), typedSizeUsd: typed };
}
