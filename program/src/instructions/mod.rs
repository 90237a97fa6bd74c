//! The instructions: the first byte of the data is the tag, the rest each instruction's fields
//! (docs/program.md § Instructions). One file per instruction: parse accounts → check → compute → write → emit.
mod accounts;
mod add_liquidity;
mod admin;
mod cancel_order;
mod close_position;
mod collateral;
mod context;
mod fill_order;
mod init_config;
mod init_custody;
mod init_escrow;
mod init_market;
mod init_pool;
mod init_price;
mod keeper_settle;
mod open_core;
mod open_position;
mod order_checks;
mod place_order;
mod pool_state;
mod position_account;
mod query_pool;
mod remove_liquidity;
mod seed_liquidity;
mod set_tp_sl;
mod settle;
mod swap;
mod swap_core;
mod update_prices;

use crate::error::{report, Error, Result};
use crate::sdk::entrypoint::Input;

pub const INIT_CONFIG: u8 = 0;
pub const INIT_POOL: u8 = 1;
pub const INIT_CUSTODY: u8 = 2;
pub const INIT_MARKET: u8 = 3;
pub const INIT_PRICE: u8 = 4;
pub const INIT_ESCROW: u8 = 5;
pub const SEED_LIQUIDITY: u8 = 6;
pub const UPDATE_PRICES: u8 = 7;
pub const ADD_LIQUIDITY: u8 = 10;
pub const REMOVE_LIQUIDITY: u8 = 11;
pub const SWAP: u8 = 12;
pub const OPEN_POSITION: u8 = 20;
pub const CLOSE_POSITION: u8 = 21;
pub const ADD_COLLATERAL: u8 = 22;
pub const REMOVE_COLLATERAL: u8 = 23;
pub const SET_TP_SL: u8 = 24;
pub const PLACE_LIMIT_ORDER: u8 = 25;
pub const CANCEL_ORDER: u8 = 26;
pub const LIQUIDATE: u8 = 30;
pub const EXECUTE_TP_SL: u8 = 31;
pub const FILL_LIMIT_ORDER: u8 = 32;
pub const QUERY_POOL: u8 = 40;

fn dispatch(input: &Input) -> Result<()> {
    let (tag, data) = input.data.split_first().ok_or(Error::InvalidInstruction)?;
    match *tag {
        INIT_CONFIG => init_config::process(input, data),
        INIT_POOL => init_pool::process(input, data),
        INIT_CUSTODY => init_custody::process(input, data),
        INIT_MARKET => init_market::process(input, data),
        INIT_PRICE => init_price::process(input, data),
        INIT_ESCROW => init_escrow::process(input, data),
        SEED_LIQUIDITY => seed_liquidity::process(input, data),
        UPDATE_PRICES => update_prices::process(input, data),
        ADD_LIQUIDITY => add_liquidity::process(input, data),
        REMOVE_LIQUIDITY => remove_liquidity::process(input, data),
        SWAP => swap::process(input, data),
        OPEN_POSITION => open_position::process(input, data),
        CLOSE_POSITION => close_position::process(input, data),
        ADD_COLLATERAL => collateral::add(input, data),
        REMOVE_COLLATERAL => collateral::remove(input, data),
        SET_TP_SL => set_tp_sl::process(input, data),
        PLACE_LIMIT_ORDER => place_order::process(input, data),
        CANCEL_ORDER => cancel_order::process(input, data),
        LIQUIDATE => keeper_settle::liquidate(input, data),
        EXECUTE_TP_SL => keeper_settle::execute_tp_sl(input, data),
        FILL_LIMIT_ORDER => fill_order::process(input, data),
        QUERY_POOL => query_pool::process(input, data),
        _ => Err(Error::InvalidInstruction),
    }
}

/// The processor: 0 on success, else the error's number (after logging its code).
pub fn process(input: &Input) -> u64 {
    match dispatch(input) {
        Ok(()) => 0,
        Err(e) => report(e),
    }
}
