//! Market hours (protocol.md §3, lib/math/market-hours.ts): crypto markets always trade; RWALP markets are closed
//! from Friday 21:00 UTC to Sunday 22:00 UTC. Unsigned arithmetic (the BPF backend has no signed division).

const DAY_S: u64 = 86_400;
const WEEK_S: u64 = 7 * DAY_S;
/// 1970-01-04 00:00 UTC was a Sunday.
const FIRST_SUNDAY_S: u64 = 3 * DAY_S;
const REOPEN_S: u64 = 22 * 3_600;
const CLOSE_S: u64 = 5 * DAY_S + 21 * 3_600;

/// How a market's hours are kept (stored in the market account).
pub const HOURS_ALWAYS: u8 = 0;
pub const HOURS_RWA: u8 = 1;

fn seconds_into_week(now_s: i64) -> u64 {
    let t = if now_s < FIRST_SUNDAY_S as i64 { 0 } else { now_s as u64 - FIRST_SUNDAY_S };
    t % WEEK_S
}

/// True when a market with `hours` trades at `now_s`: always for crypto; RWA closed for w ∈ [Fri 21:00, Sun 22:00).
pub fn is_market_open(hours: u8, now_s: i64) -> bool {
    if hours == HOURS_ALWAYS {
        return true;
    }
    let w = seconds_into_week(now_s);
    (REOPEN_S..CLOSE_S).contains(&w)
}

/// When a closed market reopens (Sunday 22:00 UTC); `now_s` when open.
pub fn next_open_s(hours: u8, now_s: i64) -> i64 {
    if is_market_open(hours, now_s) {
        return now_s;
    }
    let w = seconds_into_week(now_s);
    now_s + (if w < REOPEN_S { REOPEN_S - w } else { WEEK_S - w + REOPEN_S }) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekend_closure() {
        // 2026-12-04 is a Friday. 20:59:59 UTC open, 21:00 closed; Sunday 2026-12-06 21:59:59 closed, 22:00 open.
        let fri_21 = 1_796_418_000; // 2026-12-04T21:00:00Z
        assert!(is_market_open(HOURS_RWA, fri_21 - 1));
        assert!(!is_market_open(HOURS_RWA, fri_21));
        let sun_22 = fri_21 + 2 * 86_400 + 3_600;
        assert!(!is_market_open(HOURS_RWA, sun_22 - 1));
        assert!(is_market_open(HOURS_RWA, sun_22));
        assert_eq!(next_open_s(HOURS_RWA, fri_21), sun_22);
        assert!(is_market_open(HOURS_ALWAYS, fri_21));
    }
}
