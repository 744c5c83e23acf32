import Foundation
import Testing
import TiesNumerics

@testable import TiesCore

@Suite("Scoring kernel")
struct ScoringKernelTests {
    @Test("the kernel's states equal the incremental ones", arguments: [11, 12, 13] as [UInt64])
    func agreesWithIncremental(seed: UInt64) {
        let rng = SeededGenerator(seed: seed)
        var columns = InteractionColumns()
        var expected: [Int64: RelationshipState] = [:]
        let halfLives: [Int64: Double] = [1: 90, 2: 180, 3: 730, 4: 90, 5: 365]
        for p in 1...5 as ClosedRange<Int64> {
            var day = 18_000 + rng.index(below: 100)
            for _ in 0..<(1 + rng.index(below: 80)) {
                day += rng.bernoulli(0.3) ? 0 : rng.index(below: 40)
                let w = [0.1, 0.3, 0.5, 1, 2, 3][rng.index(below: 6)]
                let direction = Direction.allCases[rng.index(below: 3)]
                columns.append(person: p, day: Day(ordinal: day), weight: w, direction: direction)
                if expected[p] == nil {
                    expected[p] = RelationshipState(
                        day: Day(ordinal: day), weight: w, direction: direction,
                        halfLife: halfLives[p]!, activityHalfLife: 30)
                } else {
                    expected[p]!.absorb(day: Day(ordinal: day), weight: w, direction: direction)
                }
            }
        }
        let states = ScoringKernel.states(of: columns, halfLife: { halfLives[$0]! }, activityHalfLife: 30)
        #expect(states.map(\.0) == [1, 2, 3, 4, 5])
        for (p, state) in states {
            let e = expected[p]!
            #expect(state.firstDay == e.firstDay && state.lastDay == e.lastDay && state.episodes == e.episodes)
            #expect(state.outbound == e.outbound && state.inbound == e.inbound && state.lastWeight == e.lastWeight)
            #expect(abs(state.strengthSum - e.strengthSum) <= 1e-9 * max(1, e.strengthSum))
            #expect(abs(state.activitySum - e.activitySum) <= 1e-9 * max(1, e.activitySum))
        }
    }

    @Test("a century of history stays finite")
    func longHistory() {
        var columns = InteractionColumns()
        columns.append(person: 1, day: Day(year: 1900, month: 1, day: 1)!, weight: 3, direction: .mutual)
        columns.append(person: 2, day: Day(year: 1910, month: 1, day: 1)!, weight: 1, direction: .mutual)
        columns.append(person: 2, day: Day(year: 2026, month: 1, day: 1)!, weight: 1, direction: .mutual)
        let states = ScoringKernel.states(of: columns, halfLife: { _ in 30 }, activityHalfLife: 30)
        #expect(states[0].1.strengthSum == 3 && states[0].1.activitySum == 3)
        #expect(states[1].1.strengthSum.isFinite && abs(states[1].1.strengthSum - 1) < 1e-12)
    }

    @Test("unsorted columns are sorted by person and day, keeping same-day order")
    func sorting() {
        var columns = InteractionColumns()
        for (p, d) in [(2, 5), (1, 9), (2, 1), (1, 9), (1, 3)] {
            columns.append(person: Int64(p), day: Day(ordinal: d), weight: Double(d), direction: .mutual)
        }
        #expect(!columns.isSortedByPersonAndDay)
        let sorted = columns.sortedByPersonAndDay()
        #expect(sorted.isSortedByPersonAndDay)
        #expect(sorted.person == [1, 1, 1, 2, 2] && sorted.day == [3, 9, 9, 1, 5])
    }

    @Test(
        "the sort by person and day is stable whether ids are close together (counted), far apart, or of both signs",
        arguments: [Int64(1), 1_000_000_007, Int64.max / 150])
    func sortingManyRows(spread: Int64) {
        let rng = SeededGenerator(seed: 11)
        var columns = InteractionColumns()
        for row in 0..<3000 {
            let person = Int64(rng.index(below: 300) - 150) * spread + 5
            columns.append(
                person: person, day: Day(ordinal: 20_000 + rng.index(below: 40)), weight: Double(row),
                direction: .mutual)
        }
        let expected = (0..<columns.count).map { (columns.person[$0], columns.day[$0], columns.weight[$0]) }.sorted {
            ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2)
        }
        let sorted = columns.sortedByPersonAndDay()
        #expect(sorted.person == expected.map(\.0) && sorted.day == expected.map(\.1))
        #expect(sorted.weight == expected.map(\.2))  // the weight is the row number: same-day rows keep their order
    }
}
