import Foundation
import Testing
import TiesNumerics

@testable import TiesCore

/// Issue 13: strength keeps its meaning on real networks. The normaliser is the larger of the network's 90th
/// percentile of raw strength and the reference relationship's raw strength (monthly two-way contact for a
/// year), so a network silent for a year scores low instead of calling its least faded tie 100.
@Suite("Strength normalisation floor")
struct NormalisationFloorTests {
    static func day(_ n: Int) -> Day { Day(ordinal: 20_000 + n) }
    static func people(_ n: Int) -> [Person] { (1...n).map { Person(id: Int64($0), name: "P\($0)") } }

    @Test("the reference is monthly two-way contact for a year, derived from the constants")
    func reference() {
        let config = ScoringConfiguration()
        // Σ_{k=0}^{12} 2^(−30k/90), fully reciprocal, known 360 days: 1 + 0.1 ln(1 + 360/365.25).
        let decayed = (0...12).map { exp2(-30.0 * Double($0) / 90) }.reduce(0, +)
        let expected = decayed * (1 + 0.1 * log1p(360 / 365.25))
        #expect(abs(config.referenceRawStrength - expected) < 1e-9)
        #expect(abs(config.referenceRawStrength - 4.923) < 0.001)
        // It follows the constants: twice the two-way weight doubles it; a longer half-life raises it.
        var heavier = config
        heavier.weights.twoWay = 2
        #expect(abs(heavier.referenceRawStrength - 2 * config.referenceRawStrength) < 1e-9)
        var slower = config
        slower.defaultStrengthHalfLifeDays = 180
        #expect(slower.referenceRawStrength > config.referenceRawStrength)
    }

    @Test("a network silent for a year scores low; its percentile is below the reference")
    func silentNetwork() throws {
        let config = ScoringConfiguration()
        let asOf = Self.day(800)
        var states: [Person.ID: RelationshipState] = [:]
        for id in 1...40 {
            // Everyone was in touch for a while (a meeting and a two-way thread) and then went quiet: the most
            // recent contact is a year ago, the oldest two years.
            let last = 800 - 365 - (id * 9)
            let history = [
                (day: Self.day(last - 20), weight: 3.0, direction: Direction.mutual),
                (day: Self.day(last), weight: 1.0, direction: Direction.mutual),
            ]
            states[Int64(id)] = RelationshipState(history: history, halfLife: 90, activityHalfLife: 30)
        }
        let network = NetworkScoring.score(people: Self.people(40), states: states, asOf: asOf, configuration: config)
        let percentile = try #require(network.percentile)
        #expect(percentile < config.referenceRawStrength)
        #expect(network.normaliser == config.referenceRawStrength && network.normalisedByReference)
        let top = network.scores.map(\.strength).max() ?? 100
        #expect(top < 10, "the least faded of a silent network: \(top)")
        // Without the floor the top would have scored near 100 (the defect of issue 13).
        let unfloored = 100 * (1 - exp(-(network.scores.first?.rawStrength ?? 0) / percentile))
        #expect(unfloored > 60)
    }

    @Test("a relationship as steady as the reference scores 63 in a quiet network")
    func steadyScores63() throws {
        let config = ScoringConfiguration()
        let monthly = (0...12).map { (day: Self.day(30 * $0), weight: 1.0, direction: Direction.mutual) }
        let quiet = [(day: Self.day(0), weight: 0.5, direction: Direction.outbound)]
        var states: [Person.ID: RelationshipState] = [
            1: RelationshipState(history: monthly, halfLife: 90, activityHalfLife: 30)!
        ]
        for id in 2...10 { states[Int64(id)] = RelationshipState(history: quiet, halfLife: 90, activityHalfLife: 30) }
        let network = NetworkScoring.score(
            people: Self.people(10), states: states, asOf: Self.day(360), configuration: config)
        let steady = try #require(network.score(of: 1))
        #expect(abs(steady.strength - 100 * (1 - exp(-1))) < 0.01)
    }

    @Test("the demo network still spans the scale: its percentile sets it, far above the floor")
    func demoSpansTheScale() {
        let options = DemoOptions()
        let demo = DemoGenerator.generate(options)
        let config = ScoringConfiguration()
        var mapper = DayMapper(timeZone: options.timeZone)
        var histories: [Person.ID: [(day: Day, weight: Double, direction: Direction)]] = [:]
        for x in demo.interactions {
            histories[x.personID, default: []].append(
                (day: mapper.day(for: x.occurredAt), weight: config.weight(of: x), direction: x.direction))
        }
        var states: [Person.ID: RelationshipState] = [:]
        for person in demo.people {
            guard let id = person.id, let history = histories[id] else { continue }
            states[id] = RelationshipState(
                history: history, halfLife: config.strengthHalfLife(for: person.roles),
                activityHalfLife: config.activityHalfLifeDays)
        }
        let network = NetworkScoring.score(
            people: demo.people, states: states, asOf: options.endDay, configuration: config)
        #expect(!network.normalisedByReference)
        #expect((network.percentile ?? 0) > 2 * config.referenceRawStrength)
        let strengths = network.scores.filter { $0.rawStrength > 0 }.map(\.strength)
        #expect((strengths.max() ?? 0) > 95)
        #expect((strengths.min() ?? 100) < 5)
        #expect(Set(strengths.map { Int($0 / 10) }).count >= 9, "every tenth of the scale but one is used")
    }
}
