import Foundation
import Testing

@testable import TiesCore

private func day(_ n: Int) -> Day { Day(ordinal: 20_000 + n) }

/// `n` people at different organisations, each seen every 5 days up to two days before day 200 (all
/// active), with the given ties between them.
private func activeNetwork(_ n: Int, ties: [Tie], roles: [Role] = [.colleague]) -> NetworkAnalysis {
    var people: [Person] = []
    var states: [Person.ID: RelationshipState] = [:]
    for i in 1...n {
        let id = Int64(i)
        people.append(Person(id: id, name: "Person \(i)", roles: Set(roles), organisation: "Org \(i)"))
        states[id] = RelationshipState(
            history: stride(from: 100, through: 198, by: 5).map { (day: day($0), weight: 2.0, direction: .mutual) },
            halfLife: 90, activityHalfLife: 30)
    }
    return NetworkAnalysis.analyse(
        people: people, states: states, ties: ties, asOf: day(200), configuration: ScoringConfiguration())
}

/// Each case reproduces a sentence a real first week found false (issue 13).
@Suite("Advice: every sentence true")
struct AdviceTruthTests {
    @Test(
        "people are addressed by first name, without honorifics or credentials",
        arguments: [
            ("Dr. Priya Natarajan", "Priya"), ("Reyes, Dana", "Dana"), ("Dana Reyes, MD, FACHE", "Dana"),
            ("Prof Ravi Menon", "Ravi"), ("Ms. Ana", "Ana"), ("Dr.", "Dr."), ("Cher", "Cher"),
            ("Mr. Dr. Sam Lee Jr.", "Sam"),
            // LinkedIn members put emoji and marks before their name (a 2023 and a 2026 export: `🚀 Luis`,
            // `⚫️` as the whole first name, `⠀ Givaldo` with a braille blank, `~ Antonella`).
            ("🚀 Rafa Lindqvist", "Rafa"), ("⚫️ Mira Okafor", "Mira"), ("\u{2800} Tove Aalto", "Tove"),
            ("~ Ines Baptiste", "Ines"), ("🇨🇴  Dr. Lucía Pardo", "Lucía"), ("🎯", "🎯"),
            // After a comma come credentials and headlines in real exports (greeted "Hello CFA", "Hello PMP");
            // a name is turned around only when it reads surname first.
            ("Jiri Zajicek, CFA", "Jiri"), ("Tova Lind, PMP®", "Tova"), ("Sara Holm, Ph.D., ACCA", "Sara"),
            ("Omar Ruiz, M.Sc.", "Omar"), ("Ana Perez Sr. Software Engineer, Systems Infrastructure", "Ana"),
            ("Lina Berg, SHRM-CP", "Lina"), ("Nour Haddad, Msc", "Nour"), ("van Dyke, Anna", "Anna"),
            ("REYES, DANA", "DANA"), ("Reyes, Dana Maria", "Dana"), ("Reyes, Dana, CFA", "Dana"),
            ("Acme Group, Inc.", "Acme"),
            // Titles of a profession written before the name in real exports (rounds 6 and 7): Spanish
            // `Lic.`, `Ing.`, `Dra.`, `Arq.`; Indian `Er.`, `Ar.`, `Adv`, `CA`, `CS`; `CPA`, `Coach`, `Engr.`.
            ("Lic. Marisol Quiroga", "Marisol"), ("LIC. Tomás Ibarra", "Tomás"), ("Ing. Rafael Soto", "Rafael"),
            ("Dra. Inés Varela", "Inés"), ("Arq. Paula Ríos", "Paula"), ("Er. Kunal Bhatt", "Kunal"),
            ("Ar. Meera Pillai", "Meera"), ("Adv Rohan Sethi", "Rohan"), ("CA Devika Raman", "Devika"),
            ("CS Arjun Nair", "Arjun"), ("CPA Joel Kimani", "Joel"), ("COACH Diego Vera", "Diego"),
            ("Engr. Bola Adeyemi", "Bola"),
            // Only with a dot, or only in capitals: the same letters are a given name otherwise.
            ("Eng Hock Tan", "Eng"), ("Ca Nguyen", "Ca"), ("Ing Marie Berg", "Ing"), ("Er. ", "Er."),
        ])
    func firstNames(name: String, first: String) {
        #expect(Person.firstName(of: name) == first)
    }

    @Test(
        "closure is claimed only when measured: a prompt with few ties, the share of pairs with many, nothing between")
    func closure() throws {
        // Six active people, one tie: who knows whom is unknown for most of them.
        let sparse = try #require(Closure(activeNetwork(6, ties: [Tie(1, 2)])))
        #expect(!sparse.isMeasurable)
        #expect(sparse.gap?.severity == .low && sparse.gap?.advice == .recordWhoKnowsWhom)
        #expect(sparse.gap?.title.contains("recorded for 2 of your 6 active contacts") == true)
        // Everyone knows everyone: 15 of 15 pairs.
        let clique = (1...5).flatMap { a in (a + 1...6).map { b in Tie(Int64(a), Int64(b)) } }
        let closed = try #require(Closure(activeNetwork(6, ties: clique))?.gap)
        #expect(closed.severity == .medium && closed.title.contains("15 of the 15 pairs"))
        // A ring: measured, and 6 of 15 pairs is not a closed network.
        let ring = (1...6).map { Tie(Int64($0), Int64($0 % 6 + 1)) }
        #expect(Closure(activeNetwork(6, ties: ring))?.gap == nil)
        // Too few active people to say anything.
        #expect(Closure(activeNetwork(4, ties: [])) == nil)
    }

    @Test("waiting for an answer: recent, and from someone with a relationship; a stranger's or an old message is not")
    func waiting() {
        let analysis = activeNetwork(3, ties: [], roles: [])
        var people = analysis.people
        people[1]?.roles = [.recruiter]
        var withRoles = analysis
        withRoles.people = people
        let facts = NetworkFacts(unanswered: [
            1: UnansweredContact(day: day(195), kind: .email),  // a recruiter: kept
            2: UnansweredContact(day: day(150), kind: .call),  // 50 days ago: history
            99: UnansweredContact(day: day(199), kind: .message),  // not in the network
        ])
        let waiting = facts.waiting(in: withRoles, configuration: ScoringConfiguration())
        #expect(Set(waiting.unanswered.keys) == [1])
        // Person 3 has contact both ways (mutual history), so a recent message from them is waiting.
        let recent = NetworkFacts(unanswered: [3: UnansweredContact(day: day(199), kind: .message)])
        #expect(recent.waiting(in: withRoles, configuration: ScoringConfiguration()).unanswered.count == 1)
        // A stranger who only ever wrote in: not a to-do.
        var stranger = withRoles
        stranger.score.scores = stranger.score.scores.map { s in
            var s = s
            if s.personID == 3 { s.reciprocity = 0 }
            return s
        }
        #expect(recent.waiting(in: stranger, configuration: ScoringConfiguration()).unanswered.isEmpty)
    }

    @Test("the action fits the channel of what is waiting")
    func channel() {
        let analysis = activeNetwork(2, ties: [], roles: [.recruiter])
        let facts = NetworkFacts(unanswered: [
            1: UnansweredContact(day: day(199), kind: .email), 2: UnansweredContact(day: day(199), kind: .call),
        ])
        let rows = WhoNext.rank(analysis, facts: facts, configuration: ScoringConfiguration())
        #expect(rows.first { $0.personID == 1 }?.advice == .answer(channel: .email, recruiter: true))
        #expect(rows.first { $0.personID == 2 }?.advice == .answer(channel: .call, recruiter: true))
    }

    @Test("a rhythm is stated from two observed gaps, not from one")
    func rhythm() {
        func score(episodes: Int) -> PersonScore {
            PersonScore(
                personID: 1, name: "A", strength: 10, rawStrength: 1, activity: 1, layer: 5, firstContact: day(0),
                lastContact: day(10), episodes: episodes, silenceDays: 90, typicalGapDays: 35, survival: 0.05,
                status: .cooling, reciprocity: 1)
        }
        #expect(WhoNext.rhythmClause(score(episodes: 2)) == "; not enough history yet for a rhythm")
        #expect(WhoNext.rhythmClause(score(episodes: 3)) == "; usually every 35 days")
    }

    @Test("priority is on a 0–100 scale")
    func priorityScale() {
        let p = Priority(strength: 1, overdue: 1, bridge: 1, underrepresented: 1)
        #expect(p.value == 100)
        let rows = WhoNext.rank(
            activeNetwork(8, ties: []), facts: NetworkFacts(), configuration: ScoringConfiguration())
        #expect(rows.allSatisfy { $0.priority >= 0 && $0.priority <= 100 })
    }
}
