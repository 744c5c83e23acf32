import TiesCore

/// A set of 128-bit digests: open addressing with linear probing, at most half full, the slot chosen by
/// Fibonacci hashing of the digest's two halves.
///
/// What ``StoreImporter`` keeps of every row of a first import to find the rows already present: a million
/// of them. `Set<FNV1a128>` spent 9 % of `ties import csv`'s CPU on Swift's seeded SipHash (`Hasher`),
/// which a digest that is already uniform does not need (`perf`, 975,986 rows).
struct DigestSet {
    /// Two words a slot (high, low); (0, 0) marks an empty slot, and the digest (0, 0) is kept apart.
    private var slots: [UInt64]
    private var shift: UInt64
    private var hasZero = false
    private(set) var count = 0
    private var warmth: UInt64 = 0

    init() {
        shift = 64 - 10
        slots = Array(repeating: 0, count: 2 << 10)
    }

    func contains(_ digest: FNV1a128) -> Bool {
        if digest.high == 0 && digest.low == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { slots in
            var i = slot(of: digest)
            while true {
                let high = slots[2 * i]
                let low = slots[2 * i + 1]
                if high == digest.high && low == digest.low { return true }
                if high == 0 && low == 0 { return false }
                i = (i + 1) & (slots.count / 2 - 1)
            }
        }
    }

    /// Reads the first slot of each digest, so that inserting them next finds those slots in the cache.
    /// One insertion waits for its slot's memory before the next begins; these loads depend on nothing and
    /// overlap.
    mutating func prefetch(_ digests: [FNV1a128?]) {
        var seen: UInt64 = 0
        slots.withUnsafeBufferPointer { slots in
            for case let digest? in digests { seen |= slots[2 * slot(of: digest)] }
        }
        warmth ^= seen  // kept, so that the loads are not optimised away
    }

    /// Adds `digest`; false when it was there already.
    @discardableResult
    mutating func insert(_ digest: FNV1a128) -> Bool {
        if digest.high == 0 && digest.low == 0 {
            defer { hasZero = true }
            if !hasZero { count += 1 }
            return !hasZero
        }
        if 2 * (count + 1) > slots.count / 2 { grow() }
        let inserted = place(digest.high, digest.low)
        if inserted { count += 1 }
        return inserted
    }

    /// Removes `digest`, if there, moving back the entries after it so that every probe still finds its own
    /// (backward-shift deletion: no tombstones).
    mutating func remove(_ digest: FNV1a128) {
        if digest.high == 0 && digest.low == 0 {
            if hasZero { count -= 1 }
            hasZero = false
            return
        }
        let mask = slots.count / 2 - 1
        var i = slot(of: digest)
        while slots[2 * i] != digest.high || slots[2 * i + 1] != digest.low {
            if slots[2 * i] == 0 && slots[2 * i + 1] == 0 { return }
            i = (i + 1) & mask
        }
        var j = i
        while true {
            j = (j + 1) & mask
            let (high, low) = (slots[2 * j], slots[2 * j + 1])
            if high == 0 && low == 0 { break }
            // The entry at j stays when its own slot lies cyclically in (i, j]: a probe from there meets it
            // before the hole.
            let home = slot(high, low)
            if i <= j ? (i < home && home <= j) : (i < home || home <= j) { continue }
            (slots[2 * i], slots[2 * i + 1]) = (high, low)
            i = j
        }
        (slots[2 * i], slots[2 * i + 1]) = (0, 0)
        count -= 1
    }

    private func slot(of digest: FNV1a128) -> Int { slot(digest.high, digest.low) }

    private func slot(_ high: UInt64, _ low: UInt64) -> Int {
        Int(truncatingIfNeeded: ((high ^ low) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func place(_ high: UInt64, _ low: UInt64) -> Bool {
        var i = slot(high, low)
        let mask = slots.count / 2 - 1
        return slots.withUnsafeMutableBufferPointer { slots in
            while true {
                if slots[2 * i] == high && slots[2 * i + 1] == low { return false }
                if slots[2 * i] == 0 && slots[2 * i + 1] == 0 {
                    slots[2 * i] = high
                    slots[2 * i + 1] = low
                    return true
                }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let old = slots
        shift -= 1
        slots = Array(repeating: 0, count: 2 * old.count)
        for i in stride(from: 0, to: old.count, by: 2) where old[i] != 0 || old[i + 1] != 0 {
            _ = place(old[i], old[i + 1])
        }
    }
}
