//! Position accounts: finding an owner's position (NOT_FOUND / NOT_OWNER as the engine's loadPosition), creating
//! one at its canonical PDA, and the seeds that sign for it.
use super::context::signer;
use crate::error::{Error, Result};
use crate::sdk::pda::{create_program_address, find_program_address};
use crate::sdk::pubkey::{keys_eq, Pubkey};
use crate::sdk::AccountView;
use crate::state::position::{self, Position};
use crate::token::cpi::{allocate_and_assign, create_pda_account, move_lamports, CreatePda};

/// The position in `view`: NOT_FOUND when there is none (never created, or closed), NOT_OWNER when another
/// owner's, INVALID_ACCOUNT when the account is something else.
pub fn load_position(view: &AccountView, program_id: &Pubkey, owner: &Pubkey) -> Result<Position> {
    if view.data_len() == 0 {
        return Err(Error::NotFound);
    }
    let p = Position::load(view, program_id)?;
    if !keys_eq(&p.owner, owner) {
        return Err(Error::NotOwner);
    }
    Ok(p)
}

/// Which position: its owner, market and side (the PDA's seeds).
pub struct PositionKey<'a> {
    pub owner: &'a Pubkey,
    pub market: &'a Pubkey,
    pub side: u8,
}

/// The existing position of `key` in `view`, or None when the account is still empty.
pub fn existing_position(view: &AccountView, program_id: &Pubkey, key: &PositionKey) -> Result<Option<Position>> {
    if view.data_len() == 0 {
        return Ok(None);
    }
    let p = load_position(view, program_id, key.owner)?;
    if !keys_eq(&p.market, key.market) || p.state.side as u8 != key.side {
        return Err(Error::InvalidAccount);
    }
    Ok(Some(p))
}

/// Who pays a new position's rent: the owner (an open), or the order being filled (its rent moves over; with the
/// position's canonical bump PlaceLimitOrder recorded, 0 when none was).
pub enum RentPayer<'a> {
    Owner(&'a AccountView),
    Order(&'a AccountView, u8),
}

/// The canonical bump of the position PDA `["position", owner, market, side]` (a search: 1,500 CU per bump tried).
pub fn find_position_bump(program_id: &Pubkey, key: &PositionKey) -> Result<u8> {
    let s = [key.side];
    let (_, bump) = find_program_address(&[position::SEED, key.owner, key.market, &s], program_id).ok_or(Error::InvalidAccount)?;
    Ok(bump)
}

/// The position PDA and its bump: derived with `known_bump` in one `create_program_address` when the program
/// recorded it (canonical: PlaceLimitOrder found it by search), else searched.
fn position_address(program_id: &Pubkey, key: &PositionKey, known_bump: u8) -> Result<(Pubkey, u8)> {
    let s = [key.side];
    if known_bump != 0 {
        let b = [known_bump];
        let address = create_program_address(&[position::SEED, key.owner, key.market, &s, &b], program_id).ok_or(Error::InvalidAccount)?;
        return Ok((address, known_bump));
    }
    find_program_address(&[position::SEED, key.owner, key.market, &s], program_id).ok_or(Error::InvalidAccount)
}

/// Creates the position account at the canonical PDA `["position", owner, market, side]`; returns its bump.
pub fn create_position(view: &AccountView, system: &AccountView, payer: &RentPayer, program_id: &Pubkey, key: &PositionKey) -> Result<u8> {
    let (owner, market) = (key.owner, key.market);
    let s = [key.side];
    let known_bump = match payer {
        RentPayer::Order(_, bump) => *bump,
        RentPayer::Owner(_) => 0,
    };
    let (address, bump) = position_address(program_id, key, known_bump)?;
    if !keys_eq(view.key(), &address) {
        return Err(Error::InvalidAccount);
    }
    let b = [bump];
    let seeds: [&[u8]; 5] = [position::SEED, owner, market, &s, &b];
    let (payer_view, from_order) = match payer {
        RentPayer::Owner(v) => (*v, false),
        RentPayer::Order(v, _) => (*v, true),
    };
    let create = CreatePda { system, payer: payer_view, account: view, space: position::LEN, owner: program_id };
    if from_order {
        // Allocate and assign first, then move the order's lamports: a lamport change the System Program's CPI
        // does not see (the order is not one of its accounts) would make that CPI unbalanced.
        allocate_and_assign(&create, &signer(&seeds))?;
        move_lamports(payer_view, view, payer_view.lamports())?;
    } else {
        create_pda_account(&create, &signer(&seeds))?;
    }
    Ok(bump)
}
