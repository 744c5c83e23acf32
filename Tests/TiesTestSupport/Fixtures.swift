import Foundation
import TiesCore
import TiesStore

/// Small, hand-made networks for tests.
public enum Fixtures {
    /// A fixed "now": 2026-06-15 12:00 UTC.
    public static let now = Date(timeIntervalSince1970: 1_781_524_800)

    /// A day in UTC from `YYYY-MM-DD`.
    public static func day(_ text: String) -> Day {
        guard case .day(let day) = try! DateInput.parse(text, field: "test", timeZone: utc) else { fatalError(text) }
        return day
    }

    /// Noon UTC on a day.
    public static func noon(_ text: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day(text).ordinal * 86_400 + 43_200))
    }

    public static let utc = TimeZone(identifier: "UTC")!

    /// The default scoring context in UTC.
    public static let context = ScoringContext(configuration: ScoringConfiguration(), timeZone: utc)

    /// A new store in `directory`.
    public static func store(in directory: TemporaryDirectory, name: String = "ties.sqlite") throws -> Store {
        try Store.create(at: directory.file(name))
    }
}
