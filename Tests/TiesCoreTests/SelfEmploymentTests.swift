import Foundation
import Testing

@testable import TiesCore

private func day(_ n: Int) -> Day { Day(ordinal: 20_000 + n) }

/// "Self-employed", "Freelance" and their translations, as members of a real 2025 LinkedIn export wrote them
/// in place of a company (39 and 17 of 4,215 connections), are no firm.
@Suite("Self-employment is no organisation")
struct SelfEmploymentTests {
    static func state(_ days: [Int]) -> RelationshipState? {
        RelationshipState(
            contactHistory: days.map { (day($0), 1, .mutual, true) }, halfLife: 90, activityHalfLife: 30)
    }

    @Test("whole names in several languages, any case and accents; a longer name is an employer")
    func names() {
        for name in [
            "Self-employed", "Self Employed", "FREELANCE", "Freelancer", "Autônomo", "Independiente / Freelance",
            "Selbstständig", "Libero professionista", "ZZP'er", "Independent",
        ] {
            #expect(SelfEmployment.isSelfEmployment(name), "\(name)")
        }
        for name in [
            "Independent Consultant (IQ Talent Partners, AWS)", "The Independent", "Intuit", "Freelance.com Group",
        ] {
            #expect(!SelfEmployment.isSelfEmployment(name), "\(name)")
        }
        // The byte-wise folding of ASCII names agrees with MatchKey.fold on spacing, punctuation and case.
        for name in ["  Self -- EMPLOYED  ", "free-lance", "Free Lance", "self_employed", "Selbst'standig", "ZZP 2"] {
            #expect(
                SelfEmployment.isSelfEmployment(name) == SelfEmployment.names.contains(MatchKey.fold(name)), "\(name)")
        }
        #expect(Person(name: "A", organisation: "Freelance").employer == nil)
        #expect(Person(name: "A", organisation: "Intuit").employer == "Intuit")
        #expect(Person(id: 4, name: "A", organisation: "Freelance").firm == "self-employed #4")
        #expect(Person(name: "A").firm == nil)
        // A firm not disclosed is no firm either (real exports: "Confidential" 188 times, "Stealth Startup" 63).
        #expect(Person(name: "A", organisation: "Confidential").employer == nil)
        #expect(Person(name: "A", organisation: "Stealth Startup").employer == nil)
        #expect(Person(id: 5, name: "A", organisation: "CONFIDENTIAL").firm == "self-employed #5")
        #expect(
            Person(name: "A", organisation: "Confidential Search Partners").employer == "Confidential Search Partners")
        #expect(!SelfEmployment.isSelfEmployment("Confidential"))
    }

    @Test("a self-employed recruiter recruits for clients: agency, with the evidence saying why")
    func classifier() throws {
        let freelance = try #require(RoleClassifier.classify(title: "Recruiter", organisation: "Self Employed"))
        #expect(freelance.recruiterKind == .agency)
        #expect(freelance.evidence == ["recruiter", "organisation: self-employed (self employed)"])
        let employed = try #require(RoleClassifier.classify(title: "Recruiter", organisation: "Intuit"))
        #expect(employed.recruiterKind == .inHouse)
    }

    @Test("two namesakes both self-employed share no organisation as evidence of being one person")
    func duplicates() {
        let people = [
            Person(id: 1, name: "Sam Lee", organisation: "Freelance"),
            Person(id: 2, name: "Sam Lee", organisation: "Freelance"),
            Person(id: 3, name: "Ada Quill", organisation: "Hale"),
            Person(id: 4, name: "Ada Quill", organisation: "Hale"),
        ]
        let search = DuplicateDetector.search(people)
        let rules = DuplicateRules()
        let sam = search.candidates.first { $0.first == 1 && $0.second == 2 }
        let ada = search.candidates.first { $0.first == 3 && $0.second == 4 }
        #expect(ada.map { abs($0.score - rules.sameNameSameOrganisation) < 1e-9 } == true)
        #expect(
            sam.map { abs($0.score - rules.sameNameUnknownOrganisation) < 1e-9 } == true, "\(String(describing: sam))")
    }

    @Test("no one is 'your only active contact at Freelance'; a self-employed recruiter is a firm of their own")
    func analysis() throws {
        let people = [
            Person(id: 1, name: "Active Freelancer", organisation: "Freelance"),
            Person(id: 2, name: "Cold Freelancer", organisation: "Self-employed"),
            Person(
                id: 3, name: "Rae Recruiter", roles: [.recruiter], recruiterKind: .agency, organisation: "Freelance"),
            Person(
                id: 4, name: "Ray Recruiter", roles: [.recruiter], recruiterKind: .agency, organisation: "Freelance"),
            Person(id: 5, name: "Dormant Recruiter", roles: [.recruiter], organisation: "Self Employed"),
        ]
        var states: [Person.ID: RelationshipState] = [:]
        for id: Person.ID in [1, 3, 4] { states[id] = Self.state([380, 395]) }
        states[2] = Self.state([60, 80, 100])
        states[5] = RelationshipState(
            contactHistory: [(day(10), 0.1, .mutual, false)], halfLife: 90, activityHalfLife: 30)
        let analysis = NetworkAnalysis.analyse(
            people: people, states: states, ties: [], asOf: day(400), configuration: ScoringConfiguration())
        let rows = WhoNext.rank(analysis, facts: NetworkFacts(), configuration: ScoringConfiguration())
        let texts = rows.flatMap(\.reasons).map(\.text)
        #expect(!texts.contains { $0.contains("Freelance") || $0.contains("Self-employed") }, "\(texts)")
        // Two recruiters, each self-employed: two firms, not one.
        let gaps = GapFinder.find(
            in: analysis, facts: NetworkFacts(), configuration: ScoringConfiguration(),
            timeZone: TimeZone(identifier: "UTC")!)
        #expect(!gaps.contains { $0.title.contains("are at Freelance") }, "\(gaps.map(\.title))")
        // The dormant one is warmed up without a firm to name.
        let warmUp = try #require(RecruiterWarmUp.rank(analysis, field: nil).first)
        #expect(warmUp.name == "Dormant Recruiter" && warmUp.organisation == nil && warmUp.firmUncovered)
    }
}
