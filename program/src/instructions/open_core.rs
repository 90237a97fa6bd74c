//! Opening or increasing a position (§5), shared by `OpenPosition` and the keeper's `FillLimitOrder` (the
//! engine's planOpen + openPosition). An ALP long posted in USDC is first swapped into the market token through
//! the pool (§3, §8), so its collateral and payout are in that token. Split in phases, each its own function (an
//! SBPF v0 frame is 4 KiB): plan (read and check everything), then custodies, market, position, tokens, event.
use super::accounts::expect_key;
use super::context::{Ctx, Env};
use super::pool_state::PoolState;
use super::position_account::{create_position, existing_position, PositionKey, RentPayer};
use super::swap_core::{apply_swap, plan_swap, SwapPlan, SwapRequest};
use crate::error::{overflow, Error, Result};
use crate::events::{Event, POSITION_OPENED};
use crate::math::aggregates::{add_to_aggregate, remove_from_aggregate};
use crate::math::increase::increase_position;
use crate::math::liquidation::{liquidation_price, LiquidationInput};
use crate::math::market_hours::is_market_open;
use crate::math::open::{check_leverage, compute_open, validate_open, OpenChecks, OpenInput, OpenResult};
use crate::math::oracle_band::Quote;
use crate::math::position::{position_borrow_fee_usd, PositionState, Side};
use crate::math::triggers::validate_tp_sl;
use crate::sdk::pubkey::{keys_eq, Pubkey, ZERO_KEY};
use crate::sdk::AccountView;
use crate::state::config::Config;
use crate::state::custody::Custody;
use crate::state::market::Market;
use crate::state::pool::Pool;
use crate::state::position::Position;
use crate::state::writable_data;
use crate::token::cpi::{transfer, TokenCall};
use crate::token::funding_account;

pub struct OpenArgs {
    pub side: Side,
    /// What is posted, in the posted token (USDC for a swapped ALP long).
    pub amount: u64,
    pub leverage_bps: u64,
    /// 0: none.
    pub acceptable_price: u64,
    /// 0: keep the position's (or none).
    pub take_profit: u64,
    pub stop_loss: u64,
}

/// Where the posted tokens come from.
pub enum Funding<'a> {
    /// The owner's token account, owner-signed.
    Wallet { owner: &'a AccountView, account: &'a AccountView },
    /// A limit order's escrow, signed by the transfer authority; `order` is recorded in the event.
    Escrow { escrow: &'a AccountView, authority: &'a AccountView, order: Pubkey },
}

pub struct OpenAccounts<'a> {
    pub owner: Pubkey,
    pub market: &'a AccountView,
    pub position: &'a AccountView,
    pub lock_custody: &'a AccountView,
    /// The vault of the posted token's custody (the lock custody's, or USDC's when swapped).
    pub receiving_vault: &'a AccountView,
    pub token_program: &'a AccountView,
    pub system_program: &'a AccountView,
    /// The posted token's mint.
    pub posted_mint: Pubkey,
    /// For a swapped ALP long: the pool and all its custodies in pool order (the lock custody again).
    pub swap: Option<(&'a AccountView, &'a [AccountView])>,
    pub rent: RentPayer<'a>,
}

/// The arguments with the market and the lock custody as loaded once (one parameter: SBPF passes at most five in
/// registers and has no stack arguments).
struct Loaded<'a> {
    args: &'a OpenArgs,
    market: &'a Market,
    lock: &'a Custody,
}

/// What the open will do, computed and checked before anything is written.
struct Plan {
    swap: Option<SwapPlan>,
    opened: OpenResult,
    existing: Option<Position>,
    next: PositionState,
    price: u64,
    liquidation_price: u64,
}

/// The market and the lock custody are loaded once, here, and written back by `apply_custodies` and `apply_market`
/// (they were loaded again there: ~2,100 CU per open; nothing writes either account in between).
pub fn execute_open(env: &Env, a: &OpenAccounts, args: &OpenArgs, funding: &Funding) -> Result<()> {
    let mut state = PoolState::new(a.swap.map_or(&[][..], |(_, custodies)| custodies));
    let mut market = Market::load(a.market, env.ctx.program_id)?;
    expect_key(a.lock_custody, market.lock_custody(args.side))?;
    let mut lock = Custody::load(a.lock_custody, env.ctx.program_id)?;
    let plan = plan(env, a, &Loaded { args, market: &market, lock: &lock }, &mut state)?;
    if let Funding::Wallet { owner, account } = funding {
        funding_account(account, &a.posted_mint, owner.key(), args.amount)?;
    }
    apply_custodies(env.ctx, a, &plan, &mut state, &mut lock)?;
    apply_market(a, &plan, args.side, &mut market)?;
    let position = write_position(env.ctx, a, &plan, args)?;
    move_tokens(a, env.config, funding, args.amount)?;
    emit(&Emitted { a, plan: &plan, position: &position, args, funding });
    Ok(())
}

/// Reads and checks everything, in the engine's order (after the market and the lock custody, loaded by the
/// caller): collateral token and amount, market hours, the mark, the swap (ALP long in USDC), the leverage range,
/// §5's computation and checks, then TP/SL against the liquidation price after the open.
#[inline(never)]
fn plan(env: &Env, a: &OpenAccounts, loaded: &Loaded, state: &mut PoolState) -> Result<Plan> {
    let (ctx, oracles) = (env.ctx, env.oracles);
    let (args, market, lock) = (loaded.args, loaded.market, loaded.lock);
    let swapped = !keys_eq(&a.posted_mint, &lock.mint);
    if swapped != a.swap.is_some() || (swapped && !(market.params.long_locks_market_token && args.side == Side::Long)) {
        return Err(Error::UnsupportedCollateral);
    }
    if let Some((pool_view, _)) = a.swap {
        load_open_swap(env, a, market, pool_view, state)?;
    }
    if args.amount == 0 {
        return Err(Error::AmountTooSmall);
    }
    if !is_market_open(market.hours, ctx.now_s) {
        return Err(Error::MarketClosed);
    }
    let price = oracles.mid(&market.oracle, &market.feed_id)?;
    let (swap, lock_quote) = match a.swap {
        None => {
            expect_key(a.receiving_vault, &lock.vault)?;
            (None, oracles.custody_quote(lock)?)
        }
        Some(_) => plan_open_swap(env, a, market, state, args.amount)?,
    };
    // The leverage range before the size is computed: a leverage whose size cannot fit a u64 is LEVERAGE_TOO_HIGH
    // (lib/math validates it first), not an overflow.
    check_leverage(&market.params, args.leverage_bps)?;
    let opened = compute_open(
        &market.params,
        &OpenInput {
            side: args.side,
            collateral_amount: swap.map_or(args.amount, |s| s.amount_out),
            collateral_low: lock_quote.low,
            collateral_decimals: lock.decimals,
            leverage_bps: args.leverage_bps,
            price,
            lock_low: lock_quote.low,
            lock_decimals: lock.decimals,
        },
    )?;
    let key = PositionKey { owner: &a.owner, market: a.market.key(), side: args.side as u8 };
    let existing = existing_position(a.position, ctx.program_id, &key)?;
    let free = lock.owned as i128 - swap.map_or(0, |s| s.amount_out) as i128 - lock.locked as i128;
    validate_open(
        &market.params,
        &OpenChecks {
            side: args.side,
            leverage_bps: args.leverage_bps,
            collateral_usd: opened.collateral_usd,
            size_usd: opened.size_usd,
            entry_price: opened.entry_price,
            lock_amount: opened.lock_amount,
            acceptable_price: args.acceptable_price,
            free_liquidity: if free > 0 { free as u64 } else { 0 },
            open_interest_usd: market.aggregate(args.side).size_usd,
            existing_size_usd: existing.map_or(0, |p| p.state.size_usd),
        },
    )?;
    let interest = lock.interest_now(ctx.now_s)?;
    let next = match &existing {
        Some(p) => increase_position(&p.state, &opened, interest)?,
        None => fresh(args.side, &opened, interest),
    };
    let liq = liquidation_price(&LiquidationInput {
        side: next.side,
        size_usd: next.size_usd,
        collateral_usd: next.collateral_usd,
        entry_price: next.entry_price,
        liquidation_leverage_bps: market.params.liquidation_leverage_bps,
        liquidation_fee_usd: next.liquidation_fee_usd,
        borrow_fee_usd: position_borrow_fee_usd(&next, interest)?,
    })?;
    if args.take_profit != 0 || args.stop_loss != 0 {
        validate_tp_sl(args.side, price, liq, args.take_profit, args.stop_loss)?;
    }
    Ok(Plan { swap, opened, existing, next, price, liquidation_price: liq })
}

/// The pool of an ALP long posted in USDC: its custodies in pool order, the posted token must be its USDC
/// (UNSUPPORTED_COLLATERAL, with the collateral token, before the amount: the engine's checkCollateralToken) and the
/// receiving vault USDC's.
#[inline(always)]
fn load_open_swap(env: &Env, a: &OpenAccounts, market: &Market, pool_view: &AccountView, state: &mut PoolState) -> Result<()> {
    let pool = Pool::load(pool_view, env.ctx.program_id)?;
    expect_key(pool_view, &market.pool)?;
    state.load(&pool, env.ctx.program_id)?;
    let usdc = state.index_of(&market.short_custody)?;
    if !keys_eq(&state.custody(usdc).mint, &a.posted_mint) {
        return Err(Error::UnsupportedCollateral);
    }
    expect_key(a.receiving_vault, &state.custody(usdc).vault)
}

/// The swap of an ALP long posted in USDC (USDC in, the market token out) with its checks and prices (plan_swap);
/// returns it with the lock token's quote.
#[inline(always)]
fn plan_open_swap(env: &Env, a: &OpenAccounts, market: &Market, state: &mut PoolState, amount: u64) -> Result<(Option<SwapPlan>, Quote)> {
    let usdc = state.index_of(&market.short_custody)?;
    let lock_index = state.index_of(a.lock_custody.key())?;
    let s = plan_swap(state, env.oracles, &SwapRequest { token_in: usdc, token_out: lock_index, amount_in: amount, min_amount_out: 0 })?;
    Ok((Some(s), state.quotes[lock_index]))
}

fn fresh(side: Side, o: &OpenResult, interest: u64) -> PositionState {
    PositionState {
        side,
        size_usd: o.size_usd,
        collateral_usd: o.collateral_usd,
        collateral_amount: o.collateral_amount,
        entry_price: o.entry_price,
        lock_amount: o.lock_amount,
        exit_fee_usd: o.exit_fee_usd,
        liquidation_fee_usd: o.liquidation_fee_usd,
        carried_interest_usd: 0,
        interest_snapshot: interest,
    }
}

/// The custodies: the swap (if any), then the lock and the collateral (the same custody), rates settled last.
/// Without a swap `lock` is the lock custody as `plan` read it; with one, the pool state's copy is the one written.
#[inline(never)]
fn apply_custodies(ctx: &Ctx, a: &OpenAccounts, plan: &Plan, state: &mut PoolState, lock: &mut Custody) -> Result<()> {
    let add = |lock: &mut Custody| -> Result<()> {
        lock.locked = overflow(lock.locked.checked_add(plan.opened.lock_amount))?;
        lock.collateral = overflow(lock.collateral.checked_add(plan.opened.collateral_amount))?;
        Ok(())
    };
    match plan.swap {
        Some(s) => {
            apply_swap(state, &s, ctx.now_s)?;
            add(state.custody_mut(s.token_out))?;
            for i in [s.token_in, s.token_out] {
                state.custody_mut(i).settle_rate()?;
                state.store(i)?;
            }
            Ok(())
        }
        None => {
            lock.accrue(ctx.now_s)?;
            add(lock)?;
            lock.settle_rate()?;
            lock.write_state(writable_data(a.lock_custody)?)
        }
    }
}

/// The market's aggregate of the side: the old state out, the new one in (§8).
#[inline(never)]
fn apply_market(a: &OpenAccounts, plan: &Plan, side: Side, market: &mut Market) -> Result<()> {
    if let Some(p) = &plan.existing {
        *market.aggregate_mut(side) = remove_from_aggregate(market.aggregate(side), &p.state)?;
    }
    *market.aggregate_mut(side) = add_to_aggregate(market.aggregate(side), &plan.next)?;
    market.write_aggregates(writable_data(a.market)?)
}

#[inline(never)]
fn write_position(ctx: &Ctx, a: &OpenAccounts, plan: &Plan, args: &OpenArgs) -> Result<Position> {
    let (bump, opened_at, tp, sl) = match &plan.existing {
        Some(p) => (p.bump, p.opened_at, p.take_profit, p.stop_loss),
        None => {
            let key = PositionKey { owner: &a.owner, market: a.market.key(), side: args.side as u8 };
            (create_position(a.position, a.system_program, &a.rent, ctx.program_id, &key)?, ctx.now_s, 0, 0)
        }
    };
    let position = Position {
        owner: a.owner,
        market: *a.market.key(),
        custody: *a.lock_custody.key(),
        bump,
        state: plan.next,
        take_profit: if args.take_profit != 0 { args.take_profit } else { tp },
        stop_loss: if args.stop_loss != 0 { args.stop_loss } else { sl },
        opened_at,
        updated_at: ctx.now_s,
    };
    position.write(writable_data(a.position)?)?;
    Ok(position)
}

fn move_tokens(a: &OpenAccounts, config: &Config, funding: &Funding, amount: u64) -> Result<()> {
    match funding {
        Funding::Wallet { owner, account } => transfer(&TokenCall::owner(a.token_program, owner), account, a.receiving_vault, amount),
        Funding::Escrow { escrow, authority, .. } => transfer(&TokenCall::authority(a.token_program, authority, config.authority_bump), escrow, a.receiving_vault, amount),
    }
}

struct Emitted<'a> {
    a: &'a OpenAccounts<'a>,
    plan: &'a Plan,
    position: &'a Position,
    args: &'a OpenArgs,
    funding: &'a Funding<'a>,
}

#[inline(never)]
fn emit(e: &Emitted) {
    let order = match e.funding {
        Funding::Escrow { order, .. } => *order,
        Funding::Wallet { .. } => ZERO_KEY,
    };
    let (plan, s) = (e.plan, &e.plan.next);
    Event::new(POSITION_OPENED)
        .key(&e.a.owner)
        .key(e.a.position.key())
        .key(e.a.market.key())
        .u8(e.args.side as u8)
        .u8(plan.existing.is_some() as u8)
        .key(&order)
        .key(&e.a.posted_mint)
        .u64(e.args.amount)
        .u64(plan.swap.map_or(0, |x| x.fee_amount))
        .u64(plan.swap.map_or(0, |x| x.fee_usd))
        .u64(plan.opened.collateral_amount)
        .u64(plan.opened.collateral_usd)
        .u64(plan.opened.size_usd)
        .u64(plan.price)
        .u64(plan.opened.open_fee_usd)
        .u64(e.args.leverage_bps)
        .u64(s.size_usd)
        .u64(s.collateral_usd)
        .u64(s.collateral_amount)
        .u64(s.entry_price)
        .u64(s.lock_amount)
        .u64(plan.liquidation_price)
        .u64(e.position.take_profit)
        .u64(e.position.stop_loss)
        .emit();
}
