import Foundation
import Testing
import TiesNumerics

@testable import TiesCore

private func day(_ n: Int) -> Day { Day(ordinal: 20_000 + n) }

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite("Scoring: weights, decay, reciprocity, tenure")
struct ScoringTests {
    let config = ScoringConfiguration()

    @Test("interaction weights follow the design brief")
    func weights() {
        func w(_ kind: InteractionKind, _ direction: Direction = .mutual, answered: Bool = true, group: Int = 1)
            -> Double
        {
            config.weight(kind: kind, direction: direction, answered: answered, groupSize: group)
        }
        #expect(w(.meeting) == 3)
        #expect(w(.intro) == 3 && w(.referral) == 3 && w(.favour) == 3)
        #expect(w(.call) == 2 && w(.video) == 2)
        #expect(w(.email) == 1 && w(.message, .inbound) == 1)
        #expect(w(.email, .outbound) == 0.5)
        #expect(w(.email, .inbound, answered: false) == 0.3 && w(.call, .inbound, answered: false) == 0.3)
        #expect(w(.message, group: 9) == 1.0 / 3)
        #expect(w(.reaction) == 0.1)
    }

    @Test("decay, reciprocity and tenure computed by hand for a small history")
    func handComputed() {
        // Recruiter (half-life 90 d): meeting on day 0, call out on day 30, email in on day 30 (same day:
        // the episode keeps the call's weight 2), unanswered inbound email on day 120.
        var state = RelationshipState(day: day(0), weight: 3, direction: .mutual, halfLife: 90, activityHalfLife: 30)
        state.absorb(day: day(30), weight: 2, direction: .outbound)
        state.absorb(day: day(30), weight: 1, direction: .inbound)
        state.absorb(day: day(120), weight: 0.3, direction: .inbound)
        #expect(state.episodes == 3)
        #expect(state.outbound == 2 && state.inbound == 3)
        let asOf = day(150)
        let decayed = 3 * pow(2, -150.0 / 90) + 2 * pow(2, -120.0 / 90) + 0.3 * pow(2, -30.0 / 90)
        #expect(close(state.decayedStrength(at: asOf), decayed))
        let activity = 3 * pow(2, -150.0 / 30) + 2 * pow(2, -120.0 / 30) + 0.3 * pow(2, -30.0 / 30)
        #expect(close(state.activity(at: asOf), activity))
        let r = 2.0 * 2 / 5
        #expect(close(state.reciprocity, r))
        let raw = decayed * (0.5 + 0.5 * r) * (1 + 0.1 * log(1 + 150 / 365.25))
        #expect(close(state.rawStrength(at: asOf, configuration: config), raw))
    }

    @Test("a stronger interaction later the same day raises the episode to its weight; a weaker one does not")
    func sameDayMaximum() {
        var state = RelationshipState(
            day: day(0), weight: 0.5, direction: .outbound, halfLife: 90, activityHalfLife: 30)
        state.absorb(day: day(0), weight: 3, direction: .mutual)
        state.absorb(day: day(0), weight: 1, direction: .mutual)
        #expect(state.episodes == 1 && state.strengthSum == 3 && state.activitySum == 3)
    }

    @Test("an interaction older than the last episode is not absorbed")
    func outOfOrder() {
        let state = RelationshipState(day: day(10), weight: 1, direction: .mutual, halfLife: 90, activityHalfLife: 30)
        #expect(state.absorbing(day: day(9), weight: 1, direction: .mutual) == nil)
    }

    @Test("the order of insertion does not matter", arguments: [7, 8, 9] as [UInt64])
    func orderIndependent(seed: UInt64) {
        let rng = SeededGenerator(seed: seed)
        let history = (0..<60).map { _ in
            (
                day: day(rng.index(below: 400)), weight: [0.1, 0.3, 0.5, 1, 2, 3][rng.index(below: 6)],
                direction: Direction.allCases[rng.index(below: 3)]
            )
        }
        let a = RelationshipState(history: history, halfLife: 180, activityHalfLife: 30)!
        var reversed = Array(history.reversed())
        // A deterministic reshuffle of the same events.
        for i in stride(from: reversed.count - 1, to: 0, by: -1) { reversed.swapAt(i, rng.index(below: i + 1)) }
        let b = RelationshipState(history: reversed, halfLife: 180, activityHalfLife: 30)!
        #expect(a.episodes == b.episodes && a.firstDay == b.firstDay && a.lastDay == b.lastDay)
        #expect(close(a.decayedStrength(at: day(500)), b.decayedStrength(at: day(500))))
        #expect(close(a.activity(at: day(500)), b.activity(at: day(500))))
    }

    @Test("strength never rises with silence")
    func silenceNeverRaises() {
        let history = [
            (day: day(0), weight: 3.0, direction: Direction.mutual),
            (day: day(40), weight: 1.0, direction: Direction.inbound),
        ]
        let state = RelationshipState(history: history, halfLife: 90, activityHalfLife: 30)!
        var previous = Double.infinity
        var previousActivity = Double.infinity
        // Tenure grows with time, but decay outpaces it after the last episode.
        for t in stride(from: 40, through: 3000, by: 7) {
            let s = state.rawStrength(at: day(t), configuration: config)
            #expect(s <= previous)
            #expect(state.activity(at: day(t)) <= previousActivity)
            previous = s
            previousActivity = state.activity(at: day(t))
        }
    }

    @Test("a person with several roles takes the longest half-life")
    func halfLives() {
        #expect(config.strengthHalfLife(for: [.recruiter]) == 90)
        #expect(config.strengthHalfLife(for: [.recruiter, .mentor]) == 180)
        #expect(config.strengthHalfLife(for: [.friend, .colleague]) == 730)
        #expect(config.strengthHalfLife(for: []) == 90)
    }
}

@Suite("Cadence: the Gamma–exponential model")
struct CadenceTests {
    @Test("posterior and survival computed by hand")
    func handComputed() {
        // Prior a0 = 1, b0 = 30 (layer 15); gaps of 10, 20 and 30 days: a' = 4, b' = 90.
        let cadence = Cadence(priorShape: 1, priorMeanGap: 30, gaps: 3, totalGapDays: 60)
        #expect(cadence.shape == 4 && cadence.scale == 90)
        #expect(abs(cadence.survival(silence: 0) - 1) < 1e-12)
        #expect(abs(cadence.survival(silence: 45) - pow(90.0 / 135, 4)) < 1e-12)
        #expect(abs(cadence.typicalGap - 90 * (pow(2, 0.25) - 1)) < 1e-12)
        #expect(abs(cadence.survival(silence: cadence.silence(atSurvival: 0.1)) - 0.1) < 1e-12)
        let p = cadence.contactProbability(silence: 45, horizon: 30)
        #expect(abs(p - (1 - pow(135.0 / 165, 4))) < 1e-12)
    }

    @Test("a typical gap in words: every day, never every 1 days or every 0 days")
    func inWords() {
        #expect(
            [0.3, 0.8, 1.4, 1.6, 9.2].map { Cadence.every(days: $0) } == [
                "every day", "every day", "every day", "every 2 days", "every 9 days",
            ])
    }

    @Test("with no gaps the prior decides: a new contact is not overdue after a week")
    func priorDominates() {
        let cadence = Cadence(priorShape: 1, priorMeanGap: 90, gaps: 0, totalGapDays: 0)
        #expect(cadence.survival(silence: 7) > 0.9)
        #expect(cadence.survival(silence: 7) == 90.0 / 97)
    }

    @Test("survival falls with silence and a regular rhythm makes a long silence rarer")
    func monotone() {
        let regular = Cadence(priorShape: 1, priorMeanGap: 30, gaps: 20, totalGapDays: 200)
        let sparse = Cadence(priorShape: 1, priorMeanGap: 30, gaps: 1, totalGapDays: 10)
        var previous = 1.0
        for s in stride(from: 0.0, through: 365, by: 5) {
            #expect(regular.survival(silence: s) <= previous)
            previous = regular.survival(silence: s)
        }
        #expect(regular.survival(silence: 60) < sparse.survival(silence: 60))
    }
}

@Suite("Network scoring")
struct NetworkScoringTests {
    func people(_ n: Int) -> [Person] { (1...n).map { Person(id: Int64($0), name: "P\($0)") } }

    @Test("strength is 100 (1 - exp(-S/S90)), layers by rank, and ties broken by name then id")
    func normalisationAndLayers() {
        var states: [Person.ID: RelationshipState] = [:]
        let asOf = day(100)
        for id in 1...30 {
            // Person k gets k meetings spread over the last 60 days; persons 29 and 30 get identical histories.
            let k = min(id, 29)
            let history = (0..<k).map { (day: day(40 + 2 * $0), weight: 3.0, direction: Direction.mutual) }
            states[Int64(id)] = RelationshipState(history: history, halfLife: 90, activityHalfLife: 30)
        }
        var list = people(30)
        list[29].name = "P29"  // same name as person 29: the id decides
        let config = ScoringConfiguration()
        let network = NetworkScoring.score(people: list, states: states, asOf: asOf, configuration: config)
        let raws = states.values.map { $0.rawStrength(at: asOf, configuration: config) }
        let s90 = Statistics.quantile(raws, 0.9)!
        #expect(abs(network.normaliser - s90) < 1e-12)
        #expect(network.scores.map(\.personID).prefix(3) == [29, 30, 28])
        for score in network.scores {
            #expect(abs(score.strength - 100 * (1 - exp(-score.rawStrength / s90))) < 1e-9)
        }
        let layers = network.scores.map { $0.layer ?? 0 }
        #expect(Array(layers.prefix(5)) == [5, 5, 5, 5, 5])
        #expect(Array(layers[5..<15]) == Array(repeating: 15, count: 10))
        #expect(Array(layers[15..<30]) == Array(repeating: 50, count: 15))
    }

    @Test("status follows the survival of the current silence; people without history score zero")
    func status() {
        let config = ScoringConfiguration()
        let weekly = (0..<20).map { (day: day(7 * $0), weight: 2.0, direction: Direction.mutual) }
        var states: [Person.ID: RelationshipState] = [
            1: RelationshipState(history: weekly, halfLife: 90, activityHalfLife: 30)!
        ]
        let last = day(7 * 19)
        var network = NetworkScoring.score(people: people(2), states: states, asOf: last + 3, configuration: config)
        #expect(network.score(of: 1)?.status == .active)
        #expect(network.score(of: 2)?.status == RelationshipStatus.none)
        #expect(network.score(of: 2)?.strength == 0 && network.score(of: 2)?.layer == nil)
        network = NetworkScoring.score(people: people(2), states: states, asOf: last + 20, configuration: config)
        #expect(network.score(of: 1)?.status == .cooling)
        network = NetworkScoring.score(people: people(2), states: states, asOf: last + 60, configuration: config)
        #expect(network.score(of: 1)?.status == .cold)
        states[1] = nil
        #expect(
            NetworkScoring.score(people: people(2), states: states, asOf: last, configuration: config).scores.allSatisfy
            { $0.strength == 0 })
    }

    @Test("stated closeness multiplies raw strength")
    func closeness() {
        let config = ScoringConfiguration()
        let state = RelationshipState(day: day(0), weight: 3, direction: .mutual, halfLife: 90, activityHalfLife: 30)
        let list = [
            Person(id: 1, name: "A", closeness: 5), Person(id: 2, name: "B", closeness: 1), Person(id: 3, name: "C"),
        ]
        let network = NetworkScoring.score(
            people: list, states: [1: state, 2: state, 3: state], asOf: day(10), configuration: config)
        let raw = state.rawStrength(at: day(10), configuration: config)
        #expect(close(network.score(of: 1)!.rawStrength, 1.5 * raw))
        #expect(close(network.score(of: 2)!.rawStrength, 0.6 * raw))
        #expect(close(network.score(of: 3)!.rawStrength, raw))
    }
}

@Suite("Scoring configuration")
struct ScoringConfigurationTests {
    @Test("settings can be listed and changed by key, and bad values are refused")
    func settings() throws {
        let config = ScoringConfiguration()
        let keys = config.settings.map(\.key)
        #expect(keys == keys.sorted())
        #expect(keys.contains("weights.meeting") && keys.contains("strengthHalfLifeDays.former-colleague"))
        let changed = try config.setting("strengthHalfLifeDays.mentor", to: "240")
        #expect(changed.strengthHalfLifeDays[.mentor] == 240)
        #expect(
            try config.setting("closenessMultipliers", to: "0.5, 0.75,1,1.25,2").closenessMultipliers == [
                0.5, 0.75, 1, 1.25, 2,
            ])
        #expect(try config.setting("layerSizes", to: "5,10,35,100").layerSizes == [5, 10, 35, 100])
        #expect(throws: InputError.self) { try config.setting("weights.nope", to: "1") }
        #expect(throws: InputError.self) { try config.setting("activityHalfLifeDays", to: "fast") }
        #expect(throws: InputError.self) { try config.setting("activityHalfLifeDays", to: "-3") }
        #expect(throws: InputError.self) { try config.setting("activityHalfLifeDays", to: "3,4") }
        #expect(throws: InputError.self) { try config.setting("closenessMultipliers", to: "1,2") }
    }

    @Test("the settings are the leaves of the stored JSON, key for key and value for value")
    func settingsFollowTheStoredForm() throws {
        /// Every leaf of the stored JSON as `dotted.key = value`, lists comma-separated, as JSONSerialization
        /// writes numbers: an independent reading of what ``ScoringConfiguration/settings`` derives from the type.
        func leaves(_ configuration: ScoringConfiguration) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(configuration))
            var out: [String] = []
            func walk(_ value: Any, _ path: String) {
                if let object = value as? [String: Any] {
                    for (key, child) in object { walk(child, path.isEmpty ? key : path + "." + key) }
                } else if let array = value as? [Any] {
                    out.append(path + " = " + array.map { "\($0)" }.joined(separator: ","))
                } else {
                    out.append(path + " = \(value)")
                }
            }
            walk(object, "")
            return out.sorted()
        }
        func shown(_ configuration: ScoringConfiguration) -> [String] {
            configuration.settings.map { $0.key + " = " + $0.value }
        }
        #expect(shown(ScoringConfiguration()) == (try leaves(ScoringConfiguration())))
        var changed = try ScoringConfiguration().setting("weights.reaction", to: "0.125")
            .setting("activityHalfLifeDays", to: "14.5").setting("waitingWindowDays", to: "21")
            .setting("cadencePriorMeanGapDays", to: "7,30.5,90,365,1000")
        changed.roleTargets[.recruiter] = nil
        changed.strengthHalfLifeDays[.friend] = 1.0 / 3.0
        #expect(shown(changed) == (try leaves(changed)))
        #expect(!changed.settings.contains { $0.key == "roleTargets.recruiter" })
        #expect(changed.waitingWindowDays == 21 && changed.weights.reaction == 0.125)
        // A whole-number setting takes the integer part, as before.
        #expect(try ScoringConfiguration().setting("waitingWindowDays", to: "20.7").waitingWindowDays == 20)
    }

    @Test(
        "a stored configuration missing keys takes their defaults, at any depth; a value of the wrong form is refused")
    func decoding() throws {
        func decode(_ json: String) throws -> ScoringConfiguration {
            try JSONDecoder().decode(ScoringConfiguration.self, from: Data(json.utf8))
        }
        let data = try JSONEncoder().encode(ScoringConfiguration())
        #expect(try JSONDecoder().decode(ScoringConfiguration.self, from: data) == ScoringConfiguration())
        #expect(try decode("{}") == ScoringConfiguration())
        // Stored by an older version: only two settings, one of them nested.
        var expected = ScoringConfiguration()
        expected.activityHalfLifeDays = 14
        expected.weights.meeting = 4
        #expect(try decode(#"{"activityHalfLifeDays": 14, "weights": {"meeting": 4}}"#) == expected)
        #expect(throws: (any Error).self) { try decode(#"{"activityHalfLifeDays": "fast"}"#) }
        // Every stored property has a key, so none is silently left out of what is stored.
        #expect(
            Mirror(reflecting: ScoringConfiguration()).children.count == ScoringConfiguration.CodingKeys.allCases.count)
    }
}
