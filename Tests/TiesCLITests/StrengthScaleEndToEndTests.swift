import Foundation
import Testing
import TiesTestSupport

/// Issue 13: on a network silent for a year, strength is low and `explain` names a scale a user can read
/// (not `100·(1 − exp(−raw / 0.000))`).
@Suite("the strength scale, end to end")
struct StrengthScaleEndToEndTests {
    @Test("a network silent for a year scores low, and explain says what sets the scale")
    func silentNetwork() throws {
        let store = StoreUnderTest()
        try store.ok("init")
        for month in 1...6 {
            try store.ok("person", "add", "Quiet Person\(month)")
            try store.ok("log", "Quiet Person\(month)", "meeting", "--at", "2025-0\(month)-10")
            try store.ok("log", "Quiet Person\(month)", "email", "--at", "2025-0\(month)-20")
        }
        let scores = try store.ok("score", "--as-of", "2026-11-27", "--format", "csv")
        let strengths = scores.split(whereSeparator: \.isNewline).dropFirst().compactMap {
            Double($0.split(separator: ",")[4])
        }
        #expect(strengths.count == 6)
        #expect(strengths.allSatisfy { $0 < 10 }, "\(strengths)")
        let explain = try store.ok("explain", "Quiet Person6", "--as-of", "2026-11-27")
        #expect(!explain.contains("/ 0.000"))
        #expect(explain.contains("Scale 4.923: the raw strength of a steady relationship"))
        #expect(explain.contains("it sets the scale because the 90th percentile"))
        #expect(explain.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("on the demo, the network's percentile sets the scale")
    func demo() throws {
        let store = StoreUnderTest()
        try store.ok("demo", "--seed", "1", "--as-of", "2026-11-27")
        let explain = try store.ok("explain", "1", "--as-of", "2026-11-27")
        #expect(explain.contains("the 90th percentile of your network's raw strength; never below"))
    }
}
