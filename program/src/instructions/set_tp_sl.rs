//! `SetTpSl` (24): sets or clears (0) the take profit and stop loss of the owner's position, checked against the
//! mark and the current liquidation price (§7). Accounts: owner [signer], config, market, position [writable],
//! custody (its interest moves the liquidation price), then the price accounts. Data: take_profit u64, stop_loss
//! u64. Emits TpSlSet.
use super::accounts::{expect_key, Cursor};
use super::context::Ctx;
use super::position_account::load_position;
use crate::error::{Error, Result};
use crate::events::{Event, TP_SL_SET};
use crate::math::liquidation::{liquidation_price, LiquidationInput};
use crate::math::position::position_borrow_fee_usd;
use crate::math::triggers::validate_tp_sl;
use crate::oracle::Oracles;
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::state::config::Config;
use crate::state::custody::Custody;
use crate::state::market::Market;
use crate::state::position::Position;
use crate::state::writable_data;

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let mut r = Reader::new(data);
    let (Some(take_profit), Some(stop_loss)) = (r.u64(), r.u64()) else {
        return Err(Error::InvalidInstruction);
    };
    if !r.finished() {
        return Err(Error::InvalidInstruction);
    }
    let ctx = Ctx::new(input.program_id)?;
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let market_view = accounts.next()?;
    let market = Market::load(market_view, input.program_id)?;
    let position_view = accounts.writable()?;
    let position = load_position(position_view, input.program_id, owner.key())?;
    expect_key(market_view, &position.market)?;
    let custody_view = accounts.next()?;
    expect_key(custody_view, &position.custody)?;
    let custody = Custody::load(custody_view, input.program_id)?;
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    let price = oracles.mid(&market.oracle, &market.feed_id)?;
    let s = &position.state;
    let liq = liquidation_price(&LiquidationInput {
        side: s.side,
        size_usd: s.size_usd,
        collateral_usd: s.collateral_usd,
        entry_price: s.entry_price,
        liquidation_leverage_bps: market.params.liquidation_leverage_bps,
        liquidation_fee_usd: s.liquidation_fee_usd,
        borrow_fee_usd: position_borrow_fee_usd(s, custody.interest_now(ctx.now_s)?)?,
    })?;
    validate_tp_sl(s.side, price, liq, take_profit, stop_loss)?;
    Position { take_profit, stop_loss, updated_at: ctx.now_s, ..position }.write(writable_data(position_view)?)?;
    Event::new(TP_SL_SET).key(owner.key()).key(position_view.key()).key(&position.market).u8(s.side as u8).u64(take_profit).u64(stop_loss).emit();
    Ok(())
}
