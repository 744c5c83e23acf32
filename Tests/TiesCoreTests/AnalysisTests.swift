import Foundation
import Testing

@testable import TiesCore

private func day(_ n: Int) -> Day { Day(ordinal: 20_000 + n) }

/// A small network: a mentor seen weekly until 100 days ago (strong, gone quiet), two colleagues at one
/// organisation tied to each other, a recruiter who wrote last week, and an acquaintance seen once.
private struct Scenario {
    var people: [Person] = [
        Person(id: 1, name: "Mentor Mae", roles: [.mentor], organisation: "Mercy"),
        Person(id: 2, name: "Col Ava", roles: [.colleague], organisation: "Mercy"),
        Person(id: 3, name: "Col Ben", roles: [.colleague], organisation: "Mercy"),
        Person(id: 4, name: "Rec Rae", roles: [.recruiter], organisation: "Hale"),
        Person(id: 5, name: "Acq Al", roles: [.other], organisation: "Elsewhere"),
    ]
    var states: [Person.ID: RelationshipState] = [:]
    var ties = [Tie(1, 2, kind: .colleague), Tie(2, 3, kind: .colleague), Tie(1, 3), Tie(3, 4)]
    let asOf = day(400)

    init() {
        func history(_ days: [Int], _ w: Double) -> [(day: Day, weight: Double, direction: Direction)] {
            days.map { (day($0), w, .mutual) }
        }
        states[1] = RelationshipState(
            history: history(Array(stride(from: 0, through: 300, by: 7)), 3), halfLife: 180, activityHalfLife: 30)
        states[2] = RelationshipState(
            history: history(Array(stride(from: 300, through: 396, by: 8)), 2), halfLife: 90, activityHalfLife: 30)
        states[3] = RelationshipState(history: history([310, 350, 390], 1), halfLife: 90, activityHalfLife: 30)
        states[4] = RelationshipState(history: [(day(393), 0.3, .inbound)], halfLife: 90, activityHalfLife: 30)
        states[5] = RelationshipState(history: history([100], 1), halfLife: 90, activityHalfLife: 30)
    }

    var analysis: NetworkAnalysis {
        NetworkAnalysis.analyse(
            people: people, states: states, ties: ties, asOf: asOf, configuration: ScoringConfiguration())
    }
}

@Suite("Analysis: who next, paths, explanations")
struct AnalysisTests {
    @Test("hard reasons come first: a recruiter's unanswered contact and a strong tie gone quiet")
    func hardReasonsFirst() {
        let scenario = Scenario()
        let facts = NetworkFacts(unanswered: [4: UnansweredContact(day: day(393), kind: .call)])
        let ranked = WhoNext.rank(scenario.analysis, facts: facts, configuration: ScoringConfiguration())
        // Both hard rows come before every scored row.
        let rows = Array(ranked.prefix(2))
        #expect(Set(rows.map(\.personID)) == [1, 4])
        #expect(rows.allSatisfy { $0.isHard })
        #expect(ranked.dropFirst(2).allSatisfy { !$0.isHard })
        let recruiter = rows.first { $0.personID == 4 }!
        #expect(recruiter.reasons.map(\.code).contains(.recruiterUnanswered))
        #expect(recruiter.reasons.first!.text.contains("called on \(day(393)) (7 days ago)"))
        #expect(recruiter.advice == .answer(channel: .call, recruiter: true))
        let mentor = rows.first { $0.personID == 1 }!
        #expect(mentor.reasons.map(\.code).contains(.strongTieOverdue))
    }

    @Test("without facts, rows are ordered by priority = strength × (1 − S) × bonuses, then by name")
    func priorityOrder() {
        let scenario = Scenario()
        let analysis = scenario.analysis
        let config = ScoringConfiguration()
        let rows = WhoNext.rank(analysis, facts: NetworkFacts(), configuration: config)
        let scored = rows.filter { !$0.isHard }
        #expect(scored.map(\.priority) == scored.map(\.priority).sorted(by: >))
        for row in rows {
            let s = analysis.score.score(of: row.personID)!
            let bridge = analysis.positions[row.personID]!.isBridge
            let under = row.reasons.contains { if case .fewInRole = $0.code { true } else { $0.code == .onlyLink } }
            // On the 0–100 scale: the bonuses are divided out.
            let expected = s.strength * (1 - s.survival!) * (bridge ? 1.5 : 1) / 1.5 * (under ? 1.3 : 1) / 1.3
            #expect(row.priority >= 0 && row.priority <= 100)
            #expect(abs(row.priority - expected) < 1e-9)
        }
    }

    @Test("every row says why: an active person with nothing else gets the time since the last contact")
    func everyRowSaysWhy() {
        let scenario = Scenario()
        let analysis = scenario.analysis
        let rows = WhoNext.rank(analysis, facts: NetworkFacts(), configuration: ScoringConfiguration())
        #expect(!rows.isEmpty && rows.allSatisfy { !$0.reasons.isEmpty })
        let quiet = rows.filter { $0.reasons.map(\.code) == [.sinceLastContact] }
        #expect(!quiet.isEmpty)
        for row in quiet {
            let s = analysis.score.score(of: row.personID)!
            #expect(s.status == .active)
            #expect(row.reasons[0].text.hasPrefix("\(s.silenceDays!) days since the last contact"))
        }
    }

    @Test("a role short of its target says how many are active, and none as none")
    func fewInRoleSaysNone() throws {
        var scenario = Scenario()
        // The recruiter wrote weekly a year ago and not since: cold, so no recruiter is active.
        scenario.states[4] = RelationshipState(
            history: Array(stride(from: 0, through: 70, by: 7)).map { (day($0), 1, .mutual) }, halfLife: 90,
            activityHalfLife: 30)
        let rows = WhoNext.rank(scenario.analysis, facts: NetworkFacts(), configuration: ScoringConfiguration())
        let recruiter = try #require(rows.first { $0.personID == 4 })
        #expect(recruiter.reasons.map(\.text).contains("no active recruiters; aim for 3"), "\(recruiter.reasons)")
        let active = WhoNext.rank(Scenario().analysis, facts: NetworkFacts(), configuration: ScoringConfiguration())
        let rae = try #require(active.first { $0.personID == 4 })
        #expect(rae.reasons.map(\.text).contains("only 1 active recruiter; aim for 3"), "\(rae.reasons)")
    }

    @Test("the widest path maximises the weakest link, and can leave out the direct edge")
    func widestPath() throws {
        var scenario = Scenario()
        scenario.ties = [Tie(1, 2, weight: 0.9), Tie(2, 4, weight: 0.8), Tie(3, 4, weight: 0.2), Tie(1, 3, weight: 1)]
        let analysis = scenario.analysis
        let strength = { (id: Person.ID) in analysis.score.score(of: id)!.strength / 100 }
        let path = try #require(IntroductionPath.widest(in: analysis, to: 4, excludingDirect: true))
        // Through Ava (strongest first hop) to the recruiter over 0.8, rather than through Ben's 0.2 tie.
        #expect(path.hops.last!.personID == 4)
        #expect(path.hops.map(\.personID).contains(2))
        #expect(!path.hops.map(\.personID).contains(3))
        let best = max(min(strength(1), 0.9, 0.8), min(strength(2), 0.8))
        #expect(abs(path.bottleneck - best) < 1e-12)
        let direct = try #require(IntroductionPath.widest(in: analysis, to: 4, excludingDirect: false))
        #expect(direct.bottleneck >= path.bottleneck)
        // Nobody is tied to the acquaintance: only the direct edge reaches them.
        #expect(IntroductionPath.widest(in: analysis, to: 5, excludingDirect: true) == nil)
        #expect(IntroductionPath.widest(in: analysis, to: 5, excludingDirect: false)?.hops.count == 1)
    }

    @Test("structure: bridges among people and the network's shape")
    func structure() {
        let analysis = Scenario().analysis
        // 3–4 is the only tie of the recruiter: a local bridge between the Mercy triangle and Rae.
        #expect(analysis.bridges.map { [$0.a, $0.b] } == [[3, 4]])
        #expect(analysis.positions[4]!.isBridge && analysis.positions[3]!.isBridge && !analysis.positions[1]!.isBridge)
        #expect(analysis.positions[5]!.cluster == nil && analysis.positions[5]!.ties == 0)
        #expect(analysis.shape.largestOrganisation?.name == "Mercy")
        let counts = [3.0, 1, 1]  // Mercy, Hale, Elsewhere among the five active people
        let blau = 1 - counts.map { ($0 / 5) * ($0 / 5) }.reduce(0, +)
        #expect(abs(analysis.shape.organisationDiversity! - blau) < 1e-12)
    }

    @Test("an explanation adds up to the same scores as the network scoring")
    func explanationAgrees() {
        let utc = TimeZone(identifier: "UTC")!
        let person = Person(id: 1, name: "Mae", roles: [.mentor], closeness: 4)
        let interactions = [0, 0, 30, 95, 96, 250].enumerated().map { i, d in
            Interaction(
                personID: 1, occurredAt: Date(timeIntervalSince1970: TimeInterval((20_000 + d) * 86_400 + 3_600 * i)),
                kind: [.meeting, .email, .call, .email, .video, .message][i],
                direction: [.mutual, .outbound, .inbound, .outbound, .mutual, .inbound][i])
        }
        let config = ScoringConfiguration()
        var mapper = DayMapper(timeZone: utc)
        let state = RelationshipState(
            history: interactions.map { (mapper.day(for: $0.occurredAt), config.weight(of: $0), $0.direction) },
            halfLife: 180, activityHalfLife: 30)!
        let other = RelationshipState(day: day(10), weight: 1, direction: .mutual, halfLife: 90, activityHalfLife: 30)
        let network = NetworkScoring.score(
            people: [person, Person(id: 2, name: "X")], states: [1: state, 2: other], asOf: day(300),
            configuration: config)
        let e = Explanation.explain(
            person: person, interactions: interactions, network: network, configuration: config, timeZone: utc)
        let s = network.score(of: 1)!
        #expect(e.episodes.count == 5 && e.episodes.first!.interactions == 2 && e.episodes.first!.weight == 3)
        #expect(abs(e.rawStrength - s.rawStrength) < 1e-9)
        #expect(abs(e.activity - s.activity) < 1e-9)
        #expect(abs(e.survival! - s.survival!) < 1e-12)
        #expect(e.status == s.status)
    }

    @Test("the explanation's rhythm and silence are the score's: a connection before or after is no contact")
    func explanationSkipsConnections() throws {
        let utc = TimeZone(identifier: "UTC")!
        let person = Person(id: 1, name: "Alice")
        // Connected on day 0, messages on days 2000–2030, connected again (an invitation) on day 2500.
        let days = [0, 2000, 2010, 2030, 2500]
        let kinds: [InteractionKind] = [.connected, .message, .message, .message, .connected]
        let interactions = zip(days, kinds).map { d, kind in
            Interaction(
                personID: 1, occurredAt: Date(timeIntervalSince1970: TimeInterval((20_000 + d) * 86_400)), kind: kind,
                direction: .mutual)
        }
        let config = ScoringConfiguration()
        var mapper = DayMapper(timeZone: utc)
        let state = try #require(
            RelationshipState(
                contactHistory: interactions.map {
                    (mapper.day(for: $0.occurredAt), config.weight(of: $0), $0.direction, $0.kind.isContact)
                }, halfLife: 90, activityHalfLife: 30))
        let network = NetworkScoring.score(
            people: [person], states: [1: state], asOf: day(2600), configuration: config)
        let e = Explanation.explain(
            person: person, interactions: interactions, network: network, configuration: config, timeZone: utc)
        let s = try #require(network.score(of: 1))
        #expect(e.contactDays == 3 && e.contactSpanDays == 30 && e.episodes.count == 5)
        #expect(e.silence == s.silenceDays && e.silence == 570)
        #expect(abs(e.cadence!.typicalGap - s.typicalGapDays!) < 1e-9)
        #expect(abs(e.survival! - s.survival!) < 1e-12)
    }
}

@Suite("Analysis: cold bridges")
struct ColdBridgeTests {
    @Test("a bridge gone cold within a year is a must; one silent for longer is only cold")
    func coldBridgeWindow() {
        var scenario = Scenario()
        let config = ScoringConfiguration()
        // The recruiter (a bridge, tie 3–4) with a regular rhythm that stopped 100 days before as-of.
        scenario.states[4] = RelationshipState(
            history: stride(from: 100, through: 300, by: 10).map {
                (day: day($0), weight: 2.0, direction: Direction.mutual)
            }, halfLife: 90, activityHalfLife: 30)
        var row = WhoNext.rank(scenario.analysis, facts: NetworkFacts(), configuration: config).first {
            $0.personID == 4
        }
        #expect(row?.reasons.map(\.code).contains(.coldBridge) == true)
        #expect(row?.isHard == true)
        // The same rhythm, stopped 400 days before as-of.
        scenario.states[4] = RelationshipState(
            history: stride(from: -300, through: -100, by: 10).map {
                (day: day($0 + 100), weight: 2.0, direction: Direction.mutual)
            }, halfLife: 90, activityHalfLife: 30)
        row = WhoNext.rank(scenario.analysis, facts: NetworkFacts(), configuration: config).first {
            $0.personID == 4
        }
        #expect(row.map { !$0.reasons.map(\.code).contains(.coldBridge) } ?? true)
        #expect(row?.isHard != true)
    }
}
