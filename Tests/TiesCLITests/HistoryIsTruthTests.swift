import Foundation
import Testing
import TiesTestSupport

/// Issue 13, item 1: weekly health is computed from the records; stored weeks are a cache of them. A new store
/// has no health and says how to start; logging, editing, removing or undoing past contacts changes the past
/// weeks, and the trend a report serves is always the trend computed from scratch.
@Suite("history is the truth: the weekly trend")
struct HistoryIsTruthTests {
    static let asOf = "2026-11-27"

    /// The trend of a JSON report: each week's day and health (nil where the report has none).
    static func trend(_ json: String) throws -> [(day: String, health: Double?)] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        return (object["trend"] as? [[String: Any]] ?? []).map {
            ($0["day"] as? String ?? "", $0["health"] as? Double)
        }
    }

    /// The headline health of a JSON report, nil when it has none.
    static func headline(_ json: String) throws -> Double? {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        return (object["health"] as? [String: Any])?["value"] as? Double
    }

    /// A copy of the store with no stored weeks: what the report gives computed from scratch.
    static func fromScratch(_ store: StoreUnderTest) throws -> StoreUnderTest {
        let copy = StoreUnderTest()
        try FileManager.default.copyItem(atPath: store.db, toPath: copy.db)
        try StoreSQL.execute(
            copy.db, "DELETE FROM network_snapshot; DELETE FROM setting WHERE key = 'state.health.basis';")
        return copy
    }

    static func storedWeeks(_ store: StoreUnderTest) throws -> Int {
        Int(try StoreSQL.value(store.db, "SELECT count(*) FROM network_snapshot") ?? "") ?? -1
    }

    /// Fifteen people, as a new user sets them up (made-up names).
    static func addPeople(_ store: StoreUnderTest) throws {
        let roles = ["recruiter", "recruiter", "recruiter", "mentor", "sponsor", "colleague", "peer", "manager"]
        for i in 0..<15 {
            try store.ok(
                "person", "add", "Person \(i) Example", "--role", roles[i % roles.count], "--org", "Org \(i % 4)")
        }
    }

    /// A year of contacts before `asOf`, each person at their own rhythm.
    static func logYear(_ store: StoreUnderTest) throws {
        let kinds = ["call", "meeting", "email", "video"]
        for i in 0..<15 {
            var day = 2 + i * 3
            while day < 365 {
                try store.ok(
                    "log", "Person \(i) Example", kinds[(i + day) % kinds.count], "--at", Self.day(365 - day))
                day += 21 + (i * 11) % 50
            }
        }
    }

    /// `asOf` minus `days`, as YYYY-MM-DD.
    static func day(_ days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let end = calendar.date(from: DateComponents(year: 2026, month: 11, day: 27))!
        let date = calendar.date(byAdding: .day, value: -days, to: end)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// The report's trend equals the trend computed from scratch, and each week's value equals that week's own
    /// report computed from scratch (a full recomputation).
    static func expectTrendIsRecomputed(_ store: StoreUnderTest, weekly: Bool) throws {
        let served = try store.ok("report", "--as-of", asOf, "--format", "json")
        let scratch = try fromScratch(store)
        let recomputed = try scratch.ok("report", "--as-of", asOf, "--format", "json")
        #expect(try trend(served).map(\.health) == trend(recomputed).map(\.health))
        #expect(served == recomputed)
        // Again, now from the weeks that report stored.
        #expect(try store.ok("report", "--as-of", asOf, "--format", "json") == recomputed)
        guard weekly else { return }
        for point in try trend(served) {
            let week = try fromScratch(store).ok("report", "--as-of", point.day, "--format", "json")
            #expect(try headline(week) == point.health, "week of \(point.day)")
        }
    }

    @Test("ties init; ties report: no health, nothing stored, and how to start")
    func newStore() throws {
        let store = StoreUnderTest()
        try store.ok("init")
        let text = try store.ok("report", "--as-of", Self.asOf)
        #expect(text.contains("No health yet"))
        #expect(text.contains("`ties log --help`") && text.contains("`ties import --help`"))
        #expect(!text.contains("/100"))
        let json = try store.ok("report", "--as-of", Self.asOf, "--format", "json")
        #expect(try Self.headline(json) == nil)
        #expect(try Self.trend(json).count == 12 && Self.trend(json).allSatisfy { $0.health == nil })
        #expect(json.contains("\"firstContact\": null"))
        #expect(try Self.storedWeeks(store) == 0)
        let markdown = try store.ok("report", "--as-of", Self.asOf, "--format", "markdown")
        #expect(markdown.contains("12-week trend: no values yet"))
        let html = try store.ok("report", "--as-of", Self.asOf, "--format", "html")
        #expect(!html.contains("<polyline") && html.contains("no values before the first recorded contact"))
    }

    @Test("a year of past contacts logged after weeks were stored: the trend is recomputed")
    func yearLoggedLate() throws {
        let store = StoreUnderTest()
        try store.ok("init")
        // The first step: a report on the new store stored eleven weeks at 20/100 that stayed forever.
        try store.ok("report", "--as-of", Self.asOf)
        #expect(try Self.storedWeeks(store) == 0)
        try Self.addPeople(store)
        try store.ok("report", "--as-of", Self.asOf)
        #expect(try Self.storedWeeks(store) == 0)
        // Two contacts months ago: every week of the trend gets a value, and the report stores them.
        try store.ok("log", "Person 0 Example", "call", "--at", Self.day(200))
        try store.ok("log", "Person 1 Example", "meeting", "--at", Self.day(150))
        let before = try Self.trend(store.ok("report", "--as-of", Self.asOf, "--format", "json"))
        #expect(try Self.storedWeeks(store) == 12)
        #expect(before.allSatisfy { $0.health != nil })
        try Self.logYear(store)
        let after = try Self.trend(store.ok("report", "--as-of", Self.asOf, "--format", "json"))
        // The past weeks changed with the records: no flat line of old weeks with a spike at the end.
        #expect(after.dropLast().map(\.health) != before.dropLast().map(\.health))
        try Self.expectTrendIsRecomputed(store, weekly: true)
        let text = try store.ok("report", "--as-of", Self.asOf)
        let change = try #require(after.last?.health) - (try #require(after[after.count - 2].health))
        #expect(abs(change) < 15, "a week's change after a year of steady contact: \(change)")
        #expect(text.contains(change == 0 ? "unchanged" : "since last week"))
    }

    @Test("weeks before the first recorded contact have no value; the first one does")
    func firstContact() throws {
        let store = StoreUnderTest()
        try store.ok("init")
        try Self.addPeople(store)
        try store.ok("log", "Person 3 Example", "meeting", "--at", Self.day(30))
        let json = try store.ok("report", "--as-of", Self.asOf, "--format", "json")
        let trend = try Self.trend(json)
        let first = Self.day(30)
        #expect(trend.filter { $0.day < first }.allSatisfy { $0.health == nil })
        #expect(trend.filter { $0.day >= first }.allSatisfy { $0.health != nil })
        #expect(trend.filter { $0.health != nil }.count == 5)
        #expect(json.contains("\"firstContact\": \"\(first)\""))
        #expect(try Self.storedWeeks(store) == 5)
        let firstValued = try #require(trend.first { $0.health != nil }).day
        let text = try store.ok("report", "--as-of", Self.asOf)
        #expect(text.contains("(since \(firstValued): "))
        let markdown = try store.ok("report", "--as-of", Self.asOf, "--format", "markdown")
        #expect(markdown.contains("(since \(firstValued): "))
        // The week of the first contact has nothing before it to compare with, and says so.
        let firstWeek = try store.ok("report", "--as-of", Self.day(28))
        #expect(firstWeek.contains("the first week with a recorded contact: nothing to compare with yet"))
    }

    @Test("a stored week is served while the records are unchanged, and dropped when they change")
    func cacheIsKeyed() throws {
        let store = StoreUnderTest()
        try store.ok("init")
        try Self.addPeople(store)
        try store.ok("log", "Person 0 Example", "call", "--at", Self.day(100))
        try store.ok("report", "--as-of", Self.asOf)
        let week = Self.day(28)
        // A stored week that the records do not give: served only while its basis is current.
        try StoreSQL.execute(store.db, "UPDATE network_snapshot SET health = 99.5 WHERE day = '\(week)'")
        let served = try Self.trend(store.ok("report", "--as-of", Self.asOf, "--format", "json"))
        #expect(served.first { $0.day == week }?.health == 99.5)
        let unchanged = store.snapshot()
        try store.ok("report", "--as-of", Self.asOf, "--format", "json")
        #expect(store.snapshot() == unchanged, "a report with nothing new to store writes nothing")
        try store.ok("log", "Person 2 Example", "email", "--at", Self.day(60))
        let recomputed = try Self.trend(store.ok("report", "--as-of", Self.asOf, "--format", "json"))
        #expect(recomputed.first { $0.day == week }?.health != 99.5)
        #expect(try StoreSQL.value(store.db, "SELECT health FROM network_snapshot WHERE day = '\(week)'") != "99.5")
        // A setting is part of the basis too.
        try StoreSQL.execute(store.db, "UPDATE network_snapshot SET health = 99.5 WHERE day = '\(week)'")
        try store.ok("config", "set", "overdueSurvival", "0.2")
        let reconfigured = try Self.trend(store.ok("report", "--as-of", Self.asOf, "--format", "json"))
        #expect(reconfigured.first { $0.day == week }?.health != 99.5)
    }

    @Test("random past logs, edits, removals and undos: the served trend is always the recomputed one")
    func randomHistory() throws {
        let store = StoreUnderTest()
        try store.ok("init")
        try Self.addPeople(store)
        try store.ok("log", "Person 0 Example", "call", "--at", Self.day(120))
        var random = SplitMix64(seed: 13)
        let kinds = ["call", "meeting", "email", "video", "message"]
        var undone = 0
        for _ in 0..<16 {
            let ids = try Self.contactIDs(store)
            switch random.next() % 5 {
            case 0, 1:
                try store.ok(
                    "log", "Person \(random.next() % 15) Example", kinds[Int(random.next() % 5)], "--at",
                    Self.day(Int(random.next() % 120)))
            case 2 where !ids.isEmpty:
                let id = ids[Int(random.next() % UInt64(ids.count))]
                try store.ok("log", "edit", String(id), "--at", Self.day(Int(random.next() % 120)))
            case 3 where ids.count > 1:
                try store.ok("log", "rm", String(ids[Int(random.next() % UInt64(ids.count))]))
            default:
                // Undo a change to the contacts still in effect, chosen at random (any later change to the same
                // contact refuses it: then nothing changed, and the trend must still be right).
                let changes = try store.ok("history", "--limit", "200", "--format", "csv").split(
                    whereSeparator: \.isNewline
                )
                .filter { $0.contains(",ties log ") && $0.hasSuffix(",") }.map { String($0.prefix { $0 != "," }) }
                guard !changes.isEmpty else { break }
                if try store.ties("undo", changes[Int(random.next() % UInt64(changes.count))]).status == 0 {
                    undone += 1
                }
            }
            try Self.expectTrendIsRecomputed(store, weekly: false)
        }
        #expect(undone > 0)
        #expect(try Self.storedWeeks(store) > 0)
    }

    /// The ids of the contacts in the store.
    static func contactIDs(_ store: StoreUnderTest) throws -> [Int] {
        try store.ok("log", "list", "--format", "csv").split(whereSeparator: \.isNewline).dropFirst()
            .compactMap { Int($0.prefix { $0 != "," }) }
    }
}
