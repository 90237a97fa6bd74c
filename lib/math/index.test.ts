import { describe, expect, it } from 'vitest';
import * as math from './index';

describe('lib/math index', () => {
  it('re-exports every module of the contract', () => {
    for (const name of [
      'PRICE_ONE', 'mulDivFloor', 'parseUnits', 'ProtocolError', 'MARKETS', 'priceBand', 'tokenToUsd', 'borrowRateHourly',
      'accrueCumulativeInterest', 'positionBorrowFeeUsd', 'computeOpen', 'validateOpen', 'increasePosition', 'pricePnlUsd',
      'currentLeverageBps', 'liquidationPrice', 'closePosition', 'addCollateral', 'validateTpSl', 'addToAggregate', 'aumUsd',
      'addLiquidityQuote', 'swapQuote', 'checkRatioRule', 'maxOpenSizeUsd', 'isMarketOpen', 'isTokenId',
    ]) {
      expect(math).toHaveProperty(name);
    }
  });
});
