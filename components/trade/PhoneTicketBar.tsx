'use client';
/**
 * Phones: the ticket lives in a bottom sheet (GMX under 1024 px). This card opens it from Long / Short and keeps
 * the current leverage and liquidation price in view. While the market is closed Long and Short are disabled (a
 * market order cannot fill) and a limit order can still be placed. A price tick re-renders the two figures
 * (`TicketBarFigures`, the ticket's preview), not the buttons and the sheet.
 */
import dynamic from 'next/dynamic';
import { BottomSheet, Button, Skeleton } from '@/components/ui';
import { formatLeverage, formatPrice, formatWeekdayTimeUtc, timeUntil } from '@/lib/format';
import { useMarket } from '@/lib/hooks/use-markets';
import { useServerNowS } from '@/lib/hooks/use-server-clock';
import { marketHoursView } from '@/lib/trade/market-hours-view';
import { useTicketStore } from '@/lib/hooks/trade/ticket-store';
import { useTicketModel } from '@/lib/hooks/trade/use-ticket-model';
import type { MarketId, Side } from '@/lib/math/ids';
import { MARKETS } from '@/lib/math/params';
import { defaultLeverageBps } from '@/lib/trade/leverage';
import { SHORT_TEXT } from './short-text';

/** The ticket's code loads when the sheet first opens (not in a phone's first load of /trade). */
const TradeTicket = dynamic(() => import('./TradeTicket').then((m) => m.TradeTicket), {
  ssr: false,
  loading: () => <Skeleton className="h-[480px] w-full" />,
});

function BarFigures({ market, leverageBps, liq }: { market: MarketId; leverageBps: bigint; liq: bigint | undefined }) {
  return (
    <div className="flex justify-between text-xs text-ink-muted">
      <span>
        Leverage <span className="num font-medium text-ink">{formatLeverage(leverageBps)}</span>
      </span>
      <span>
        Liquidation price <span className="num font-medium text-warn">{liq === undefined ? '–' : formatPrice(liq, { market })}</span>
      </span>
    </div>
  );
}

/** With an amount typed: the ticket's live preview (re-rendered by every tick of the market). */
function PreviewFigures({ market }: { market: MarketId }) {
  const model = useTicketModel(market);
  const liq = model.leverageValid ? model.result?.preview?.open.liquidationPrice : undefined;
  return <BarFigures market={market} leverageBps={model.leverageBps} liq={liq} />;
}

/**
 * Leverage and liquidation price of the ticket as set. With no amount typed (every first load) there is no
 * liquidation price to show whatever the price (previewTicket prices nothing without collateral), so the bar reads
 * the leverage alone and a tick re-renders nothing here (issue 16: /trade's work per tick on a phone).
 */
function TicketBarFigures({ market }: { market: MarketId }) {
  const blank = useTicketStore((s) => s.amountText.trim() === '');
  const chosenBps = useTicketStore((s) => s.leverageBps);
  const maxBps = useMarket(market)?.maxInitialLeverageBps ?? MARKETS[market].maxInitialLeverageBps;
  if (!blank) return <PreviewFigures market={market} />;
  return <BarFigures market={market} leverageBps={chosenBps ?? defaultLeverageBps(maxBps)} liq={undefined} />;
}

export function PhoneTicketBar({ market }: { market: MarketId }) {
  const m = useMarket(market);
  const sheetOpen = useTicketStore((s) => s.sheetOpen);
  const side = useTicketStore((s) => s.side);
  const orderType = useTicketStore((s) => s.orderType);
  const set = useTicketStore((s) => s.set);
  const closed = !(m?.open ?? true);
  const open = (next: Side) => set({ side: next, sheetOpen: true, orderType: closed ? 'limit' : orderType });
  const nowS = useServerNowS({ everyMs: 30_000 });
  const hours = closed && nowS !== undefined && m ? marketHoursView({ market, open: false, reopensAt: m.reopensAt, nowS }) : undefined;
  const reopens = hours?.state === 'closed' ? `${formatWeekdayTimeUtc(hours.reopensAtS)} (${timeUntil({ targetS: hours.reopensAtS, nowS: nowS ?? 0 })})` : undefined;
  return (
    <div className="flex flex-col gap-2 border-t border-line bg-bg-raised p-3" data-testid="phone-ticket-bar">
      <TicketBarFigures market={market} />
      <div className="grid grid-cols-2 gap-2">
        <Button variant={closed ? 'secondary' : 'long'} size="lg" disabled={closed} onClick={() => open('long')} data-testid="open-long">
          Long
        </Button>
        <Button variant={closed ? 'secondary' : 'short'} size="lg" disabled={closed} onClick={() => open('short')} data-testid="open-short" className={closed ? undefined : SHORT_TEXT}>
          Short
        </Button>
      </div>
      {closed && (
        <div className="flex items-center justify-between gap-2 text-xs text-ink-muted" data-testid="phone-market-closed">
          <span>
            {market} is closed{reopens ? ` until ${reopens}` : ''}: prices are indicative.
          </span>
          <Button size="sm" variant="ghost" onClick={() => set({ sheetOpen: true, orderType: 'limit' })} data-testid="open-limit">
            Place a limit order
          </Button>
        </div>
      )}
      <BottomSheet open={sheetOpen} onClose={() => set({ sheetOpen: false })} title={`${side === 'long' ? 'Long' : 'Short'} ${market}`}>
        {sheetOpen && <TradeTicket market={market} surface="sheet" />}
      </BottomSheet>
    </div>
  );
}
