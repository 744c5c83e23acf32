import Foundation
import Testing

@testable import TiesCore

private let utc = TimeZone(identifier: "UTC")!

@Suite("Focus (--tag): who next and the gaps limited to some people, scores unchanged")
struct FocusTests {
    @Test("the gaps name only the focused people, count only them, and leave out the whole network's gaps")
    func gaps() {
        let scenario = GapScenario()
        let analysis = scenario.analysis
        var facts = scenario.facts
        facts.focus = [4, 1]
        let gaps = GapFinder.find(in: analysis, facts: facts, configuration: ScoringConfiguration(), timeZone: utc)
        for gap in gaps { #expect(gap.people.allSatisfy { [4, 1].contains($0) }, "\(gap.code): \(gap.people)") }
        let codes = Set(gaps.map(\.code))
        #expect(codes.isDisjoint(with: [.recruiterCoverage, .roleGap, .concentration, .journalStale]))
        #expect(codes.contains(.unansweredInbound) && codes.contains(.staleDisclosure))
        // Person 5's overdue promise is out; person 1's open one is in, and the count is of person 1 alone.
        #expect(!codes.contains(.commitmentOverdue))
        #expect(gaps.first { $0.code == .commitmentOpen }?.title == "1 open promise of yours")
    }

    @Test("who next lists only the focused people, with the priorities of the whole network")
    func next() {
        let scenario = GapScenario()
        let analysis = scenario.analysis
        let all = WhoNext.rank(analysis, facts: scenario.facts, configuration: ScoringConfiguration())
        var facts = scenario.facts
        facts.focus = [2, 4]
        let focused = WhoNext.rank(analysis, facts: facts, configuration: ScoringConfiguration())
        #expect(!focused.isEmpty && focused.allSatisfy { [2, 4].contains($0.personID) })
        #expect(focused.map(\.personID) == all.filter { [2, 4].contains($0.personID) }.map(\.personID))
        for row in focused {
            #expect(row.priority == all.first { $0.personID == row.personID }?.priority)
        }
    }
}
