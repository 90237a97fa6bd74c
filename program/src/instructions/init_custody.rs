//! `InitCustody` (2): adds a custody to a pool: the custody PDA `["custody", pool, mint]`, its vault (PDA
//! `["vault", custody]`, owned by the transfer authority), and the mint's escrow vault (created by InitEscrow).
//! Accounts: admin [signer, writable], config, pool [writable], custody [writable], mint, vault [writable],
//! escrow, system program, token program. Data: band, target, min, max, add fee, remove fee, swap fee (bps), uOpt
//! (bps), rateAtOpt, rateMax (1e9 per hour) as u64, then oracle [32] (zeros: the $1 stable) and feed_id [32].
use super::accounts::{expect_key, Cursor};
use super::admin::{admin_config, expect_uninitialized};
use super::context::{signer, AUTHORITY_SEED};
use crate::error::{Error, Result};
use crate::math::borrow_rate::BorrowCurve;
use crate::math::scales::BPS;
use crate::sdk::bytes::Reader;
use crate::sdk::entrypoint::Input;
use crate::sdk::pda::{create_program_address, find_program_address};
use crate::sdk::pubkey::{keys_eq, TOKEN_PROGRAM_ID};
use crate::state::custody::{self, Custody, CustodyParams, ESCROW_SEED, VAULT_SEED};
use crate::state::pool::{Pool, MAX_CUSTODIES};
use crate::token::cpi::{create_pda_account, initialize_account3, CreatePda};
use crate::token::{check_token_program, mint_info, token_account, TOKEN_ACCOUNT_LEN};

fn read_params(r: &mut Reader) -> Option<CustodyParams> {
    Some(CustodyParams {
        band_bps: r.u64()?,
        target_bps: r.u64()?,
        min_bps: r.u64()?,
        max_bps: r.u64()?,
        add_fee_bps: r.u64()?,
        remove_fee_bps: r.u64()?,
        swap_fee_bps: r.u64()?,
        curve: BorrowCurve { u_opt_bps: r.u64()?, rate_at_opt_hourly: r.u64()?, rate_max_hourly: r.u64()? },
    })
}

fn valid(p: &CustodyParams) -> bool {
    p.band_bps < BPS
        && p.min_bps <= p.target_bps
        && p.target_bps <= p.max_bps
        && p.max_bps <= BPS
        && p.add_fee_bps < BPS
        && p.remove_fee_bps < BPS
        && p.swap_fee_bps < BPS
        && p.curve.u_opt_bps < BPS
        && p.curve.rate_at_opt_hourly <= p.curve.rate_max_hourly
}

#[inline(never)]
pub fn process(input: &Input, data: &[u8]) -> Result<()> {
    let mut accounts = Cursor::new(input.accounts);
    let admin = accounts.writable_signer()?;
    let config = admin_config(accounts.next()?, admin, input.program_id)?;
    let pool_view = accounts.writable()?;
    let custody_view = accounts.writable()?;
    let mint = accounts.next()?;
    let vault = accounts.writable()?;
    let escrow = accounts.next()?;
    let system = accounts.next()?;
    let token_program = accounts.next()?;
    check_token_program(token_program)?;
    let mut r = Reader::new(data);
    let params = read_params(&mut r).ok_or(Error::InvalidInstruction)?;
    let oracle = r.key().ok_or(Error::InvalidInstruction)?;
    let feed_id = r.key().ok_or(Error::InvalidInstruction)?;
    if !r.finished() || !valid(&params) {
        return Err(Error::InvalidInstruction);
    }
    let mut pool = Pool::load(pool_view, input.program_id)?;
    if pool.custody_count as usize >= MAX_CUSTODIES {
        return Err(Error::InvalidInstruction);
    }
    let (_, decimals) = mint_info(mint)?;
    expect_uninitialized(custody_view)?;
    expect_uninitialized(vault)?;
    let (custody_key, bump) = find_program_address(&[custody::SEED, pool_view.key(), mint.key()], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(custody_view, &custody_key)?;
    let (vault_key, vault_bump) = find_program_address(&[VAULT_SEED, &custody_key], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(vault, &vault_key)?;
    let (escrow_key, _) = find_program_address(&[ESCROW_SEED, mint.key()], input.program_id).ok_or(Error::InvalidAccount)?;
    expect_key(escrow, &escrow_key)?;
    token_account(escrow, mint.key())?;
    let ab = [config.authority_bump];
    let authority = create_program_address(&[AUTHORITY_SEED, &ab], input.program_id).ok_or(Error::InvalidAccount)?;
    if !keys_eq(&token_account(escrow, mint.key())?.owner, &authority) {
        return Err(Error::InvalidTokenAccount);
    }

    let b = [bump];
    let custody_seeds: [&[u8]; 4] = [custody::SEED, pool_view.key(), mint.key(), &b];
    create_pda_account(&CreatePda { system, payer: admin, account: custody_view, space: custody::LEN, owner: input.program_id }, &signer(&custody_seeds))?;
    let vb = [vault_bump];
    let vault_seeds: [&[u8]; 3] = [VAULT_SEED, &custody_key, &vb];
    create_pda_account(&CreatePda { system, payer: admin, account: vault, space: TOKEN_ACCOUNT_LEN, owner: &TOKEN_PROGRAM_ID }, &signer(&vault_seeds))?;
    initialize_account3(token_program, vault, mint, &authority)?;

    let index = pool.custody_count;
    Custody {
        pool: *pool_view.key(),
        mint: *mint.key(),
        vault: vault_key,
        escrow: escrow_key,
        oracle,
        feed_id,
        decimals,
        bump,
        vault_bump,
        index,
        params,
        owned: 0,
        locked: 0,
        collateral: 0,
        cumulative_interest: 0,
        rate_hourly: 0,
        last_accrual_s: super::context::Ctx::new(input.program_id)?.now_s,
    }
    .write(custody_view.data_mut())?;
    pool.custodies[index as usize] = custody_key;
    pool.custody_count += 1;
    pool.write(pool_view.data_mut())
}
