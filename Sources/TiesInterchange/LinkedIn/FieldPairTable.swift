/// What a pair of fields as a file writes them (either may be absent) comes to, each distinct pair worked out
/// once, found by a hash of its own over the fields' UTF-8 bytes, eight at a time. A million message rows look
/// up their sender's two fields and their recipients' two (~60 bytes each pair); a `Dictionary` keyed by the
/// strings hashed them with `Hasher` (SipHash, a byte at a time) and compared them again on a hit: its lookups
/// and hashing were 9 % of the reading thread's samples (`perf`, 1,000,000 rows).
///
/// Open addressing with linear probing, at most half full. Two pairs are the same when their strings are equal
/// (a hash that collides only costs a comparison), so what a pair comes to is what its fields say, as with the
/// dictionary.
struct FieldPairTable<Value> {
    private struct Key {
        let first: String?
        let second: String?
        let hash: UInt64
    }

    /// Per slot, the index of its entry in `keys` and `values`, or -1.
    private var slots = [Int32](repeating: -1, count: 256)
    private var keys: [Key] = []
    /// The values, by the index ``index(of:_:hash:)`` gives.
    private(set) var values: [Value] = []

    var count: Int { values.count }

    /// The hash of the pair, for ``index(of:_:hash:)`` and ``append(_:for:_:hash:)``. An absent field and an
    /// empty one hash apart (and compare apart).
    static func hash(_ first: String?, _ second: String?) -> UInt64 {
        TextHash.hash(second, into: TextHash.hash(first, into: TextHash.seed))
    }

    /// The index of the pair's value, or nil when it is not in the table.
    func index(of first: String?, _ second: String?, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            let key = keys[Int(entry)]
            if key.hash == hash && key.first == first && key.second == second { return Int(entry) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the value of a pair not in the table; returns its index.
    @discardableResult
    mutating func append(_ value: Value, for first: String?, _ second: String?, hash: UInt64) -> Int {
        if (keys.count + 1) * 2 > slots.count { grow() }
        let index = keys.count
        keys.append(Key(first: first, second: second, hash: hash))
        values.append(value)
        place(index, hash)
        return index
    }

    /// The value at `index`.
    subscript(index: Int) -> Value {
        get { values[index] }
        set { values[index] = newValue }
    }

    private mutating func place(_ index: Int, _ hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (k, key) in keys.enumerated() { place(k, key.hash) }
    }
}

/// A 64-bit hash of text's UTF-8 bytes, read eight at a time, each word folded in by a 128-bit multiply: for
/// tables of the reader's own (``FieldPairTable``, ``LinkedInParticipant``'s hash), where `Hasher` took a byte
/// at a time. Not for anything stored: it may change.
enum TextHash {
    static let seed: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let product = (h ^ word).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        return product.high ^ product.low
    }

    /// `h` with `text` folded in; an absent text is folded in apart from an empty one.
    static func hash(_ text: String?, into h: UInt64) -> UInt64 {
        guard var text else { return mix(h, 0xA5A5_A5A5_A5A5_A5A5) }
        return text.withUTF8 { hash($0, into: h) }
    }

    /// `h` with `bytes` folded in.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, into h: UInt64) -> UInt64 {
        var h = h
        let n = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                h = mix(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        return mix(mix(h, tail), UInt64(n))
    }
}
