/// One timed message of a temporal network: `source` wrote to `target` at `seconds` (Unix time, UTC).
public struct TemporalEdge: Sendable, Equatable, Hashable, Codable {
    /// The sender's node id.
    public var source: Int64
    /// The recipient's node id.
    public var target: Int64
    /// When the message was sent, in seconds since 1970-01-01 UTC.
    public var seconds: Int64

    /// An edge from its parts.
    public init(source: Int64, target: Int64, seconds: Int64) {
        self.source = source
        self.target = target
        self.seconds = seconds
    }
}

/// A line of a temporal edge list that cannot be read: where, which field, what was there and what is accepted.
///
/// The parser does not know the file's name; the caller (the CLI) prefixes it. ``description`` reads like
/// `line 12, field timestamp: 'abc' is not a whole number of seconds`.
public struct EdgeListParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field of a `SRC DST UNIXTS` line an error is about.
    public enum Field: String, Sendable, Codable, CaseIterable {
        /// The first field, the sender's node id.
        case source = "src"
        /// The second field, the recipient's node id.
        case target = "dst"
        /// The third field, Unix time in whole seconds.
        case timestamp
        /// Anything after the third field.
        case extra
    }

    /// 1-based line number, counting blank and comment lines.
    public var line: Int
    /// The offending field.
    public var field: Field
    /// The text found there (shortened to 40 characters), or nil when the field is missing.
    public var value: String?
    /// What the field accepts, as a noun phrase ("a whole number of seconds").
    public var expected: String

    /// An error from its parts.
    public init(line: Int, field: Field, value: String?, expected: String) {
        self.line = line
        self.field = field
        self.value = value
        self.expected = expected
    }

    /// `line L, field F: 'V' is not E`, `line L, field F: missing; expected E`, or, for a fourth field,
    /// `line L, field extra: 'V' is not expected; E`.
    public var description: String {
        let place = "line \(line), field \(field.rawValue)"
        guard let value else { return "\(place): missing; expected \(expected)" }
        if field == .extra { return "\(place): '\(value)' is not expected; \(expected)" }
        return "\(place): '\(value)' is not \(expected)"
    }
}

/// A temporal edge list in the SNAP text format (`SRC DST UNIXTS` per line), parsed.
///
/// The format: one message per line, three whitespace-separated (space, tab; a trailing CR is allowed)
/// integers, sender, recipient, and Unix time in seconds. Blank lines and lines whose first non-blank
/// character is `#` or `%` are comments. A leading UTF-8 byte-order mark is ignored. Integers may carry a
/// sign; node ids must fit in 64 bits and times in ``ContactEvent/secondsRange`` (years 1–9999); anything else (decimals, exponents, letters) is an error naming the line
/// and field. Self-loops (`SRC == DST`) carry no relationship and are skipped and counted.
///
/// Parsing works on UTF-8 bytes directly (no per-line strings), so the 1.1 MB CollegeMsg file reads in a
/// few milliseconds.
public struct TemporalEdgeList: Sendable, Equatable {
    /// The edges in file order, self-loops left out.
    public var edges: [TemporalEdge]
    /// How many self-loop lines were skipped.
    public var selfLoopsSkipped: Int
    /// How many lines the input has (the last line counts even without a final newline).
    public var lineCount: Int

    /// An edge list from already parsed parts.
    public init(edges: [TemporalEdge], selfLoopsSkipped: Int = 0, lineCount: Int = 0) {
        self.edges = edges
        self.selfLoopsSkipped = selfLoopsSkipped
        self.lineCount = lineCount
    }

    /// Parses the text of a SNAP temporal edge list.
    /// - Throws: ``EdgeListParseError`` for the first line that is not `SRC DST UNIXTS`.
    /// - Complexity: O(n) in the length of the text.
    public init(parsing text: String) throws(EdgeListParseError) {
        var copy = text
        let result = copy.withUTF8 { Self.parse($0) }
        self = try result.get()
    }

    /// Parses the UTF-8 bytes of a SNAP temporal edge list (for example a file's contents as `Data` or `[UInt8]`).
    /// - Throws: ``EdgeListParseError`` for the first line that is not `SRC DST UNIXTS`.
    /// - Complexity: O(n) in the number of bytes (plus one copy when `bytes` is not contiguous).
    public init<Bytes: Sequence>(parsing bytes: Bytes) throws(EdgeListParseError) where Bytes.Element == UInt8 {
        let result =
            bytes.withContiguousStorageIfAvailable { Self.parse($0) }
            ?? Array(bytes).withUnsafeBufferPointer { Self.parse($0) }
        self = try result.get()
    }

    /// The contact events of the list, two per message: an outbound event for the sender as ego and an
    /// inbound event for the recipient as ego, each of weight `weight`.
    ///
    /// A message network has no interaction kinds, so every message weighs the same; with the day-episode
    /// rule (an episode weighs its strongest interaction) every active day of a pair then weighs `weight`.
    /// - Complexity: O(n) in the number of edges.
    public func contactEvents(weight: Double = 1) -> [ContactEvent] {
        var events: [ContactEvent] = []
        events.reserveCapacity(edges.count * 2)
        for edge in edges {
            events.append(
                ContactEvent(
                    ego: edge.source, alter: edge.target, seconds: edge.seconds,
                    direction: .outbound, weight: weight))
            events.append(
                ContactEvent(
                    ego: edge.target, alter: edge.source, seconds: edge.seconds,
                    direction: .inbound, weight: weight))
        }
        return events
    }

    // MARK: - Byte-level parser

    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
    private static let hash: UInt8 = 0x23, percent: UInt8 = 0x25, minus: UInt8 = 0x2D, plus: UInt8 = 0x2B
    private static let zero: UInt8 = 0x30, nine: UInt8 = 0x39

    private static let fields: [EdgeListParseError.Field] = [.source, .target, .timestamp]

    private static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab || b == cr }

    private static func expectation(_ field: EdgeListParseError.Field, outOfRange: Bool = false) -> String {
        switch field {
        case .source, .target:
            return "a whole-number node id"
                + (outOfRange ? " between -9223372036854775808 and 9223372036854775807" : "")
        case .timestamp:
            let r = ContactEvent.secondsRange
            return "a whole number of seconds"
                + (outOfRange ? " between \(r.lowerBound) and \(r.upperBound) (years 1–9999)" : "")
        case .extra: return "a line holds exactly three fields, SRC DST UNIXTS"
        }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<TemporalEdgeList, EdgeListParseError> {
        var edges: [TemporalEdge] = []
        edges.reserveCapacity(buffer.count / 18)
        var selfLoops = 0
        var line = 0
        var i = 0
        let n = buffer.count
        if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { i = 3 }

        func text(_ start: Int, _ end: Int) -> String {
            let shown = min(end, start + 40)
            let s = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<shown]), as: UTF8.self)
            return end > shown ? s + "…" : s
        }

        while i < n {
            line += 1
            var lineEnd = i
            while lineEnd < n && buffer[lineEnd] != lf { lineEnd += 1 }
            defer { i = lineEnd + 1 }
            var j = i
            while j < lineEnd && isBlank(buffer[j]) { j += 1 }
            if j == lineEnd || buffer[j] == hash || buffer[j] == percent { continue }

            var values: (Int64, Int64, Int64) = (0, 0, 0)
            for field in fields {
                while j < lineEnd && isBlank(buffer[j]) { j += 1 }
                guard j < lineEnd else {
                    return .failure(
                        EdgeListParseError(line: line, field: field, value: nil, expected: expectation(field)))
                }
                let start = j
                while j < lineEnd && !isBlank(buffer[j]) { j += 1 }
                let value: Int64
                switch integer(buffer, start, j) {
                case .value(let v) where field != .timestamp || ContactEvent.secondsRange.contains(v): value = v
                case .value:
                    return .failure(
                        EdgeListParseError(
                            line: line, field: field, value: text(start, j),
                            expected: expectation(field, outOfRange: true)))
                case .notInteger:
                    return .failure(
                        EdgeListParseError(
                            line: line, field: field, value: text(start, j),
                            expected: expectation(field)))
                case .overflow:
                    return .failure(
                        EdgeListParseError(
                            line: line, field: field, value: text(start, j),
                            expected: expectation(field, outOfRange: true)))
                }
                switch field {
                case .source: values.0 = value
                case .target: values.1 = value
                default: values.2 = value
                }
            }
            while j < lineEnd && isBlank(buffer[j]) { j += 1 }
            if j < lineEnd {
                var end = lineEnd
                while end > j && isBlank(buffer[end - 1]) { end -= 1 }
                return .failure(
                    EdgeListParseError(
                        line: line, field: .extra, value: text(j, end),
                        expected: expectation(.extra)))
            }
            if values.0 == values.1 {
                selfLoops += 1
            } else {
                edges.append(TemporalEdge(source: values.0, target: values.1, seconds: values.2))
            }
        }
        return .success(TemporalEdgeList(edges: edges, selfLoopsSkipped: selfLoops, lineCount: line))
    }

    private enum Integer {
        case value(Int64)
        case notInteger
        /// Digits only, but out of the 64-bit range.
        case overflow
    }

    /// The signed decimal integer spelled by `buffer[start..<end]`.
    private static func integer(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Integer {
        var k = start
        var negative = false
        if buffer[k] == minus || buffer[k] == plus {
            negative = buffer[k] == minus
            k += 1
        }
        guard k < end else { return .notInteger }
        // Accumulate negatively so that Int64.min is representable.
        var value: Int64 = 0
        var overflow = false
        while k < end {
            let b = buffer[k]
            guard b >= zero && b <= nine else { return .notInteger }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(Int64(b - zero))
            if o1 || o2 { overflow = true }
            value = next
            k += 1
        }
        if overflow { return .overflow }
        if negative { return .value(value) }
        return value == Int64.min ? .overflow : .value(-value)
    }
}
