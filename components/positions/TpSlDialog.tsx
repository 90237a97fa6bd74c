'use client';
/**
 * Set or clear a position's take profit and stop loss, checked by lib/math validateTpSl (protocol.md §7), with the
 * PnL each trigger would realise (after the exit fee and the borrow fee so far) and only presets this position
 * accepts (lib/trade tpSlPresets: no −50% stop loss on a 6.9x long).
 */
import { useState } from 'react';
import { Button, Modal } from '@/components/ui';
import { PriceInput } from '@/components/trade/PriceInput';
import type { Position } from '@/lib/client/types';
import { formatPrice, formatUsd, priceToInput, tidyMessage } from '@/lib/format';
import { usePositionActions } from '@/lib/hooks/trade/use-position-actions';
import { isProtocolError } from '@/lib/math/errors';
import { parseUnits } from '@/lib/math/parse';
import { PRICE_DECIMALS } from '@/lib/math/scales';
import { validateTpSl } from '@/lib/math/triggers';
import type { TriggerKind } from '@/lib/trade/trigger-presets';
import { pnlAtTrigger, tpSlPresets } from '@/lib/trade/tpsl-presets';

const parse = (t: string) => (t.trim() === '' ? null : parseUnits(t.trim(), PRICE_DECIMALS));

function check(p: Position, price: bigint, tp: bigint | null | undefined, sl: bigint | null | undefined): string | undefined {
  if (tp === undefined || sl === undefined) return 'Enter prices as plain numbers, e.g. 165.5.';
  try {
    validateTpSl({ side: p.side, markPrice: price, liquidationPrice: p.liquidationPrice, takeProfit: tp ?? undefined, stopLoss: sl ?? undefined });
    return undefined;
  } catch (e) {
    if (isProtocolError(e)) return tidyMessage(e.message, { market: p.market });
    throw e;
  }
}

export function TpSlDialog({ position: p, price, onClose }: { position: Position; price: bigint; onClose: () => void }) {
  const [tpText, setTpText] = useState(p.takeProfit === undefined ? '' : priceToInput(p.takeProfit, { market: p.market }));
  const [slText, setSlText] = useState(p.stopLoss === undefined ? '' : priceToInput(p.stopLoss, { market: p.market }));
  const { setTpSl, pending } = usePositionActions();
  const tp = parse(tpText);
  const sl = parse(slText);
  const issue = check(p, price, tp, sl);
  const pnl = (at: bigint) => formatUsd(pnlAtTrigger({ market: p.market, position: p, price: at }), { sign: true });
  const presets = (kind: TriggerKind) => tpSlPresets({ side: p.side, kind, markPrice: price, liquidationPrice: p.liquidationPrice }).map((x) => ({ ...x, detail: pnl(x.price) }));
  const hint = (at: bigint | null | undefined) => (at ? `At ${formatPrice(at, { market: p.market })} the position closes with ${pnl(at)} after fees.` : undefined);
  return (
    <Modal open onClose={onClose} title={`TP / SL: ${p.market} ${p.side}`}>
      <div className="flex flex-col gap-4" data-testid="tpsl-dialog">
        <p className="text-xs text-ink-muted">
          Mark {formatPrice(price, { market: p.market })} · liquidation {formatPrice(p.liquidationPrice, { market: p.market })}. PnL is after the exit fee and the borrow fee so far
          (it grows while the position stays open). Leave a field empty to remove it.
        </p>
        <PriceInput label="Take profit price" market={p.market} value={tpText} onChange={setTpText} presets={presets('takeProfit')} testId="tpsl-take-profit" hint={hint(tp)} />
        <PriceInput label="Stop loss price" market={p.market} value={slText} onChange={setSlText} presets={presets('stopLoss')} testId="tpsl-stop-loss" hint={hint(sl)} />
        {issue && (
          <p role="alert" className="text-xs text-short" data-testid="tpsl-issue">
            {issue}
          </p>
        )}
        <Button
          variant="primary"
          size="lg"
          fullWidth
          loading={pending}
          disabled={issue !== undefined}
          data-testid="tpsl-confirm"
          onClick={() => {
            if (tp === undefined || sl === undefined) return;
            setTpSl({ positionId: p.id, takeProfit: tp, stopLoss: sl }).then(onClose, () => undefined);
          }}
        >
          Save
        </Button>
      </div>
    </Modal>
  );
}
