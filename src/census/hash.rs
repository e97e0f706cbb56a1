//! Small stable hashes for change detection (not security): the same bytes
//! give the same hash on every machine and in every version.

/// FNV-1a, 64 bits.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A 24-bit hash shown as 6 hex digits: enough to notice a value changed by
/// hand, small enough to sit on every line of the file.
pub fn short_hash(bytes: &[u8]) -> u32 {
    let h = fnv1a64(bytes);
    ((h >> 40) ^ (h & 0xFF_FFFF)) as u32 & 0xFF_FFFF
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn short_hash_fits_24_bits_and_differs() {
        assert!(short_hash(b"Brest") <= 0xFF_FFFF);
        assert_ne!(short_hash(b"Brest"), short_hash(b"brest"));
    }
}
