'use client';
/** The trade ticket (issue 6): side, order type, collateral, leverage, TP/SL, preview and submit. */
import { Tabs } from '@/components/ui';
import { useTicketStore } from '@/lib/hooks/trade/ticket-store';
import { useSubmitTicket } from '@/lib/hooks/trade/use-submit-ticket';
import { useTicketModel } from '@/lib/hooks/trade/use-ticket-model';
import type { MarketId, Side } from '@/lib/math/ids';
import type { ExistingPosition, OrderType, TicketPreview as TicketPreviewResult } from '@/lib/trade/ticket-types';
import { CollateralInput } from './CollateralInput';
import { LeverageSlider } from './LeverageSlider';
import { LimitTriggerInput } from './LimitTriggerInput';
import { TicketPreview } from './TicketPreview';
import { TicketSubmit } from './TicketSubmit';
import { TicketTestFunds } from './TicketTestFunds';
import { TpSlFields } from './TpSlFields';

/** The position once this order fills, for the TP/SL PnL: the merged one after an increase, else the new one. */
function positionAfter(p: TicketPreviewResult, side: Side): ExistingPosition {
  const f = p.increase?.after ?? { ...p.open, borrowFeeUsd: 0n };
  return {
    side,
    sizeUsd: f.sizeUsd,
    collateralUsd: f.collateralUsd,
    collateralAmount: p.open.collateralAmount,
    entryPrice: f.entryPrice,
    lockAmount: p.open.lockAmount,
    exitFeeUsd: f.exitFeeUsd,
    liquidationFeeUsd: f.liquidationFeeUsd,
    borrowFeeUsd: f.borrowFeeUsd,
  };
}

const AMOUNT_CODES = new Set(['INSUFFICIENT_BALANCE', 'COLLATERAL_TOO_SMALL']);

export function TradeTicket({ market, surface = 'aside' }: { market: MarketId; surface?: 'aside' | 'sheet' }) {
  const model = useTicketModel(market);
  const form = useTicketStore();
  const { submit, pending, ready } = useSubmitTicket(model);
  const issue = model.result?.issue;
  const preview = model.leverageValid ? model.result?.preview : undefined;
  return (
    <form
      data-testid="trade-ticket"
      aria-label={`Trade ${market}`}
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Tabs<Side>
        label="Side"
        value={model.side}
        onChange={(side) => form.set({ side })}
        items={[
          { value: 'long', label: 'Long', tone: 'long' },
          { value: 'short', label: 'Short', tone: 'short' },
        ]}
      />
      <Tabs<OrderType>
        label="Order type"
        variant="underline"
        value={model.orderType}
        onChange={(orderType) => form.set({ orderType })}
        items={[
          { value: 'market', label: 'Market' },
          { value: 'limit', label: 'Limit' },
        ]}
      />
      {model.orderType === 'limit' && <LimitTriggerInput market={market} side={model.side} price={model.price} />}
      <CollateralInput
        token={model.collateralToken}
        tokens={model.collateralTokens}
        onTokenChange={(collateralToken) => form.set({ collateralToken, amountText: '' })}
        amountText={form.amountText}
        onAmountChange={(amountText) => form.set({ amountText })}
        balance={model.balance}
        error={issue && AMOUNT_CODES.has(issue.code) ? issue.message : undefined}
      />
      <LeverageSlider leverageBps={model.leverageBps} maxLeverageBps={model.maxLeverageBps} onChange={(leverageBps) => form.set({ leverageBps })} />
      <TpSlFields market={market} side={model.side} position={preview && positionAfter(preview, model.side)} liquidationPrice={preview && (preview.increase?.after ?? preview.open).liquidationPrice} />
      <TicketPreview
        market={market}
        side={model.side}
        orderType={model.orderType}
        preview={model.result?.preview}
        slippageBps={model.slippageBps}
        postedToken={model.collateralToken}
        leverageValid={model.leverageValid}
        marketOpen={model.marketOpen}
      />
      <TicketSubmit
        market={market}
        side={model.side}
        orderType={model.orderType}
        connected={model.connected}
        issue={issue}
        ready={ready}
        pending={pending}
        onSubmit={() => void submit()}
        surface={surface}
      />
      <TicketTestFunds />
    </form>
  );
}
