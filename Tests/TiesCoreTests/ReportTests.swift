import Foundation
import Testing

@testable import TiesCore

private func day(_ n: Int) -> Day { Day(year: 2026, month: 1, day: 1)! + n }
private let utc = TimeZone(identifier: "UTC")!

/// A network built so that every gap of the design is present.
struct GapScenario {
    var people: [Person] = [
        Person(
            id: 1, name: "Mae Mentor", roles: [.colleague], organisation: "Mercy",  // no mentor role at all
            contactPoints: [ContactPoint(kind: .email, value: "mae@mercy.example", verifiedAt: nil)]),
        Person(id: 2, name: "Ava Strong", roles: [.colleague], organisation: "Mercy"),
        Person(id: 3, name: "Ben Bridge", roles: [.peer], organisation: "Mercy"),
        Person(id: 4, name: "Rae Recruiter", roles: [.recruiter], organisation: "Hale"),
        Person(id: 5, name: "Cal Colleague", roles: [.colleague], organisation: "Mercy"),
        Person(id: 6, name: "Dee Distant", roles: [.peer], organisation: "Other"),
        // Two more active people at Mercy: most of the active network is at one organisation.
        Person(id: 7, name: "Flo Fellow", roles: [.colleague], organisation: "Mercy"),
        Person(id: 8, name: "Gus Guide", roles: [.colleague], organisation: "Mercy"),
        Person(id: 9, name: "Cy Connected", roles: [.recruiter], organisation: "Aya Healthcare"),  // never spoken with
    ]
    var states: [Person.ID: RelationshipState] = [:]
    var ties = [Tie(1, 2), Tie(2, 5), Tie(1, 5), Tie(3, 6)]
    let asOf = day(200)

    init() {
        func regular(_ from: Int, _ to: Int, every: Int, _ w: Double) -> RelationshipState {
            RelationshipState(
                history: stride(from: from, through: to, by: every).map {
                    (day: day($0), weight: w, direction: Direction.mutual)
                },
                halfLife: 90, activityHalfLife: 30)!
        }
        states[1] = regular(100, 198, every: 7, 3)  // active
        states[2] = regular(0, 140, every: 5, 3)  // strong, gone quiet
        states[3] = regular(0, 120, every: 7, 1)  // a bridge (tie 3–6), gone cold
        states[4] = regular(150, 190, every: 20, 1)  // the only recruiter
        states[5] = regular(120, 199, every: 6, 2)
        states[6] = regular(190, 195, every: 5, 1)
        states[7] = regular(150, 198, every: 6, 1)
        states[8] = regular(160, 199, every: 6, 1)
        states[9] = RelationshipState(
            contactHistory: [(day: day(10), weight: 0.1, direction: .mutual, isContact: false)], halfLife: 90,
            activityHalfLife: 30)
    }

    var facts: NetworkFacts {
        NetworkFacts(
            unanswered: [4: UnansweredContact(day: day(195), kind: .call)],
            openCommitments: [
                Commitment(
                    id: 1, personID: 5, text: "send the article", owner: .me, createdAt: Date(timeIntervalSince1970: 0),
                    due: day(190)),
                Commitment(
                    id: 2, personID: 1, text: "intro to the CFO", owner: .me, createdAt: Date(timeIntervalSince1970: 0),
                    due: day(230)),
            ],
            staleDisclosures: [
                StaleDisclosure(
                    personID: 4, kind: .email, held: "old@x.example", current: "new@x.example", since: day(100))
            ],
            journalDays: [day(150)])
    }

    var analysis: NetworkAnalysis {
        NetworkAnalysis.analyse(
            people: people, states: states, ties: ties, asOf: asOf, configuration: ScoringConfiguration())
    }
}

@Suite("Report: gaps and health")
struct ReportTests {
    @Test("a scenario built to have every gap finds every gap code")
    func everyGap() {
        let scenario = GapScenario()
        let gaps = GapFinder.find(
            in: scenario.analysis, facts: scenario.facts, configuration: ScoringConfiguration(), timeZone: utc)
        let codes = Set(gaps.map(\.code))
        let expected = Set(GapCode.allCases)
        #expect(
            codes == expected, "missing: \(expected.subtracting(codes)), unexpected: \(codes.subtracting(expected))")
        #expect(gaps.map(\.severity) == gaps.map(\.severity).sorted(by: >))
        let recruiterGap = gaps.first { $0.code == .unansweredInbound }!
        #expect(recruiterGap.severity == .high && recruiterGap.people == [4])
        #expect(gaps.first { $0.code == .staleDisclosure }!.severity == .high)
    }

    @Test("a well-kept network has no gaps")
    func noGaps() {
        var people: [Person] = []
        var states: [Person.ID: RelationshipState] = [:]
        let roles: [Role] = [.recruiter, .recruiter, .recruiter, .mentor, .sponsor, .colleague, .friend, .peer]
        let orgs = ["Hale", "Lane", "Mercy", "Board", "Assoc", "Univ", "Home", "Clinic"]
        for (i, role) in roles.enumerated() {
            let id = Int64(i + 1)
            people.append(
                Person(
                    id: id, name: "P\(i)", roles: [role], organisation: orgs[i],
                    contactPoints: [
                        ContactPoint(
                            kind: .email, value: "p\(i)@x.example",
                            verifiedAt: Date(timeIntervalSince1970: TimeInterval(day(150).ordinal * 86_400)))
                    ]))
            states[id] = RelationshipState(
                history: stride(from: 100, through: 198, by: 5 + i).map {
                    (day: day($0), weight: 2.0, direction: Direction.mutual)
                },
                halfLife: 90, activityHalfLife: 30)
        }
        // Who knows whom is recorded for everyone (a ring: 8 of the 28 pairs), so closure can be measured.
        let ring = (1...8).map { Tie(Int64($0), Int64($0 % 8 + 1)) }
        let analysis = NetworkAnalysis.analyse(
            people: people, states: states, ties: ring, asOf: day(200), configuration: ScoringConfiguration())
        let facts = NetworkFacts(journalDays: [day(190)])
        let gaps = GapFinder.find(in: analysis, facts: facts, configuration: ScoringConfiguration(), timeZone: utc)
        #expect(gaps.isEmpty, "\(gaps.map(\.title))")
        let health = HealthIndex.compute(analysis, facts: facts)
        #expect(health.components.first { $0.name == "coverage" }!.value == 1)
        #expect(health.components.first { $0.name == "follow-through" }!.value == 1)
        #expect(health.components.first { $0.name == "journal" }!.value == 1)
        #expect(health.value > 80)
    }

    @Test("the health index is the weighted sum of its components, each in 0...1")
    func healthIsWeightedSum() {
        let scenario = GapScenario()
        let health = HealthIndex.compute(scenario.analysis, facts: scenario.facts)
        #expect(abs(health.components.map(\.weight).reduce(0, +) - 1) < 1e-12)
        #expect(health.components.allSatisfy { (0...1).contains($0.value) })
        #expect(abs(health.value - 100 * health.components.map { $0.weight * $0.value }.reduce(0, +)) < 1e-9)
        // One overdue promise, one recruiter waiting, one person holding old details: 1 − 0.6.
        #expect(abs(health.components.first { $0.name == "follow-through" }!.value - 0.4) < 1e-12)
        // The last journal entry is in the previous quarter.
        #expect(health.components.first { $0.name == "journal" }!.value == 0.5)
    }

    @Test(
        "ISO weeks, including years with 53 weeks and days that belong to the neighbouring year",
        arguments: [
            ("2026-11-27", "2026-W48"), ("2026-01-01", "2026-W01"), ("2027-01-01", "2026-W53"),
            ("2024-12-30", "2025-W01"),
            ("2021-01-03", "2020-W53"), ("2026-12-28", "2026-W53"),
        ])
    func isoWeeks(text: String, week: String) throws {
        guard case .day(let d) = try DateInput.parse(text, field: "t", timeZone: utc) else { return }
        #expect(WeeklyReport.isoWeek(d) == week)
        let sunday = try #require(WeeklyReport.lastDay(ofWeek: week))
        #expect(sunday.isoWeekday == 7 && WeeklyReport.isoWeek(sunday) == week && sunday >= d && sunday - d < 7)
    }

    @Test(
        "weeks that do not exist are refused",
        arguments: ["2026-W54", "2025-W53", "2026-W00", "2026W48", "26-W01", "2026-W4"])
    func badWeeks(text: String) {
        #expect(WeeklyReport.lastDay(ofWeek: text) == nil)
    }
}
