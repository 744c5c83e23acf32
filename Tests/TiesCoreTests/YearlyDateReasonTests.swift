import Foundation
import Testing

@testable import TiesCore

/// Issue 12 item 7 in the core: a birthday or work anniversary within `yearlyDateLeadDays` is a reason in
/// "who next", worded with its weekday, and puts its row after the must-dos and before the other rows.
@Suite("Who next: dates that matter")
struct YearlyDateReasonTests {
    static let asOf = Day(ordinal: 20_786)  // 2026-11-29, a Sunday

    /// A mentor seen weekly until 100 days ago (a must: a strong tie gone quiet), two colleagues, and an
    /// acquaintance seen once, long ago (the lowest priority).
    static func analysis(_ people: [Person]) -> NetworkAnalysis {
        func history(_ days: [Int], _ w: Double) -> [(day: Day, weight: Double, direction: Direction)] {
            days.map { (asOf - 400 + $0, w, .mutual) }
        }
        var states: [Person.ID: RelationshipState] = [:]
        states[1] = RelationshipState(
            history: history(Array(stride(from: 0, through: 300, by: 7)), 3), halfLife: 180, activityHalfLife: 30)
        states[2] = RelationshipState(
            history: history(Array(stride(from: 300, through: 396, by: 8)), 2), halfLife: 90, activityHalfLife: 30)
        states[3] = RelationshipState(history: history([310, 350, 390], 1), halfLife: 90, activityHalfLife: 30)
        states[5] = RelationshipState(history: history([100], 1), halfLife: 90, activityHalfLife: 30)
        return NetworkAnalysis.analyse(
            people: people, states: states, ties: [Tie(1, 2, kind: .colleague)], asOf: asOf,
            configuration: ScoringConfiguration())
    }

    static func people(birthday: YearlyDate?, anniversary: YearlyDate? = nil) -> [Person] {
        [
            Person(id: 1, name: "Mentor Mae", roles: [.mentor], organisation: "Mercy"),
            Person(id: 2, name: "Col Ava", roles: [.colleague], organisation: "Mercy"),
            Person(id: 3, name: "Col Ben", roles: [.colleague], organisation: "Mercy"),
            Person(
                id: 5, name: "Acq Al", roles: [.other], organisation: "Elsewhere", birthday: birthday,
                workAnniversary: anniversary),
        ]
    }

    @Test("a birthday on Thursday is a reason; the row comes after the must-dos, before the other rows")
    func birthdayRow() throws {
        let thursday = try #require(YearlyDate(month: 12, day: 3, year: 1985))
        let rows = WhoNext.rank(
            Self.analysis(Self.people(birthday: thursday)), facts: NetworkFacts(), configuration: ScoringConfiguration()
        )
        let hard = rows.prefix { $0.isHard }.count
        #expect(hard >= 1)
        let al = try #require(rows.firstIndex { $0.personID == 5 })
        #expect(al == hard)
        #expect(
            rows[al].reasons.map(\.text)
                .contains("birthday on Thursday (2026-12-03): a natural reason to get in touch"))
        #expect(rows[al].advice == .greet(birthday: true, on: Self.asOf + 4))
        // Without the birthday, the acquaintance ranks below a colleague.
        let plain = WhoNext.rank(
            Self.analysis(Self.people(birthday: nil)), facts: NetworkFacts(), configuration: ScoringConfiguration())
        let plainIndex = try #require(plain.firstIndex { $0.personID == 5 })
        #expect(plainIndex > hard)
    }

    @Test("the lead days decide: 7 by default, today included, a day more left out; the setting narrows it")
    func leadDays() throws {
        func codes(_ date: YearlyDate, lead: Int = 7) -> [ReasonCode] {
            var configuration = ScoringConfiguration()
            configuration.yearlyDateLeadDays = lead
            let rows = WhoNext.rank(
                Self.analysis(Self.people(birthday: nil, anniversary: date)), facts: NetworkFacts(),
                configuration: configuration)
            return rows.first { $0.personID == 5 }?.reasons.map(\.code) ?? []
        }
        let inSeven = try #require(YearlyDate(month: 12, day: 6))
        let inEight = try #require(YearlyDate(month: 12, day: 7))
        let today = try #require(YearlyDate(month: 11, day: 29, year: 2019))
        #expect(codes(inSeven).contains(.workAnniversary))
        #expect(!codes(inEight).contains(.workAnniversary))
        #expect(codes(today).contains(.workAnniversary))
        #expect(!codes(inSeven, lead: 3).contains(.workAnniversary))
        #expect(codes(today, lead: 0).contains(.workAnniversary))
        #expect(WhoNext.when(Self.asOf, asOf: Self.asOf) == "today")
        #expect(WhoNext.when(Self.asOf + 1, asOf: Self.asOf) == "tomorrow (2026-11-30)")
    }
}
