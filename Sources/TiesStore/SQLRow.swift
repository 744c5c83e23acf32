import Foundation
import GRDB

/// One stored value of any column, written to JSON without losing its type or precision.
///
/// `null`, integers and text are plain JSON; a real is `{"real": "<shortest round-trip decimal>"}` and a blob
/// `{"blob": "<base64>"}`, so that an integer column is never read back as a real or the other way round.
enum SQLValue: Codable, Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let n): self = .integer(n)
        case .double(let x): self = .real(x)
        case .string(let s): self = .text(s)
        case .blob(let data): self = .blob(data)
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let n): return n.databaseValue
        case .real(let x): return x.databaseValue
        case .text(let s): return s.databaseValue
        case .blob(let data): return data.databaseValue
        }
    }

    private enum Key: String, CodingKey { case real, blob }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() {
                self = .null
                return
            }
            if let n = try? single.decode(Int64.self) {
                self = .integer(n)
                return
            }
            if let s = try? single.decode(String.self) {
                self = .text(s)
                return
            }
        }
        let keyed = try decoder.container(keyedBy: Key.self)
        if let text = try keyed.decodeIfPresent(String.self, forKey: .real) {
            guard let x = Double(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .real, in: keyed, debugDescription: "not a number: \(text)")
            }
            self = .real(x)
        } else {
            guard let data = Data(base64Encoded: try keyed.decode(String.self, forKey: .blob)) else {
                throw DecodingError.dataCorruptedError(forKey: .blob, in: keyed, debugDescription: "not base64")
            }
            self = .blob(data)
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .integer(let n):
            var single = encoder.singleValueContainer()
            try single.encode(n)
        case .text(let s):
            var single = encoder.singleValueContainer()
            try single.encode(s)
        case .real(let x):
            var keyed = encoder.container(keyedBy: Key.self)
            try keyed.encode("\(x)", forKey: .real)
        case .blob(let data):
            var keyed = encoder.container(keyedBy: Key.self)
            try keyed.encode(data.base64EncodedString(), forKey: .blob)
        }
    }
}

/// A whole table row, column name to value.
typealias SQLRow = [String: SQLValue]

extension Dictionary where Key == String, Value == SQLValue {
    func integer(_ column: String) -> Int64 {
        if case .integer(let n)? = self[column] { return n }
        return 0
    }

    func real(_ column: String) -> Double {
        switch self[column] {
        case .real(let x)?: return x
        case .integer(let n)?: return Double(n)
        default: return 0
        }
    }

    func text(_ column: String) -> String {
        if case .text(let s)? = self[column] { return s }
        return ""
    }
}
