import Foundation

/// `TZ` decides day boundaries, so a `TZ` that names no time zone must not quietly mean GMT (what Foundation
/// falls back to): it is refused, exit 64.
///
/// Accepted: unset or empty (the system's zone), an IANA name (`Europe/Berlin`, `UTC`, `EST5EDT`), optionally
/// with glibc's leading `:`, or a path into a zoneinfo folder (`:/usr/share/zoneinfo/Europe/Berlin`). POSIX
/// rule strings such as `CET-1CEST,M3.5.0,M10.5.0/3` are not: give the zone's name instead.
enum TimeZoneCheck {
    /// The problem with `TZ` in `environment`, or nil when it names a zone (or is unset).
    static func problem(_ environment: [String: String]) -> String? {
        guard var value = environment["TZ"], !value.isEmpty else { return nil }
        if value.hasPrefix(":") { value.removeFirst() }
        if value.hasPrefix("/"), let range = value.range(of: "zoneinfo/") { value = String(value[range.upperBound...]) }
        if TimeZone(identifier: value) != nil { return nil }
        return
            "TZ='\(environment["TZ"] ?? "")' is not a time zone Ties knows, and days would silently be counted in GMT; set TZ to a zone name such as Europe/Berlin or America/New_York (or UTC), or unset it to use the system's zone"
    }

    /// Throws a usage error when `TZ` names no zone.
    static func validate(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let problem = problem(environment) { throw CLIError(.usage, problem) }
    }
}
