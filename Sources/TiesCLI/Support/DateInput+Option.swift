import Foundation
import TiesCore

extension DateInput {
    /// How every date option (`--as-of`, `--at`, `--since`, `--due`, `--end`) reads its value: `YYYY-MM-DD` or
    /// an ISO 8601 date-time in the user's time zone, e.g. `transform: DateInput.option("--at")`.
    ///
    /// A transform rather than an `ExpressibleByArgument` conformance: argument-parser reports a failed
    /// `init?(argument:)` with no reason, and a refused date must say what is accepted (and which option it
    /// was given to), which the ``InputError`` thrown here does.
    static func option(_ name: String) -> @Sendable (String) throws -> DateInput {
        { text in try DateInput.parse(text, field: name, timeZone: .current) }
    }
}
