//! Settling a position (§6): a close (whole or a fraction), a triggered take profit or stop loss, or a
//! liquidation (the engine's settlePosition). Pays the trader in the collateral token at high, releases the lock,
//! moves `collateralAmount − payout` into `owned` (fees and losses are LP revenue), updates the aggregate, and
//! closes the account when nothing is left (its rent back to the owner).
use super::accounts::expect_key;
use super::context::Env;
use crate::error::{overflow, Error, Result};
use crate::events::{Event, POSITION_CLOSED, REASON_CLOSE, REASON_LIQUIDATION, REASON_STOP_LOSS, REASON_TAKE_PROFIT};
use crate::math::aggregates::{add_to_aggregate, remove_from_aggregate};
use crate::math::close::{close_position, validate_close, CloseInput, FeeKind};
use crate::math::liquidation::{is_liquidatable, liquidation_price, LiquidationInput};
use crate::math::market_hours::is_market_open;
use crate::math::position::position_borrow_fee_usd;
use crate::math::scales::BPS;
use crate::math::triggers::{is_stop_loss_hit, is_take_profit_hit};
use crate::sdk::pubkey::keys_eq;
use crate::sdk::AccountView;
use crate::state::custody::Custody;
use crate::state::market::Market;
use crate::state::position::Position;
use crate::state::writable_data;
use crate::token::cpi::{close_account, transfer, TokenCall};
use crate::token::owned_token_account;

pub struct SettleAccounts<'a> {
    pub market: &'a AccountView,
    pub position: &'a AccountView,
    pub custody: &'a AccountView,
    pub vault: &'a AccountView,
    /// The owner's token account of the collateral token.
    pub receiver: &'a AccountView,
    /// The owner's wallet (receives the rent when the account closes).
    pub owner: &'a AccountView,
    pub authority: &'a AccountView,
    pub token_program: &'a AccountView,
}

pub struct SettleArgs {
    /// 1..10000 (keepers always settle whole).
    pub fraction_bps: u64,
    /// 0: none (keepers).
    pub acceptable_price: u64,
    /// events::REASON_*.
    pub reason: u8,
}

pub fn settle(env: &Env, a: &SettleAccounts, position: &Position, args: &SettleArgs) -> Result<()> {
    let (ctx, config, oracles) = (env.ctx, env.config, env.oracles);
    let mut market = Market::load(a.market, ctx.program_id)?;
    let side = position.state.side;
    if !keys_eq(&position.market, a.market.key()) || !keys_eq(&position.custody, market.lock_custody(side)) {
        return Err(Error::InvalidAccount);
    }
    expect_key(a.custody, &position.custody)?;
    let mut custody = Custody::load(a.custody, ctx.program_id)?;
    expect_key(a.vault, &custody.vault)?;
    expect_key(a.owner, &position.owner)?;
    owned_token_account(a.receiver, &custody.mint, &position.owner)?;
    // The engine's order: a take profit or stop loss is checked at the price before the market hours
    // (keeperSettlePosition, then settlePosition); a close or a liquidation checks the hours first.
    let trigger_first = args.reason == REASON_TAKE_PROFIT || args.reason == REASON_STOP_LOSS;
    let open = is_market_open(market.hours, ctx.now_s);
    if !trigger_first && !open {
        return Err(Error::MarketClosed);
    }
    let price = oracles.mid(&market.oracle, &market.feed_id)?;
    let interest = custody.interest_now(ctx.now_s)?;
    let borrow_fee_usd = position_borrow_fee_usd(&position.state, interest)?;
    check_condition(&market, position, args.reason, price, borrow_fee_usd)?;
    if !open {
        return Err(Error::MarketClosed);
    }
    let liquidation = args.reason == REASON_LIQUIDATION;
    let quote = oracles.custody_quote(&custody)?;
    let result = close_position(&CloseInput {
        position: position.state,
        fraction_bps: if args.reason == REASON_CLOSE { args.fraction_bps } else { BPS },
        price,
        payout_high: quote.high,
        collateral_decimals: custody.decimals,
        borrow_fee_usd,
        cumulative_interest: interest,
        fee_kind: if liquidation { FeeKind::Liquidation } else { FeeKind::Exit },
    })?;
    if args.reason == REASON_CLOSE {
        validate_close(side, price, args.acceptable_price, &result.remaining)?;
    }

    custody.accrue(ctx.now_s)?;
    custody.collateral = overflow(custody.collateral.checked_sub(result.closed_collateral_amount))?;
    custody.add_owned(result.owned_delta)?;
    custody.locked = overflow(custody.locked.checked_sub(result.released_lock_amount))?;
    custody.settle_rate()?;
    custody.write_state(writable_data(a.custody)?)?;
    let agg = remove_from_aggregate(market.aggregate(side), &position.state)?;
    *market.aggregate_mut(side) = match &result.remaining {
        Some(rest) => add_to_aggregate(&agg, rest)?,
        None => agg,
    };
    market.write_aggregates(writable_data(a.market)?)?;
    if result.payout_amount > 0 {
        transfer(&TokenCall::authority(a.token_program, a.authority, config.authority_bump), a.vault, a.receiver, result.payout_amount)?;
    }
    match result.remaining {
        Some(rest) => Position { state: rest, updated_at: ctx.now_s, ..*position }.write(writable_data(a.position)?)?,
        None => close_account(a.position, a.owner)?,
    }
    Event::new(POSITION_CLOSED)
        .key(&position.owner)
        .key(a.position.key())
        .key(a.market.key())
        .u8(side as u8)
        .u8(args.reason)
        .u64(if args.reason == REASON_CLOSE { args.fraction_bps } else { BPS })
        .u64(price)
        .u64(position.state.entry_price)
        .u64(result.closed_size_usd)
        .u64(result.closed_collateral_usd)
        .i64(result.price_pnl_usd)
        .u64(result.fee_usd)
        .u64(result.borrow_fee_paid_usd)
        .key(&custody.mint)
        .u64(result.payout_amount)
        .u64(result.payout_usd)
        .i64(result.realized_pnl_usd)
        .u64(result.remaining.map_or(0, |r| r.size_usd))
        .emit();
    Ok(())
}

/// The keeper's conditions at the on-chain price (INVALID_TRIGGER otherwise, as the engine): a liquidation must be
/// liquidatable at the current liquidation price (§6), a take profit or stop loss set and hit (§7).
fn check_condition(market: &Market, position: &Position, reason: u8, price: u64, borrow_fee_usd: u64) -> Result<()> {
    let side = position.state.side;
    let ok = match reason {
        REASON_LIQUIDATION => {
            let s = &position.state;
            let liq = liquidation_price(&LiquidationInput {
                side,
                size_usd: s.size_usd,
                collateral_usd: s.collateral_usd,
                entry_price: s.entry_price,
                liquidation_leverage_bps: market.params.liquidation_leverage_bps,
                liquidation_fee_usd: s.liquidation_fee_usd,
                borrow_fee_usd,
            })?;
            is_liquidatable(side, price, liq)
        }
        REASON_TAKE_PROFIT => position.take_profit != 0 && is_take_profit_hit(side, price, position.take_profit),
        REASON_STOP_LOSS => position.stop_loss != 0 && is_stop_loss_hit(side, price, position.stop_loss),
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidTrigger)
    }
}
