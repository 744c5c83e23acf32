/// A value the user gave that Ties cannot accept: which field, what was given, and what is accepted.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var value: String
    public var expected: String

    public init(field: String, value: String, expected: String) {
        self.field = field
        self.value = value
        self.expected = expected
    }

    public var description: String { "\(field): '\(value)' is not accepted; expected \(expected)" }
}

extension InputError {
    /// Parses a raw value of a `String`-backed enum, or throws an error listing every accepted value.
    public static func parse<T: RawRepresentable & CaseIterable>(
        _ text: String, as type: T.Type, field: String
    ) throws(InputError) -> T where T.RawValue == String {
        let key = text.lowercased().replacingOccurrences(of: "_", with: "-")
        if let value = T(rawValue: key) { return value }
        throw InputError(
            field: field, value: text, expected: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }
}
