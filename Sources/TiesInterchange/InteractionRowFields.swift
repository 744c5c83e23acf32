import TiesCore

/// A row of the interactions table as ``TiesCSVImport/InteractionReader`` reads it: fields as strings (a
/// table read whole), or as bytes straight from the file (the streaming path of `ties import csv`), where
/// numbers, kinds, directions and yes/no are read without first making a string of each.
protocol InteractionRowFields {
    /// The field at `index` as ``TiesCSVImport/field(_:at:)`` gives it: unguarded; nil when the column is
    /// absent, the row short or the field empty.
    func text(_ index: Int?) -> String?

    /// `parse` of the bytes of the field at `index`, when they can be read as they stand (present, not empty,
    /// not starting with the `'` of a formula guard); nil otherwise, or when `parse` gives nil: then the
    /// caller reads ``text(_:)``, so every value that is not plain ASCII takes the one path that strings take.
    func parsed<T>(_ index: Int?, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T?
}

extension [String]: InteractionRowFields {
    func text(_ index: Int?) -> String? { TiesCSVImport.field(self, at: index) }

    func parsed<T>(_ index: Int?, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? { nil }
}

extension CSVFieldBytes: InteractionRowFields {
    func text(_ index: Int?) -> String? {
        guard let index, index < fieldCount else { return nil }
        return TiesCSVImport.fieldText(string(index))
    }

    func parsed<T>(_ index: Int?, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        guard let index, index < fieldCount else { return nil }
        return withField(index) { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "'") else { return nil }
            return parse(bytes)
        }
    }

    /// Whether the record has a different number of fields than `width`, as ``CSVTable/isRagged(_:width:)``
    /// says of strings: extra fields that are all empty do not count.
    func isRagged(width: Int) -> Bool {
        if fieldCount == width { return false }
        if fieldCount < width { return true }
        return (width..<fieldCount).contains { withField($0) { !$0.isEmpty } }
    }
}

/// Values known by their exact spelling in bytes: the raw values of an enum, the words for yes and no.
struct ByteNames<Value: Sendable>: Sendable {
    private let names: [(bytes: [UInt8], value: Value)]

    init(_ names: [(String, Value)]) {
        self.names = names.map { (Array($0.0.utf8), $0.1) }
    }

    /// The value spelled exactly `bytes` (case and all); nil for any other spelling.
    func value(of bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        names: for name in names where name.bytes.count == bytes.count {
            for i in 0..<bytes.count where name.bytes[i] != bytes[i] { continue names }
            return name.value
        }
        return nil
    }
}

extension TiesCSVImport.InteractionReader {
    static let kinds = ByteNames(InteractionKind.allCases.map { ($0.rawValue, $0) })
    static let directions = ByteNames(Direction.allCases.map { ($0.rawValue, $0) })
    static let yesNo = ByteNames(TiesCSVImport.booleans)

    /// A whole number of 1 to 18 ASCII digits (no sign: always within `Int64`); nil for anything else, which
    /// `Int64(_:)` then reads from the text.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard (1...18).contains(bytes.count) else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
