//! Events: one `sol_log_data` line per state change, carrying what the indexer needs (owner, market, side, sizes,
//! prices, fees, PnL, payouts), so history is never rebuilt from account diffs. Layout: `kind u8`, then the
//! event's fields little-endian in the order written (docs/program.md § Events; lib/chain/events.ts decodes them).
use crate::sdk::event_buf::EventBuf;
use crate::sdk::log::log_data;
use crate::sdk::pubkey::Pubkey;

pub const POSITION_OPENED: u8 = 1;
pub const POSITION_CLOSED: u8 = 2;
pub const COLLATERAL_CHANGED: u8 = 3;
pub const TP_SL_SET: u8 = 4;
pub const ORDER_PLACED: u8 = 5;
pub const ORDER_CANCELLED: u8 = 6;
pub const LIQUIDITY_ADDED: u8 = 7;
pub const LIQUIDITY_REMOVED: u8 = 8;
pub const SWAPPED: u8 = 9;
pub const PRICES_UPDATED: u8 = 10;

/// Why a position was settled (PositionClosed.reason).
pub const REASON_CLOSE: u8 = 0;
pub const REASON_TAKE_PROFIT: u8 = 1;
pub const REASON_STOP_LOSS: u8 = 2;
pub const REASON_LIQUIDATION: u8 = 3;

/// An event being written, then logged.
pub struct Event {
    buf: EventBuf,
}

impl Event {
    pub fn new(kind: u8) -> Self {
        let mut e = Event { buf: EventBuf::new() };
        e.u8(kind);
        e
    }
    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.buf.put([v]);
        self
    }
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.buf.put(v.to_le_bytes());
        self
    }
    pub fn i64(&mut self, v: i64) -> &mut Self {
        self.buf.put(v.to_le_bytes());
        self
    }
    pub fn key(&mut self, k: &Pubkey) -> &mut Self {
        self.buf.put(*k);
        self
    }
    pub fn emit(&self) {
        log_data(&[self.buf.as_slice()]);
    }
}
