import Foundation
import Testing

@testable import TiesCore

private func day(_ n: Int) -> Day { Day(ordinal: 20_000 + n) }

/// A connection is not a relationship: dormant people in scoring, who next and the gaps.
@Suite("Dormancy: connections that were never a conversation")
struct DormancyTests {
    typealias Event = (day: Day, weight: Double, direction: Direction, isContact: Bool)

    static func state(_ events: [Event]) -> RelationshipState? {
        RelationshipState(contactHistory: events, halfLife: 90, activityHalfLife: 30)
    }

    @Test("only connections: dormant, in no layer, never active; silence runs from the last real contact")
    func statuses() throws {
        let people = [
            Person(id: 1, name: "Connected Only", organisation: "Tetra Tech"),
            Person(id: 2, name: "Old Friend", organisation: "Mercy"),
            Person(id: 3, name: "Regular", organisation: "Hale"),
        ]
        let states: [Person.ID: RelationshipState] = [
            1: try #require(Self.state([(day(390), 0.1, .mutual, false)])),
            // A message 300 days ago, then a connection yesterday: the connection does not end the silence.
            2: try #require(Self.state([(day(100), 1, .mutual, true), (day(399), 0.1, .mutual, false)])),
            3: try #require(Self.state([(day(380), 1, .mutual, true), (day(395), 1, .mutual, true)])),
        ]
        let score = NetworkScoring.score(
            people: people, states: states, asOf: day(400), configuration: ScoringConfiguration())
        let connected = try #require(score.score(of: 1))
        #expect(connected.status == .dormant)
        #expect(connected.layer == nil && connected.lastContact == nil && connected.knownSince == day(390))
        let friend = try #require(score.score(of: 2))
        #expect(friend.lastContact == day(100) && friend.silenceDays == 300)
        #expect(friend.status != .active)
        #expect(try #require(score.score(of: 3)).status == .active)
        // The normaliser comes from people in touch: the dormant one does not set the scale.
        let alone = NetworkScoring.score(
            people: Array(people.dropFirst()), states: states.filter { $0.key != 1 }, asOf: day(400),
            configuration: ScoringConfiguration())
        #expect(alone.normaliser == score.normaliser)
    }

    @Test("the kernel and the incremental state agree on the last day of real contact")
    func kernelAgrees() throws {
        var columns = InteractionColumns()
        let events: [(Int64, Int, Bool)] = [
            (1, 10, false), (1, 20, true), (1, 30, false), (2, 5, false), (2, 9, false),
        ]
        for (p, d, contact) in events {
            columns.append(person: p, day: day(d), weight: contact ? 1 : 0.1, direction: .mutual, isContact: contact)
        }
        let states = Dictionary(
            uniqueKeysWithValues: ScoringKernel.states(of: columns, halfLife: { _ in 90 }, activityHalfLife: 30))
        #expect(states[1]?.lastContactDay == day(20) && states[1]?.firstContactDay == day(20))
        #expect(states[1]?.contactEpisodes == 1 && states[1]?.episodes == 3)
        #expect(states[2]?.lastContactDay == nil && states[2]?.isDormant == true)
        var incremental = try #require(Self.state([(day(10), 0.1, .mutual, false)]))
        incremental.absorb(day: day(20), weight: 1, direction: .mutual, isContact: true)
        incremental.absorb(day: day(30), weight: 0.1, direction: .mutual, isContact: false)
        #expect(incremental == states[1])
    }

    @Test("a connection weighs little by default, and only real kinds are contact")
    func weights() {
        let configuration = ScoringConfiguration()
        #expect(configuration.weight(kind: .connected, direction: .mutual, answered: true, groupSize: 1) == 0.1)
        #expect(!InteractionKind.connected.isContact)
        let contactKinds = InteractionKind.allCases.filter { $0 != .connected }.allSatisfy { $0.isContact }
        #expect(contactKinds)
    }

    /// Dana, an active recruiter; four dormant recruiters; a dormant stranger at Tetra Tech; Sam, active at Mercy.
    static func network(field: String?) throws -> (NetworkAnalysis, NetworkFacts) {
        let people = [
            Person(
                id: 1, name: "Dana Reyes", roles: [.recruiter], organisation: "Kaiser Permanente",
                title: "Healthcare Recruiter"),
            Person(
                id: 2, name: "Priya Natarajan", roles: [.recruiter], organisation: "CompHealth",
                title: "Physician Recruiter"),
            Person(
                id: 3, name: "Tom Hughes", roles: [.recruiter], organisation: "TEKsystems", title: "Technical Recruiter"
            ),
            Person(
                id: 4, name: "Marcus Bell", roles: [.recruiter], organisation: "Mercy Health",
                title: "Talent Acquisition Partner"),
            Person(
                id: 5, name: "Grace Lin", roles: [.recruiter], organisation: "Aya Healthcare", title: "Nurse Recruiter"),
            Person(id: 6, name: "Ravi Shah", organisation: "Tetra Tech", title: "Project Manager"),
            Person(id: 7, name: "Sam Okafor", organisation: "Mercy Health", title: "Director"),
        ]
        let connected: [Person.ID: Int] = [2: 10, 3: 5, 4: 8, 5: 50, 6: 20]
        var states: [Person.ID: RelationshipState] = [:]
        for (id, d) in connected { states[id] = state([(day(d), 0.1, .mutual, false)]) }
        states[1] = state([(day(300), 1, .inbound, true), (day(390), 1, .outbound, true)])
        states[7] = state([(day(350), 3, .mutual, true), (day(395), 3, .mutual, true)])
        let analysis = NetworkAnalysis.analyse(
            people: people, states: states, ties: [], asOf: day(400), configuration: ScoringConfiguration())
        return (analysis, NetworkFacts(field: field))
    }

    @Test("warm-ups: in the field first, then at a firm with no active contact, then connected longest")
    func warmUpOrder() throws {
        let (analysis, _) = try Self.network(field: "healthcare")
        let ranked = RecruiterWarmUp.rank(analysis, field: "healthcare").map(\.name)
        #expect(ranked == ["Priya Natarajan", "Grace Lin", "Marcus Bell", "Tom Hughes"])
        let noField = RecruiterWarmUp.rank(analysis, field: nil).map(\.name)
        #expect(noField == ["Tom Hughes", "Priya Natarajan", "Grace Lin", "Marcus Bell"])
        #expect(RecruiterWarmUp.counts(analysis) == (active: 1, dormant: 4))
    }

    @Test(
        "who next: two warm-ups for two missing recruiters, no dormant stranger, no 'only active contact' from a connection"
    )
    func whoNext() throws {
        let (analysis, facts) = try Self.network(field: "healthcare")
        let rows = WhoNext.rank(analysis, facts: facts, configuration: ScoringConfiguration())
        #expect(rows.prefix(2).map(\.name) == ["Priya Natarajan", "Grace Lin"])
        #expect(rows.prefix(2).allSatisfy { $0.isWarmUp && $0.reasons.map(\.code) == [.dormantRecruiter] })
        #expect(
            rows.first?.advice
                == .warmUpRecruiter(organisation: "CompHealth", field: "healthcare", since: day(10)))
        #expect(!rows.contains { $0.name == "Ravi Shah" || $0.name == "Tom Hughes" || $0.name == "Marcus Bell" })
        // Sam is the only active contact at Mercy Health: Marcus, there too, is only a connection.
        let sam = try #require(rows.first { $0.name == "Sam Okafor" })
        #expect(sam.reasons.map(\.code).contains(.onlyLink))
    }

    @Test("'only active contact' only of someone active; someone cold at a firm where no one is active is said so")
    func onlyLinkSaysWhatIsTrue() throws {
        let people = [
            Person(id: 1, name: "Active One", organisation: "Hale"),
            Person(id: 2, name: "Old Friend", organisation: "Mercy"),
            Person(id: 3, name: "Old Colleague", organisation: "Hale"),
        ]
        var states: [Person.ID: RelationshipState] = [:]
        states[1] = Self.state([(day(380), 1, .mutual, true), (day(395), 1, .mutual, true)])
        for id: Person.ID in [2, 3] {
            states[id] = Self.state([
                (day(60), 1, .mutual, true), (day(80), 1, .mutual, true), (day(100), 1, .mutual, true),
            ])
        }
        let analysis = NetworkAnalysis.analyse(
            people: people, states: states, ties: [], asOf: day(400), configuration: ScoringConfiguration())
        #expect(analysis.score.score(of: 1)?.status == .active && analysis.score.score(of: 2)?.status != .active)
        let rows = WhoNext.rank(analysis, facts: NetworkFacts(), configuration: ScoringConfiguration())
        func onlyLink(_ name: String) -> [String] {
            rows.first { $0.name == name }?.reasons.filter { $0.code == .onlyLink }.map(\.text) ?? []
        }
        #expect(onlyLink("Active One") == ["your only active contact at Hale"])
        #expect(onlyLink("Old Friend") == ["no one at Mercy is an active contact of yours"])
        // Someone else is active at Hale: the old colleague is no link of any kind.
        #expect(rows.contains { $0.name == "Old Colleague" } && onlyLink("Old Colleague").isEmpty)
    }

    @Test("the coverage gap counts dormant recruiters apart and advises warming up")
    func gaps() throws {
        let (analysis, facts) = try Self.network(field: "healthcare")
        let gaps = GapFinder.find(
            in: analysis, facts: facts, configuration: ScoringConfiguration(), timeZone: TimeZone(identifier: "UTC")!)
        let coverage = try #require(gaps.first { $0.code == .recruiterCoverage })
        #expect(coverage.title == "Only 1 active recruiter (aim for 3): Dana Reyes" && coverage.people == [1])
        let dormant = try #require(gaps.first { $0.code == .dormantRecruiters })
        #expect(dormant.title == "1 active recruiter; 4 recruiters among your connections you have never spoken with")
        #expect(dormant.severity == .medium && dormant.advice == .warmUpDormantRecruiters)
        #expect(dormant.people == [2, 5, 4])  // Priya, Grace, Marcus: the best placed
        var enough = ScoringConfiguration()
        enough.roleTargets[.recruiter] = 1
        let met = GapFinder.find(
            in: analysis, facts: facts, configuration: enough, timeZone: TimeZone(identifier: "UTC")!)
        #expect(!met.contains { $0.code == .recruiterCoverage })
        #expect(met.first { $0.code == .dormantRecruiters }?.severity == .low)
    }

    @Test("the field: matched in titles and organisations, read from the user's own positions")
    func field() {
        #expect(ProfessionalField.matches("healthcare", title: "Nurse Recruiter", organisation: nil))
        #expect(ProfessionalField.matches("healthcare", title: "Recruiter", organisation: "Mercy Hospital"))
        #expect(!ProfessionalField.matches("healthcare", title: "Technical Recruiter", organisation: "TEKsystems"))
        #expect(ProfessionalField.matches("aviation", title: "Aviation Recruiter", organisation: nil))
        #expect(ProfessionalField.infer(from: ["Director of Operations", "Mercy Health"]) == "healthcare")
        #expect(ProfessionalField.infer(from: ["Director of Operations"]) == nil)
        // The headline and the industry say what the user does now: each counts twice against past positions
        // (a real export: one past employer "Epilogue Capital", the industry "Software Development").
        let positions = ["Product Manager at Irdeto", "Managing Partner at Epilogue Capital", "Product Leader at Tile"]
        #expect(ProfessionalField.infer(from: positions + ["Software Development"]) == "finance")
        #expect(ProfessionalField.infer(from: positions, current: ["Software Development"]) == "technology")
    }
}
