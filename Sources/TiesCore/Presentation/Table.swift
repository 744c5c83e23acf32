/// A listing as data: named columns and typed cells, rendered by TiesReports (terminal, Markdown) and
/// TiesInterchange (CSV, JSON) so that every format shows the same rows in the same order.
public struct Table: Sendable, Equatable {
    /// One cell. Typed, so CSV can neutralise formula-like text without mangling negative numbers, and
    /// JSON can write numbers as numbers.
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        /// A number shown with `digits` decimals in text formats (JSON keeps it rounded the same way).
        case number(Double, digits: Int)
        case day(Day)
        case bool(Bool)
        case null

        /// The cell as plain text (empty for null).
        public var plain: String {
            switch self {
            case .text(let s): return s
            case .integer(let n): return String(n)
            case .number(let x, let digits): return Table.format(x, digits: digits)
            case .day(let d): return d.description
            case .bool(let b): return b ? "yes" : "no"
            case .null: return ""
            }
        }

        /// Whether the cell is a number (right-aligned in text tables).
        public var isNumeric: Bool {
            switch self {
            case .integer, .number: return true
            default: return false
            }
        }
    }

    public var columns: [String]
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// A number with a fixed count of decimals, without locale, `-0` shown as `0`.
    public static func format(_ x: Double, digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        if rounded == 0 { return digits == 0 ? "0" : "0." + String(repeating: "0", count: digits) }
        let negative = rounded < 0
        let units = Int64((abs(rounded) * scale).rounded())
        var text = String(units)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return negative ? "-" + text : text
    }
}
