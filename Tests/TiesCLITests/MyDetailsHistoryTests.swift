import Foundation
import Testing
import TiesTestSupport

@Suite("ties me set: an older detail recorded later")
struct MyDetailsHistoryTests {
    @Test("a detail dated before the current one goes into the history, and the output says the current one stays")
    func earlierDetail() throws {
        let store = StoreUnderTest()
        try store.ok("init")
        try store.ok("me", "set", "email", "new@example.org", "--since", "2026-06-01")
        let older = try store.ok("me", "set", "email", "old@example.org", "--since", "2025-01-10")
        #expect(older.contains("your current email stays new@example.org (since 2026-06-01)"), "\(older)")
        #expect(!older.contains("Your email is old@example.org"))
        let shown = try store.ok("me", "show", "--history", "--format", "csv")
        #expect(
            shown.contains("new@example.org,2026-06-01,yes") && shown.contains("old@example.org,2025-01-10,no"),
            "\(shown)")
    }
}
