//! Software 128- and 256-bit integer arithmetic. Upstream LLVM's BPF backend has no 128-bit multiply or divide
//! and no widening 64-bit multiply (`__multi3`, `__udivti3` are refused, TOOLCHAIN.md), so:
//! - products are formed from 32-bit halves with native 64-bit multiplies (`mul_64`, `mul_128_limbs`);
//! - quotients use Knuth's algorithm D on 32-bit digits with native 64-bit division (Hacker's Delight `divmnu`).
//! Native `u128`/`i128` still hold values: their add, subtract, compare and constant shifts lower to 64-bit code.
//! Every function is exact; rounding is an explicit argument.

/// How a quotient is rounded: toward −∞ (`Floor`) or +∞ (`Ceil`). On unsigned values Floor truncates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    Floor,
    Ceil,
}

impl Rounding {
    pub fn opposite(self) -> Rounding {
        match self {
            Rounding::Floor => Rounding::Ceil,
            Rounding::Ceil => Rounding::Floor,
        }
    }
}

const M32: u64 = 0xFFFF_FFFF;

/// `a × b` as the full 128-bit product.
#[inline(always)]
pub fn mul_64(a: u64, b: u64) -> u128 {
    let (a0, a1) = (a & M32, a >> 32);
    let (b0, b1) = (b & M32, b >> 32);
    // Each operand is below 2^32, so no product overflows 64 bits.
    let p00 = a0.wrapping_mul(b0);
    let p01 = a0.wrapping_mul(b1);
    let p10 = a1.wrapping_mul(b0);
    let p11 = a1.wrapping_mul(b1);
    let mid = (p00 >> 32) + (p01 & M32) + (p10 & M32);
    let lo = (p00 & M32) | (mid << 32);
    let hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    ((hi as u128) << 64) | lo as u128
}

/// `a × b` when it fits in 64 bits.
#[inline(always)]
pub fn checked_mul_u64(a: u64, b: u64) -> Option<u64> {
    if (a | b) >> 32 == 0 {
        return Some(a.wrapping_mul(b));
    }
    narrow(mul_64(a, b))
}

/// A u128 that fits in 64 bits.
#[inline(always)]
pub fn narrow(x: u128) -> Option<u64> {
    if (x >> 64) == 0 {
        Some(x as u64)
    } else {
        None
    }
}

#[inline(always)]
fn limbs_of(x: u128) -> [u32; 4] {
    [x as u32, (x >> 32) as u32, (x >> 64) as u32, (x >> 96) as u32]
}

#[inline(always)]
fn u128_of(l: &[u32]) -> u128 {
    // Constant shifts only (a variable u128 shift would need __ashlti3).
    let g = |i: usize| l.get(i).copied().unwrap_or(0) as u128;
    g(0) | (g(1) << 32) | (g(2) << 64) | (g(3) << 96)
}

/// Number of significant limbs (0 for zero).
#[inline(always)]
fn significant(l: &[u32]) -> usize {
    let mut n = l.len();
    while n > 0 && l[n - 1] == 0 {
        n -= 1;
    }
    n
}

/// The 256-bit product of two u128 values, as 8 little-endian 32-bit limbs.
#[inline(never)]
pub fn mul_128_limbs(a: u128, b: u128) -> [u32; 8] {
    let (x, y) = (limbs_of(a), limbs_of(b));
    let (nx, ny) = (significant(&x), significant(&y));
    let mut out = [0u32; 8];
    for i in 0..nx {
        let mut carry = 0u64;
        let xi = x[i] as u64;
        for j in 0..ny {
            // (2^32−1)² + 2 (2^32−1) < 2^64: no overflow.
            let t = xi.wrapping_mul(y[j] as u64) + (out[i + j] as u64) + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        out[i + ny] = carry as u32;
    }
    out
}

/// `a × b` when it fits in 128 bits.
#[inline(always)]
pub fn checked_mul_u128(a: u128, b: u128) -> Option<u128> {
    if (a >> 64) == 0 && (b >> 64) == 0 {
        return Some(mul_64(a as u64, b as u64));
    }
    let p = mul_128_limbs(a, b);
    if p[4] | p[5] | p[6] | p[7] != 0 {
        return None;
    }
    Some(u128_of(&p[..4]))
}

/// Quotient and remainder of `u / v` (Knuth, TAOCP 4.3.1, algorithm D; Hacker's Delight `divmnu`), for `u` of up
/// to 8 limbs and `v` of up to 4 limbs with `v ≠ 0`. Returns (quotient limbs, remainder as u128).
#[inline(never)]
fn divmod_limbs(u: &[u32; 8], v: &[u32; 4]) -> ([u32; 8], u128) {
    let n = significant(v);
    let m = significant(u);
    let mut q = [0u32; 8];
    if m < n {
        return (q, u128_of(&u[..4]));
    }
    if n == 1 {
        let d = v[0] as u64;
        let mut k = 0u64;
        for j in (0..m).rev() {
            let cur = (k << 32) | u[j] as u64;
            q[j] = (cur / d) as u32;
            k = cur - (q[j] as u64).wrapping_mul(d);
        }
        return (q, k as u128);
    }
    let s = v[n - 1].leading_zeros();
    let shl = |hi: u32, lo: u32| -> u32 { (((hi as u64) << s) | ((lo as u64) >> (32 - s))) as u32 };
    let mut vn = [0u32; 4];
    for i in (1..n).rev() {
        vn[i] = shl(v[i], v[i - 1]);
    }
    vn[0] = ((v[0] as u64) << s) as u32;
    let mut un = [0u32; 9];
    un[m] = ((u[m - 1] as u64) >> (32 - s)) as u32;
    for i in (1..m).rev() {
        un[i] = shl(u[i], u[i - 1]);
    }
    un[0] = ((u[0] as u64) << s) as u32;
    const B: u64 = 1 << 32;
    for j in (0..=(m - n)).rev() {
        let num = ((un[j + n] as u64) << 32) | un[j + n - 1] as u64;
        let top = vn[n - 1] as u64;
        let mut qhat = num / top;
        let mut rhat = num - qhat.wrapping_mul(top);
        // qhat < B and rhat < B when the products are formed (Hacker's Delight), so they fit in 64 bits.
        while qhat >= B || qhat.wrapping_mul(vn[n - 2] as u64) > ((rhat << 32) | un[j + n - 2] as u64) {
            qhat -= 1;
            rhat += top;
            if rhat >= B {
                break;
            }
        }
        // Multiply and subtract qhat × vn from un[j..=j+n].
        let mut borrow: i64 = 0;
        for i in 0..n {
            let p = qhat.wrapping_mul(vn[i] as u64);
            let t = (un[i + j] as i64) - borrow - ((p & M32) as i64);
            un[i + j] = t as u32;
            borrow = ((p >> 32) as i64) - (t >> 32);
        }
        let t = (un[j + n] as i64) - borrow;
        un[j + n] = t as u32;
        q[j] = qhat as u32;
        if t < 0 {
            // qhat was one too large: add vn back.
            q[j] = q[j].wrapping_sub(1);
            let mut carry = 0u64;
            for i in 0..n {
                let t = (un[i + j] as u64) + (vn[i] as u64) + carry;
                un[i + j] = t as u32;
                carry = t >> 32;
            }
            un[j + n] = un[j + n].wrapping_add(carry as u32);
        }
    }
    let mut r = [0u32; 4];
    for i in 0..n {
        r[i] = (((un[i] as u64) >> s) | (((un[i + 1] as u64) << (32 - s)) & M32)) as u32;
    }
    (q, u128_of(&r))
}

/// `(r·2^64 + u) / d` and its remainder, for `r < d` (so the quotient fits 64 bits): Hacker's Delight `divlu`, two
/// 32-bit quotient digits on the normalized divisor with native 64-bit divides, straight-line (no limb arrays).
/// Every product is of a digit below 2^32 by a half below 2^32, or is taken modulo 2^64 where the true value is
/// known to be below `d` (the partial remainders), hence `wrapping_*`.
#[inline(always)]
fn div_word(r: u64, u: u64, d: u64) -> (u64, u64) {
    const B: u64 = 1 << 32;
    let s = d.leading_zeros();
    let dn = d << s;
    let (dn1, dn0) = (dn >> 32, dn & M32);
    let hi = if s == 0 { r } else { (r << s) | (u >> (64 - s)) };
    let lo = u << s;
    let (u1, u0) = (lo >> 32, lo & M32);
    // First digit: estimate from the top halves, corrected at most twice (Knuth's qhat test).
    let mut q1 = hi / dn1;
    let mut rhat = hi - q1.wrapping_mul(dn1);
    while q1 >= B || q1.wrapping_mul(dn0) > ((rhat << 32) | u1) {
        q1 -= 1;
        rhat += dn1;
        if rhat >= B {
            break;
        }
    }
    let mid = (hi << 32 | u1).wrapping_sub(q1.wrapping_mul(dn));
    // Second digit, the same way.
    let mut q0 = mid / dn1;
    rhat = mid - q0.wrapping_mul(dn1);
    while q0 >= B || q0.wrapping_mul(dn0) > ((rhat << 32) | u0) {
        q0 -= 1;
        rhat += dn1;
        if rhat >= B {
            break;
        }
    }
    let rem = (mid << 32 | u0).wrapping_sub(q0.wrapping_mul(dn)) >> s;
    ((q1 << 32) | q0, rem)
}

/// `div_word` for a divisor below 2^32 (BPS, 10^6, 10^9, 10^decimals): two schoolbook steps on 32-bit digits, each
/// `(r·2^32 + digit) / d` with `r < d < 2^32` a native 64-bit divide; no normalization.
#[inline(always)]
fn div_word_small(r: u64, u: u64, d: u64) -> (u64, u64) {
    let hi = (r << 32) | (u >> 32);
    let q1 = hi / d;
    let r1 = hi - q1.wrapping_mul(d);
    let lo = (r1 << 32) | (u & M32);
    let q0 = lo / d;
    ((q1 << 32) | q0, lo - q0.wrapping_mul(d))
}

/// `round(w / d)` for `w` given as 64-bit words (most significant first) and a divisor below 2^64: one `div_word`
/// per word, the remainder carried. None when the quotient exceeds u128. Two thirds of Knuth D's cost on 32-bit limb
/// arrays on average (338 vs 517 CU per call; issue 16) for the divisors the program mostly has (prices, 10^decimals,
/// BPS, the rate scale; the aggregates' 10^20 is above 2^64 and still takes Knuth D).
#[inline(always)]
fn div_words_by_u64(words: &[u64], d: u64, rounding: Rounding) -> Option<u128> {
    let mut r = 0u64;
    let mut q = 0u128;
    for (i, &w) in words.iter().enumerate() {
        let (qi, ri) = if d >> 32 == 0 { div_word_small(r, w, d) } else { div_word(r, w, d) };
        r = ri;
        if words.len() - i > 2 {
            if qi != 0 {
                return None;
            }
        } else {
            q = (q << 64) | qi as u128;
        }
    }
    with_rounding(q, r != 0, rounding)
}

/// The floor quotient `q` rounded as asked: one more for Ceil when there was a remainder (None if that overflows).
#[inline(always)]
fn with_rounding(q: u128, remainder: bool, rounding: Rounding) -> Option<u128> {
    if rounding == Rounding::Ceil && remainder {
        q.checked_add(1)
    } else {
        Some(q)
    }
}

/// `round(p / d)` for a 256-bit `p` (limbs) and a u128 `d`; None when `d = 0` or the quotient exceeds u128.
fn div_limbs_rounded(p: &[u32; 8], d: u128, rounding: Rounding) -> Option<u128> {
    if d == 0 {
        return None;
    }
    if (d >> 64) == 0 {
        let word = |i: usize| ((p[2 * i + 1] as u64) << 32) | p[2 * i] as u64;
        let top = if p[7] | p[6] | p[5] | p[4] == 0 { 2 } else { 4 };
        let words = [word(3), word(2), word(1), word(0)];
        return div_words_by_u64(&words[4 - top..], d as u64, rounding);
    }
    let (q, r) = divmod_limbs(p, &limbs_of(d));
    if q[4] | q[5] | q[6] | q[7] != 0 {
        return None;
    }
    with_rounding(u128_of(&q[..4]), r != 0, rounding)
}

/// `round(a / d)` on u128; None when `d = 0`.
#[inline(always)]
pub fn div_u128(a: u128, d: u128, rounding: Rounding) -> Option<u128> {
    if d == 0 {
        return None;
    }
    if (a >> 64) == 0 && (d >> 64) == 0 {
        let (a, d) = (a as u64, d as u64);
        let q = a / d;
        let up = rounding == Rounding::Ceil && q.wrapping_mul(d) != a;
        return Some(q as u128 + up as u128);
    }
    let mut p = [0u32; 8];
    p[..4].copy_from_slice(&limbs_of(a));
    div_limbs_rounded(&p, d, rounding)
}

/// `round(a × b / d)` with the whole 256-bit product kept (multiply before you divide); None when `d = 0` or the
/// result exceeds u128.
#[inline(always)]
pub fn mul_div(a: u128, b: u128, d: u128, rounding: Rounding) -> Option<u128> {
    if (a >> 64) == 0 && (b >> 64) == 0 {
        return div_u128(mul_64(a as u64, b as u64), d, rounding);
    }
    div_limbs_rounded(&mul_128_limbs(a, b), d, rounding)
}

/// `round(a × b / d)` on u64 operands with the result narrowed to u64; None on `d = 0` or overflow.
#[inline(always)]
pub fn mul_div_u64(a: u64, b: u64, d: u64, rounding: Rounding) -> Option<u64> {
    narrow(mul_div(a as u128, b as u128, d as u128, rounding)?)
}

/// `round(a × b / d)` for a signed `a`: floor toward −∞ and ceil toward +∞ (floor(−x) = −ceil(x)).
#[inline(always)]
pub fn mul_div_signed(a: i128, b: u128, d: u128, rounding: Rounding) -> Option<i128> {
    let magnitude = a.unsigned_abs();
    if a >= 0 {
        to_i128(mul_div(magnitude, b, d, rounding)?)
    } else {
        to_i128(mul_div(magnitude, b, d, rounding.opposite())?).map(|q| -q)
    }
}

/// `round(a / d)` for a signed `a` (floor toward −∞, ceil toward +∞).
#[inline(always)]
pub fn div_signed(a: i128, d: u128, rounding: Rounding) -> Option<i128> {
    mul_div_signed(a, 1, d, rounding)
}

#[inline(always)]
pub fn to_i128(x: u128) -> Option<i128> {
    if (x >> 127) == 0 {
        Some(x as i128)
    } else {
        None
    }
}

/// An i128 that fits in i64.
#[inline(always)]
pub fn narrow_i64(x: i128) -> Option<i64> {
    if x >= i64::MIN as i128 && x <= i64::MAX as i128 {
        Some(x as i64)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    //! Against the host's native u128 (where the quotient fits) and a slow shift-subtract reference on 256 bits.
    extern crate std;
    use super::*;
    use std::vec::Vec;

    /// xorshift64*: deterministic cases without crates.
    pub struct Rng(u64);
    impl Rng {
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        /// A value of a random bit length, so small, medium and huge values all appear.
        pub fn u128(&mut self) -> u128 {
            let x = ((self.next() as u128) << 64) | self.next() as u128;
            let bits = self.next() % 129;
            if bits == 128 {
                x
            } else {
                x & ((1u128 << bits) - 1)
            }
        }
    }

    /// 256-bit reference: (hi, lo) product, then binary long division.
    fn ref_mul(a: u128, b: u128) -> (u128, u128) {
        let (a0, a1) = (a as u64 as u128, a >> 64);
        let (b0, b1) = (b as u64 as u128, b >> 64);
        let p00 = a0 * b0;
        let p01 = a0 * b1;
        let p10 = a1 * b0;
        let p11 = a1 * b1;
        let mid = (p00 >> 64) + (p01 as u64 as u128) + (p10 as u64 as u128);
        let lo = (p00 as u64 as u128) | (mid << 64);
        let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
        (hi, lo)
    }

    fn ref_div(hi: u128, lo: u128, d: u128) -> (Option<u128>, u128) {
        // Shift-subtract over 256 bits; quotient kept only if it fits in 128 bits.
        let mut rem_hi = 0u128; // remainder < d always fits; use a 129-bit trick with a carry flag
        let mut q_hi = 0u128;
        let mut q_lo = 0u128;
        for i in (0..256).rev() {
            let bit = if i >= 128 { (hi >> (i - 128)) & 1 } else { (lo >> i) & 1 };
            let carry = rem_hi >> 127;
            rem_hi = (rem_hi << 1) | bit;
            if carry == 1 || rem_hi >= d {
                rem_hi = rem_hi.wrapping_sub(d);
                if i >= 128 {
                    q_hi |= 1 << (i - 128);
                } else {
                    q_lo |= 1 << i;
                }
            }
        }
        (if q_hi == 0 { Some(q_lo) } else { None }, rem_hi)
    }

    fn ref_mul_div(a: u128, b: u128, d: u128, r: Rounding) -> Option<u128> {
        if d == 0 {
            return None;
        }
        let (hi, lo) = ref_mul(a, b);
        let (q, rem) = ref_div(hi, lo, d);
        let q = q?;
        if r == Rounding::Ceil && rem != 0 {
            q.checked_add(1)
        } else {
            Some(q)
        }
    }

    fn edges() -> Vec<u128> {
        let mut v = Vec::new();
        for k in [0u32, 1, 31, 32, 33, 63, 64, 65, 95, 96, 97, 126, 127] {
            let p = 1u128 << k;
            v.extend_from_slice(&[p, p - 1 + (k == 0) as u128, p + 1]);
        }
        v.extend_from_slice(&[0, 1, 2, 3, 10, u64::MAX as u128, u128::MAX, u128::MAX - 1, 0xFFFF_FFFF_0000_0000, 10u128.pow(20), 10u128.pow(38)]);
        v
    }

    #[test]
    fn mul_64_equals_native_exhaustively_on_edges_and_randomly() {
        let e: Vec<u64> = edges().into_iter().filter(|x| *x <= u64::MAX as u128).map(|x| x as u64).collect();
        for &a in &e {
            for &b in &e {
                assert_eq!(mul_64(a, b), a as u128 * b as u128, "{a} × {b}");
                assert_eq!(checked_mul_u64(a, b), a.checked_mul(b));
            }
        }
        let mut rng = Rng(7);
        for _ in 0..200_000 {
            let (a, b) = (rng.next() >> (rng.next() % 64), rng.next() >> (rng.next() % 64));
            assert_eq!(mul_64(a, b), a as u128 * b as u128);
            assert_eq!(checked_mul_u64(a, b), a.checked_mul(b));
        }
    }

    #[test]
    fn checked_mul_u128_equals_native() {
        let e = edges();
        for &a in &e {
            for &b in &e {
                assert_eq!(checked_mul_u128(a, b), a.checked_mul(b), "{a} × {b}");
            }
        }
        let mut rng = Rng(11);
        for _ in 0..100_000 {
            let (a, b) = (rng.u128(), rng.u128());
            assert_eq!(checked_mul_u128(a, b), a.checked_mul(b));
        }
    }

    #[test]
    fn div_word_equals_native_for_every_normalization_shift() {
        let mut rng = Rng(13);
        let mut cases: Vec<(u64, u64, u64)> = Vec::new();
        for s in 0..64u32 {
            // A divisor of each bit length, with edge and random remainders and low words.
            for d in [1u64 << (63 - s), (u64::MAX >> s), (rng.next() >> s) | (1 << (63 - s))] {
                for r in [0, d - 1, d / 2, rng.next() % d] {
                    for u in [0, u64::MAX, 1 << 63, rng.next()] {
                        cases.push((r, u, d));
                    }
                }
            }
        }
        for _ in 0..200_000 {
            let d = (rng.next() >> (rng.next() % 64)).max(1);
            cases.push((rng.next() % d, rng.next(), d));
        }
        for (r, u, d) in cases {
            let n = ((r as u128) << 64) | u as u128;
            let (q, rem) = div_word(r, u, d);
            assert_eq!((q as u128, rem as u128), (n / d as u128, n % d as u128), "({r}·2^64 + {u}) / {d}");
            if d >> 32 == 0 {
                assert_eq!(div_word_small(r, u, d), (q, rem), "small: ({r}·2^64 + {u}) / {d}");
            }
        }
    }

    #[test]
    fn div_u128_equals_native() {
        let e = edges();
        let mut rng = Rng(3);
        let mut cases: Vec<(u128, u128)> = Vec::new();
        for &a in &e {
            for &d in &e {
                cases.push((a, d));
            }
        }
        for _ in 0..200_000 {
            cases.push((rng.u128(), rng.u128()));
        }
        for (a, d) in cases {
            let floor = if d == 0 { None } else { Some(a / d) };
            let ceil = if d == 0 { None } else { Some(a / d + (a % d != 0) as u128) };
            assert_eq!(div_u128(a, d, Rounding::Floor), floor, "{a} / {d}");
            assert_eq!(div_u128(a, d, Rounding::Ceil), ceil, "{a} / {d} ceil");
        }
    }

    #[test]
    fn mul_div_equals_the_256_bit_reference() {
        let e = edges();
        for &a in &e {
            for &b in &e {
                for &d in &e {
                    for r in [Rounding::Floor, Rounding::Ceil] {
                        assert_eq!(mul_div(a, b, d, r), ref_mul_div(a, b, d, r), "{a} × {b} / {d} {r:?}");
                    }
                }
            }
        }
        let mut rng = Rng(5);
        for _ in 0..200_000 {
            let (a, b, d) = (rng.u128(), rng.u128(), rng.u128());
            let r = if rng.next() & 1 == 0 { Rounding::Floor } else { Rounding::Ceil };
            assert_eq!(mul_div(a, b, d, r), ref_mul_div(a, b, d, r), "{a} × {b} / {d} {r:?}");
        }
    }

    #[test]
    fn signed_rounding_goes_toward_the_named_infinity() {
        let cases: [(i128, u128, u128, i128, i128); 6] = [
            (7, 1, 2, 3, 4),
            (-7, 1, 2, -4, -3),
            (-6, 1, 2, -3, -3),
            (0, 5, 3, 0, 0),
            (-1, 1, 3, -1, 0),
            (-10, 3, 4, -8, -7),
        ];
        for (a, b, d, floor, ceil) in cases {
            assert_eq!(mul_div_signed(a, b, d, Rounding::Floor), Some(floor), "{a}×{b}/{d} floor");
            assert_eq!(mul_div_signed(a, b, d, Rounding::Ceil), Some(ceil), "{a}×{b}/{d} ceil");
        }
        let mut rng = Rng(9);
        for _ in 0..100_000 {
            let a = (rng.next() as i64) as i128 >> (rng.next() % 60);
            let b = (rng.next() >> (rng.next() % 64)) as u128;
            let d = ((rng.next() >> (rng.next() % 64)) | 1) as u128;
            let exact = a * b as i128;
            let floor = exact.div_euclid(d as i128);
            let ceil = floor + (exact.rem_euclid(d as i128) != 0) as i128;
            assert_eq!(mul_div_signed(a, b, d, Rounding::Floor), Some(floor));
            assert_eq!(mul_div_signed(a, b, d, Rounding::Ceil), Some(ceil));
        }
        assert_eq!(narrow_i64(i64::MIN as i128), Some(i64::MIN));
        assert_eq!(narrow_i64(i64::MAX as i128 + 1), None);
    }
}
