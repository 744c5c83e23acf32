import Foundation

/// A messages row read in one pass (``MessageConversations``), with the people's fields — `FROM`, `SENDER
/// PROFILE URL`, `TO`, `RECIPIENT PROFILE URLS` — numbered by their value, each distinct value made a string
/// once, and the conversation's id made a string once per run of its rows. A million rows hold ~130,000
/// distinct such values; making each row's four as new strings (allocating, checking the UTF-8, freeing them
/// later) and then hashing and comparing them again to find the sender and recipients the memo worked out was
/// a fifth of the reading thread (`perf`). The memo finds them by the numbers instead (``NumberPairTable``),
/// and the record holds an empty string in their place: only a value the memo has not seen is looked up
/// (``FieldInterner/resolved(_:_:)``; retaining each row's four shared strings, cold in memory, cost more than
/// the lookups).
struct NumberedMessageRow: CSVFieldSink {
    /// The row, a numbered field empty (``resolved``).
    private(set) var record: CSVRecord
    /// Per field of the record: the number of its value (``FieldInterner``), or -1 when it is not numbered.
    private(set) var numbers: [Int32] = []
    /// The columns whose values are numbered.
    private let numbered: [Bool]
    private let conversation: Int?
    private var interner: FieldInterner
    /// The values of the numbered fields.
    var strings: FieldStrings { interner.strings }
    /// How many values, and bytes of them, the row's interner keeps.
    var internerLimits: (capacity: Int, bytes: Int) { (interner.capacity, interner.byteCapacity) }
    /// The conversation id of the last row, as bytes and as the string its rows share.
    private var lastConversation: (bytes: [UInt8], text: String) = ([], "")

    init(layout: MessageLayout, line: Int, interner: FieldInterner = FieldInterner()) {
        record = CSVRecord(line: line, fields: [])
        self.interner = interner
        numbered = Self.numberedColumns(layout)
        conversation = layout.conversation
    }

    /// Which of the layout's columns have their values numbered.
    static func numberedColumns(_ layout: MessageLayout) -> [Bool] {
        var numbered = [Bool](repeating: false, count: layout.wanted.count)
        for case let k? in [layout.from, layout.senderURL, layout.to, layout.recipientURLs] { numbered[k] = true }
        return numbered
    }

    var fieldCount: Int { record.fields.count }

    mutating func startRecord(line: Int) {
        record.startRecord(line: line)
        numbers.removeAll(keepingCapacity: true)
    }

    mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>, inInput: Bool) {
        let k = record.fields.count
        if k < numbered.count && numbered[k], let number = interner.intern(bytes) {
            appendNumbered(number)
        } else {
            appendText(bytes, inInput: inInput)
        }
    }

    /// Adds a field whose value is numbered `number`, in ``strings``.
    mutating func appendNumbered(_ number: Int32) {
        record.fields.append("")
        numbers.append(number)
    }

    /// Adds a field whose value is not numbered.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, inInput: Bool) {
        let k = record.fields.count
        numbers.append(-1)
        if k == conversation {
            let same =
                bytes.count == lastConversation.bytes.count
                && lastConversation.bytes.withUnsafeBufferPointer {
                    bytes.count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
                }
            if !same {
                lastConversation.bytes.removeAll(keepingCapacity: true)
                lastConversation.bytes.append(contentsOf: bytes)
                lastConversation.text = String(decoding: bytes, as: UTF8.self)
            }
            record.fields.append(lastConversation.text)
            return
        }
        record.appendField(bytes, inInput: inInput)
    }

    mutating func appendSkipped() {
        record.appendSkipped()
        numbers.append(-1)
    }

    /// The row with its numbered fields' values.
    var resolved: CSVRecord {
        interner.strings.resolved(record, numbers.enumerated().map { ($0.offset, $0.element) })
    }

    /// Whether the row is blank (a single empty field).
    var isBlank: Bool {
        record.fields.count == 1
            && (numbers[0] < 0 ? record.fields[0].isEmpty : interner.strings.string(numbers[0]).isEmpty)
    }

    /// The number of field `index`'s value: ``absent`` when the row has no such field, -1 when not numbered.
    func number(_ index: Int?) -> Int32 {
        guard let index, index < numbers.count else { return Self.absent }
        return numbers[index]
    }

    /// The number of a field the row does not have (``MessageBuilder/raw(_:_:)`` is nil).
    static let absent: Int32 = -2
}

/// Distinct field values, each kept once as bytes (to be compared) and as a string, and numbered in the order
/// first seen; found by ``TextHash``. At most ``capacity`` values (then ``intern(_:)`` says nil and the caller
/// makes a string of its own).
///
/// A struct held by the row that numbers (a class's arrays are checked for exclusive access on every use:
/// 2 % of the reading thread, `perf`), its strings in a class shared with the memo that reads them
/// (``FieldStrings``). Each slot holds the hash's high half and where the value's bytes are, so that a lookup
/// reads the slot and the bytes, nothing else.
struct FieldInterner {
    private struct Slot {
        var tag: UInt32 = 0
        var number: Int32 = -1
        var offset: UInt32 = 0
        var count: UInt32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var hashes: [UInt64] = []
    private var bytes: [UInt8] = []
    /// The values as strings, by number (none are made when ``makesStrings`` is false).
    let strings = FieldStrings()
    let makesStrings: Bool
    /// At most this many values, of at most `byteCapacity` bytes in all, are kept (a file of distinct ones
    /// only costs the strings).
    let capacity: Int
    let byteCapacity: Int

    init(capacity: Int = 400_000, byteCapacity: Int = 64 << 20, makesStrings: Bool = true) {
        self.capacity = capacity
        self.byteCapacity = byteCapacity
        self.makesStrings = makesStrings
    }

    /// The number the next new value gets.
    var count: Int { hashes.count }

    /// The number of `field`'s value, made on its first sight; nil when the interner is full.
    mutating func intern(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = TextHash.hash(field, into: TextHash.seed)
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let there = slots[slot]
            if there.number < 0 { break }
            if there.tag == tag && Int(there.count) == field.count && equal(Int(there.offset), field) {
                return there.number
            }
            slot = (slot + 1) & mask
        }
        guard hashes.count < capacity && bytes.count + field.count <= byteCapacity else { return nil }
        let number = Int32(hashes.count)
        slots[slot] = Slot(tag: tag, number: number, offset: UInt32(bytes.count), count: UInt32(field.count))
        hashes.append(hash)
        bytes.append(contentsOf: field)
        if makesStrings { strings.append(String(decoding: field, as: UTF8.self)) }
        // At most three quarters full: a million rows hold ~138,000 values, which at half would take 2^19
        // slots of 16 bytes (8 MB) instead of 2^18.
        if hashes.count * 4 > slots.count * 3 { grow() }
        return number
    }

    private func equal(_ offset: Int, _ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = field.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { kept in memcmp(kept.baseAddress! + offset, base, field.count) == 0 }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for there in old where there.number >= 0 {
            var slot = Int(truncatingIfNeeded: hashes[Int(there.number)]) & mask
            while slots[slot].number >= 0 { slot = (slot + 1) & mask }
            slots[slot] = there
        }
    }
}

/// The values a ``FieldInterner`` numbered, as strings.
final class FieldStrings {
    private var strings: [String] = []

    func append(_ text: String) { strings.append(text) }

    /// The value numbered `number`.
    func string(_ number: Int32) -> String { strings[Int(number)] }

    /// `row` with the values of its fields numbered (`fields`: index and number, the number -1 for a field that
    /// holds its value, ``NumberedMessageRow/absent`` for one the row does not have).
    func resolved(_ row: CSVRecord, _ fields: [(index: Int?, number: Int32)]) -> CSVRecord {
        var row = row
        for case let (index?, number) in fields where number >= 0 && index < row.fields.count {
            row.fields[index] = strings[Int(number)]
        }
        return row
    }
}

/// Values by a pair of numbers (``NumberedMessageRow``), in an open-addressed table at most half full.
struct NumberPairTable<Value> {
    private var slots = [Int32](repeating: -1, count: 256)
    private var keys: [UInt64] = []
    private(set) var values: [Value] = []
    /// By the second number: the first number and the value last set with it, found without hashing and in
    /// one place (a million rows' lookups in the table alone were 7 % of the reading thread, `perf`: a row's
    /// profile URLs nearly always come with one name or list).
    private var bySecond: [(first: Int32, value: Value?)] = []

    var count: Int { values.count }

    static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: TextHash.mix(key, 0x9E37_79B9_7F4A_7C15))
    }

    /// The value of the pair, if it is in the table.
    func value(_ first: Int32, _ second: Int32) -> Value? {
        if second >= 0 && Int(second) < bySecond.count {
            let there = bySecond[Int(second)]
            if there.first == first, let value = there.value { return value }
        }
        let key = Self.key(first, second)
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let k = slots[slot]
            if k < 0 { return nil }
            if keys[Int(k)] == key { return values[Int(k)] }
            slot = (slot + 1) & mask
        }
    }

    /// Sets the value of the pair, in the table or not.
    mutating func set(_ value: Value, _ first: Int32, _ second: Int32) {
        setValue(value, first, second)
        if second >= 0 {
            if Int(second) >= bySecond.count {
                bySecond.append(
                    contentsOf: repeatElement(
                        (first: Int32(-1), value: Value?.none), count: Int(second) + 1 - bySecond.count))
            }
            bySecond[Int(second)] = (first, value)
        }
    }

    /// Sets the value of the pair in the table.
    private mutating func setValue(_ value: Value, _ first: Int32, _ second: Int32) {
        let key = Self.key(first, second)
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let k = slots[slot]
            if k < 0 { break }
            if keys[Int(k)] == key {
                values[Int(k)] = value
                return
            }
            slot = (slot + 1) & mask
        }
        keys.append(key)
        values.append(value)
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (k, key) in keys.enumerated() {
                var slot = Self.hash(key) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(k)
            }
        } else {
            slots[slot] = Int32(keys.count - 1)
        }
    }
}
