//! The program's errors: one custom error number per `protocol.md` error code (6000…, in the order of
//! `lib/math/errors.ts` ERROR_CODES), then the chain's own refusals (6100…). A refused instruction logs
//! "Error: <CODE>" and returns its number; the transaction then fails with `{"Custom": N}` and changes nothing.
use crate::sdk::log::log;

#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    LeverageTooHigh = 6000,
    LeverageTooLow = 6001,
    CollateralTooSmall = 6002,
    InsufficientLiquidity = 6003,
    OpenInterestCap = 6004,
    PositionTooLarge = 6005,
    RatioOutOfBand = 6006,
    Slippage = 6007,
    MinOutNotMet = 6008,
    MarketClosed = 6009,
    OracleStale = 6010,
    InsufficientBalance = 6011,
    InvalidTakeProfit = 6012,
    InvalidStopLoss = 6013,
    InvalidTrigger = 6014,
    TooManyOrders = 6015,
    RemainingCollateralTooSmall = 6016,
    AmountTooSmall = 6017,
    UnsupportedCollateral = 6018,
    InvalidSwap = 6019,
    PoolEmpty = 6020,
    NotFound = 6021,
    NotOwner = 6022,
    InvalidAmount = 6023,
    InvalidPrice = 6024,
    // The chain's own refusals.
    InvalidInstruction = 6100,
    InvalidAccount = 6101,
    MissingSignature = 6102,
    AccountNotWritable = 6103,
    AlreadyInitialized = 6104,
    MathOverflow = 6105,
    InvalidOracle = 6106,
    InvalidTokenAccount = 6107,
    Unauthorized = 6108,
    NotLiquidatable = 6109,
    NotTriggered = 6110,
    OrderSlotTaken = 6111,
    TokenTransferFailed = 6112,
}

pub type Result<T> = core::result::Result<T, Error>;

impl Error {
    /// The stable code, as `lib/chain/errors.ts` and `GET /api/chain` name it.
    pub fn code(self) -> &'static [u8] {
        match self {
            Error::LeverageTooHigh => b"LEVERAGE_TOO_HIGH",
            Error::LeverageTooLow => b"LEVERAGE_TOO_LOW",
            Error::CollateralTooSmall => b"COLLATERAL_TOO_SMALL",
            Error::InsufficientLiquidity => b"INSUFFICIENT_LIQUIDITY",
            Error::OpenInterestCap => b"OPEN_INTEREST_CAP",
            Error::PositionTooLarge => b"POSITION_TOO_LARGE",
            Error::RatioOutOfBand => b"RATIO_OUT_OF_BAND",
            Error::Slippage => b"SLIPPAGE",
            Error::MinOutNotMet => b"MIN_OUT_NOT_MET",
            Error::MarketClosed => b"MARKET_CLOSED",
            Error::OracleStale => b"ORACLE_STALE",
            Error::InsufficientBalance => b"INSUFFICIENT_BALANCE",
            Error::InvalidTakeProfit => b"INVALID_TAKE_PROFIT",
            Error::InvalidStopLoss => b"INVALID_STOP_LOSS",
            Error::InvalidTrigger => b"INVALID_TRIGGER",
            Error::TooManyOrders => b"TOO_MANY_ORDERS",
            Error::RemainingCollateralTooSmall => b"REMAINING_COLLATERAL_TOO_SMALL",
            Error::AmountTooSmall => b"AMOUNT_TOO_SMALL",
            Error::UnsupportedCollateral => b"UNSUPPORTED_COLLATERAL",
            Error::InvalidSwap => b"INVALID_SWAP",
            Error::PoolEmpty => b"POOL_EMPTY",
            Error::NotFound => b"NOT_FOUND",
            Error::NotOwner => b"NOT_OWNER",
            Error::InvalidAmount => b"INVALID_AMOUNT",
            Error::InvalidPrice => b"INVALID_PRICE",
            Error::InvalidInstruction => b"INVALID_INSTRUCTION",
            Error::InvalidAccount => b"INVALID_ACCOUNT",
            Error::MissingSignature => b"MISSING_SIGNATURE",
            Error::AccountNotWritable => b"ACCOUNT_NOT_WRITABLE",
            Error::AlreadyInitialized => b"ALREADY_INITIALIZED",
            Error::MathOverflow => b"MATH_OVERFLOW",
            Error::InvalidOracle => b"INVALID_ORACLE",
            Error::InvalidTokenAccount => b"INVALID_TOKEN_ACCOUNT",
            Error::Unauthorized => b"UNAUTHORIZED",
            Error::NotLiquidatable => b"NOT_LIQUIDATABLE",
            Error::NotTriggered => b"NOT_TRIGGERED",
            Error::OrderSlotTaken => b"ORDER_SLOT_TAKEN",
            Error::TokenTransferFailed => b"TOKEN_TRANSFER_FAILED",
        }
    }

    /// The log line of a refusal: "Error: <CODE>" (one literal each: a copy of unknown length would be a `memcpy`
    /// the BPF backend cannot call).
    pub fn message(self) -> &'static [u8] {
        match self {
            Error::LeverageTooHigh => b"Error: LEVERAGE_TOO_HIGH",
            Error::LeverageTooLow => b"Error: LEVERAGE_TOO_LOW",
            Error::CollateralTooSmall => b"Error: COLLATERAL_TOO_SMALL",
            Error::InsufficientLiquidity => b"Error: INSUFFICIENT_LIQUIDITY",
            Error::OpenInterestCap => b"Error: OPEN_INTEREST_CAP",
            Error::PositionTooLarge => b"Error: POSITION_TOO_LARGE",
            Error::RatioOutOfBand => b"Error: RATIO_OUT_OF_BAND",
            Error::Slippage => b"Error: SLIPPAGE",
            Error::MinOutNotMet => b"Error: MIN_OUT_NOT_MET",
            Error::MarketClosed => b"Error: MARKET_CLOSED",
            Error::OracleStale => b"Error: ORACLE_STALE",
            Error::InsufficientBalance => b"Error: INSUFFICIENT_BALANCE",
            Error::InvalidTakeProfit => b"Error: INVALID_TAKE_PROFIT",
            Error::InvalidStopLoss => b"Error: INVALID_STOP_LOSS",
            Error::InvalidTrigger => b"Error: INVALID_TRIGGER",
            Error::TooManyOrders => b"Error: TOO_MANY_ORDERS",
            Error::RemainingCollateralTooSmall => b"Error: REMAINING_COLLATERAL_TOO_SMALL",
            Error::AmountTooSmall => b"Error: AMOUNT_TOO_SMALL",
            Error::UnsupportedCollateral => b"Error: UNSUPPORTED_COLLATERAL",
            Error::InvalidSwap => b"Error: INVALID_SWAP",
            Error::PoolEmpty => b"Error: POOL_EMPTY",
            Error::NotFound => b"Error: NOT_FOUND",
            Error::NotOwner => b"Error: NOT_OWNER",
            Error::InvalidAmount => b"Error: INVALID_AMOUNT",
            Error::InvalidPrice => b"Error: INVALID_PRICE",
            Error::InvalidInstruction => b"Error: INVALID_INSTRUCTION",
            Error::InvalidAccount => b"Error: INVALID_ACCOUNT",
            Error::MissingSignature => b"Error: MISSING_SIGNATURE",
            Error::AccountNotWritable => b"Error: ACCOUNT_NOT_WRITABLE",
            Error::AlreadyInitialized => b"Error: ALREADY_INITIALIZED",
            Error::MathOverflow => b"Error: MATH_OVERFLOW",
            Error::InvalidOracle => b"Error: INVALID_ORACLE",
            Error::InvalidTokenAccount => b"Error: INVALID_TOKEN_ACCOUNT",
            Error::Unauthorized => b"Error: UNAUTHORIZED",
            Error::NotLiquidatable => b"Error: NOT_LIQUIDATABLE",
            Error::NotTriggered => b"Error: NOT_TRIGGERED",
            Error::OrderSlotTaken => b"Error: ORDER_SLOT_TAKEN",
            Error::TokenTransferFailed => b"Error: TOKEN_TRANSFER_FAILED",
        }
    }

    pub fn number(self) -> u64 {
        self as u32 as u64
    }
}

/// Logs "Error: <CODE>" and returns the error's number (the entrypoint's return value).
pub fn report(e: Error) -> u64 {
    log(e.message());
    e.number()
}

/// Overflow in checked arithmetic (never wraps: chain.md).
#[inline(always)]
pub fn overflow<T>(v: Option<T>) -> Result<T> {
    v.ok_or(Error::MathOverflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_stable_and_codes_unique() {
        assert_eq!(Error::LeverageTooHigh.number(), 6000);
        assert_eq!(Error::InvalidPrice.number(), 6024);
        assert_eq!(Error::InvalidInstruction.number(), 6100);
        assert_eq!(report(Error::RemainingCollateralTooSmall), 6016);
        assert_eq!(Error::Slippage.message(), b"Error: SLIPPAGE");
    }
}
