//! The protocol's formulas (protocol.md §1–§8), file for file as `lib/math` (`liquidation.rs` beside
//! `liquidation.ts`), on top of the software wide integers of `wide`.
pub mod aggregates;
pub mod aum;
pub mod borrow_rate;
pub mod close;
pub mod collateral;
pub mod convert;
pub mod increase;
pub mod interest;
pub mod leverage;
pub mod liquidation;
pub mod liquidity;
pub mod market_hours;
pub mod open;
pub mod oracle_band;
pub mod params;
pub mod pnl;
pub mod position;
pub mod ratio;
pub mod scales;
pub mod swap;
pub mod triggers;
pub mod wide;
