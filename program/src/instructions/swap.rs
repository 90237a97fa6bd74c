//! `Swap` (12): one custody's token for another's through the pool (§8, ALP only). Accounts: owner [signer],
//! config, pool, funding token account [writable], receiving token account [writable], vault in [writable], vault
//! out [writable], transfer authority, token program, the pool's custodies in pool order (in and out writable),
//! then the price accounts. Data: in index u8, out index u8, amount_in u64, min_amount_out u64. Emits Swapped.
use super::accounts::{expect_key, Cursor};
use super::context::Ctx;
use super::pool_state::PoolState;
use super::swap_core::{apply_swap, plan_swap, SwapRequest};
use crate::error::{Error, Result};
use crate::events::{Event, SWAPPED};
use crate::oracle::Oracles;
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::state::config::Config;
use crate::state::pool::Pool;
use crate::token::cpi::{transfer, TokenCall};
use crate::token::{check_token_program, funding_account, owned_token_account};

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let ctx = Ctx::new(input.program_id)?;
    let mut r = Reader::new(data);
    let (Some(token_in), Some(token_out), Some(amount_in), Some(min_amount_out)) = (r.u8(), r.u8(), r.u64(), r.u64()) else {
        return Err(Error::InvalidInstruction);
    };
    if !r.finished() {
        return Err(Error::InvalidInstruction);
    }
    let (token_in, token_out) = (token_in as usize, token_out as usize);
    let mut accounts = Cursor::new(input.accounts);
    let owner = accounts.signer()?;
    let config = Config::load(accounts.next()?, input.program_id)?;
    let pool_view = accounts.next()?;
    let pool = Pool::load(pool_view, input.program_id)?;
    let funding = accounts.writable()?;
    let receiver = accounts.writable()?;
    let vault_in = accounts.writable()?;
    let vault_out = accounts.writable()?;
    let authority = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let mut state = PoolState::new(accounts.take(pool.custody_count as usize)?);
    state.load(&pool, input.program_id)?;
    let oracles = Oracles::new(accounts.rest(), &config, input.program_id, ctx.now_s);
    if state.n < 2 {
        return Err(Error::InvalidSwap);
    }
    let plan = plan_swap(&mut state, &oracles, &SwapRequest { token_in, token_out, amount_in, min_amount_out })?;
    let (cin, cout) = (*state.custody(token_in), *state.custody(token_out));
    expect_key(vault_in, &cin.vault)?;
    expect_key(vault_out, &cout.vault)?;
    funding_account(funding, &cin.mint, owner.key(), amount_in)?;
    owned_token_account(receiver, &cout.mint, owner.key())?;

    apply_swap(&mut state, &plan, ctx.now_s)?;
    for i in [token_in, token_out] {
        state.custody_mut(i).settle_rate()?;
        state.store(i)?;
    }
    transfer(&TokenCall::owner(token_program, owner), funding, vault_in, amount_in)?;
    transfer(&TokenCall::authority(token_program, authority, config.authority_bump), vault_out, receiver, plan.amount_out)?;
    Event::new(SWAPPED)
        .key(owner.key())
        .key(pool_view.key())
        .key(&pool.custodies[token_in])
        .key(&pool.custodies[token_out])
        .u64(amount_in)
        .u64(plan.amount_out)
        .u64(plan.fee_amount)
        .u64(plan.fee_usd)
        .emit();
    Ok(())
}
