import Foundation
import Testing

@testable import TiesCore

private func day(_ n: Int) -> Day { Day(year: 2026, month: 1, day: 1)! + n }
private let utc = TimeZone(identifier: "UTC")!

@Suite("Snooze: who is left out of next and the gaps, and until when")
struct SnoozeTests {
    @Test("lengths: days, weeks, calendar months clamped to the month's end; anything else refused")
    func lengths() throws {
        let start = try #require(Day(year: 2026, month: 1, day: 31))
        #expect(try SnoozeLength.parse("3d", field: "--for").end(from: start) == start + 3)
        #expect(try SnoozeLength.parse(" 2W ", field: "--for").end(from: start) == start + 14)
        #expect(try SnoozeLength.parse("1m", field: "--for").end(from: start) == Day(year: 2026, month: 2, day: 28))
        #expect(try SnoozeLength.parse("13m", field: "--for").end(from: start) == Day(year: 2027, month: 2, day: 28))
        #expect(try SnoozeLength.parse("24m", field: "--for").end(from: start) == Day(year: 2028, month: 1, day: 31))
        for bad in ["", "3", "w", "0d", "-1w", "3x", "1.5w", "25m", "800d"] {
            #expect(throws: InputError.self, "\(bad)") { try SnoozeLength.parse(bad, field: "--for") }
        }
    }

    @Test("a snooze is in effect from the day it is made up to, not including, the day the person is back")
    func effect() {
        let snooze = Snooze(personID: 1, since: day(10), until: day(20))
        #expect(!snooze.isInEffect(on: day(9)))
        #expect(snooze.isInEffect(on: day(10)) && snooze.isInEffect(on: day(19)))
        #expect(!snooze.isInEffect(on: day(20)))
        #expect([snooze].inEffect(on: day(15)) == [1: day(20)])
        #expect([snooze].inEffect(on: day(25)).isEmpty)
    }

    /// The gap scenario with some people snoozed over its as-of day.
    func facts(snoozing ids: [Person.ID], _ scenario: GapScenario, since: Int = 190, until: Int = 220) -> NetworkFacts {
        var facts = scenario.facts
        facts.snoozes = ids.map { Snooze(personID: $0, since: day(since), until: day(until)) }
        return facts
    }

    @Test("snoozed people leave `next`, hard reasons and all, and come back on their day")
    func next() {
        let scenario = GapScenario()
        let analysis = scenario.analysis
        let configuration = ScoringConfiguration()
        let awake = WhoNext.rank(analysis, facts: scenario.facts, configuration: configuration).map(\.personID)
        // The recruiter waiting for an answer (4) and the quiet strong tie (2) are there, and the dormant
        // recruiter to warm up (9).
        #expect(awake.contains(4) && awake.contains(2) && awake.contains(9))
        let snoozed = WhoNext.rank(analysis, facts: facts(snoozing: [4, 2, 9], scenario), configuration: configuration)
            .map(\.personID)
        #expect(!snoozed.contains(4) && !snoozed.contains(2) && !snoozed.contains(9))
        #expect(Set(snoozed) == Set(awake).subtracting([4, 2, 9]))
        // A snooze made after the day, or over by then, changes nothing.
        for (since, until) in [(201, 220), (150, 200)] {
            let facts = facts(snoozing: [4, 2, 9], scenario, since: since, until: until)
            #expect(WhoNext.rank(analysis, facts: facts, configuration: configuration).map(\.personID) == awake)
        }
    }

    @Test("snoozed people leave every gap about people to contact; the recruiter coverage still counts them")
    func gaps() {
        let scenario = GapScenario()
        let analysis = scenario.analysis
        let configuration = ScoringConfiguration()
        let before = GapFinder.find(in: analysis, facts: scenario.facts, configuration: configuration, timeZone: utc)
        #expect(before.contains { $0.code == .unansweredInbound && $0.people == [4] })
        #expect(before.contains { $0.code == .staleDisclosure && $0.people == [4] })
        #expect(before.contains { $0.code == .commitmentOverdue && $0.people == [5] })
        let after = GapFinder.find(
            in: analysis, facts: facts(snoozing: [4, 5], scenario), configuration: configuration, timeZone: utc)
        // Gaps made only of snoozed people are gone; the others lose them.
        for code in [GapCode.unansweredInbound, .staleDisclosure, .commitmentOverdue] {
            #expect(!after.contains { $0.code == code }, "\(code)")
        }
        for gap in after where gap.code != .recruiterCoverage {
            #expect(!gap.people.contains(4) && !gap.people.contains(5), "\(gap.code): \(gap.people)")
        }
        // Rae (4) is still the one active recruiter: snoozing does not end a relationship.
        #expect(after.first { $0.code == .recruiterCoverage }?.people == [4])
        // Everything else is as it was.
        let untouched: Set<GapCode> = [.roleGap, .concentration, .journalStale, .coldBridge]
        #expect(
            after.filter { untouched.contains($0.code) }.map(\.title)
                == before.filter { untouched.contains($0.code) }.map(\.title))
    }

    @Test("the weekly report lists who is snoozed, soonest back first, and its health ignores snoozes")
    func report() {
        let scenario = GapScenario()
        let analysis = scenario.analysis
        let configuration = ScoringConfiguration()
        var facts = scenario.facts
        facts.snoozes = [
            Snooze(personID: 2, since: day(190), until: day(230)),
            Snooze(personID: 4, since: day(190), until: day(210)),
            Snooze(personID: 6, since: day(100), until: day(150)),  // over
        ]
        let report = WeeklyReport.build(
            analysis: analysis, facts: facts, gaps: [], recommendations: [], trend: [], firstContact: day(1),
            configuration: configuration)
        #expect(report.snoozed.map(\.personID) == [4, 2])
        #expect(report.snoozed.map(\.until) == [day(210), day(230)])
        #expect(report.snoozed.map(\.name) == ["Rae Recruiter", "Ava Strong"])
        #expect(report.health == HealthIndex.compute(analysis, facts: scenario.facts))
    }
}
