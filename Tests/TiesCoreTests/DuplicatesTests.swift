import Foundation
import Testing
import TiesNumerics
import TiesTestSupport

@testable import TiesCore

/// Duplicate detection: comparison keys, name reduction, Jaro–Winkler, scoring and blocking.
@Suite("Duplicates: keys, names, scores and blocking")
struct DuplicatesTests {
    // MARK: - Keys

    @Test(
        "folding removes case, accents, apostrophes and punctuation",
        arguments: [
            ("  Dana   REYES ", "dana reyes"),
            ("Zoë O'Brien-Ärlig", "zoe obrien arlig"),
            ("Łukasz Strauß", "lukasz strauss"),
            ("Søren Ærø", "soren aero"),
            ("Hale & Partners, Inc.", "hale partners inc"),
            ("D’Angelo", "dangelo"),
            ("!!!", ""),
        ])
    func fold(input: String, expected: String) {
        #expect(MatchKey.fold(input) == expected)
    }

    @Test("ASCII text folds byte by byte as it does scalar by scalar")
    func foldASCII() {
        // Every ASCII byte, alone and between letters and digits; then random ASCII titles.
        for byte in UInt8(0)..<0x80 {
            let c = String(decoding: [byte], as: UTF8.self)
            for text in [c, "a\(c)b", " 9\(c)\(c)Z ", "\(c)x\(c)"] {
                #expect(MatchKey.fold(text) == MatchKey.foldScalars(text), "\(Array(text.utf8))")
            }
        }
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(random.next() % 40)).map { _ in UInt8(random.next() % 0x80) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(MatchKey.fold(text) == MatchKey.foldScalars(text), "\(bytes)")
        }
    }

    @Test("emails compare trimmed and in any case; text without one @ is not an email")
    func emails() {
        #expect(MatchKey.email(" Dana@Hale.Example ") == "dana@hale.example")
        #expect(MatchKey.email("dana.reyes+work@hale.example") == "dana.reyes+work@hale.example")
        #expect(MatchKey.email("dana") == nil)
        #expect(MatchKey.email("@hale.example") == nil)
        #expect(MatchKey.email("a@b@c") == nil)
    }

    @Test(
        "phones compare as digits; the North American country code is dropped",
        arguments: [
            ("+1 (312) 555-0100", "3125550100"),
            ("1-312-555-0100", "3125550100"),
            ("312.555.0100", "3125550100"),
            ("(312) 555 0100", "3125550100"),
            ("+44 20 7946 0000", "442079460000"),
            ("020 7946 0000", "02079460000"),
        ])
    func phones(input: String, expected: String) {
        #expect(MatchKey.phone(input) == expected)
    }

    @Test("phone numbers shorter than 7 digits are not keys")
    func shortPhones() {
        #expect(MatchKey.phone("123") == nil)
        #expect(MatchKey.phone("555 01") == nil)
        #expect(MatchKey.phone("555 0100") == "5550100")
    }

    // MARK: - Names

    @Test(
        "names are reduced: honorifics, suffixes, middle initials and comma order",
        arguments: [
            ("Dana Reyes", "dana reyes"),
            ("Dana M. Reyes", "dana reyes"),
            ("dana  reyes", "dana reyes"),
            ("Dr. Dána M. Reyes-García, MD", "dana reyes garcia"),
            ("Reyes, Dana", "dana reyes"),
            ("Reyes, Dana, Jr.", "dana reyes"),
            ("Dana Reyes Jr", "dana reyes"),
            ("Dana Maria Reyes", "dana maria reyes"),
            ("Dana Do", "dana do"),
            ("Dr Reyes", "dr reyes"),
            ("D. Reyes", "d reyes"),
            ("Madonna", "madonna"),
            // Credentials after a comma are not a given name (real exports: `…, CFA`, `…, PMP®`, `…, Ph.D.`).
            ("Todd Vallie, PMP", "todd vallie"), ("Dana Reyes, CFA, ACCA", "dana reyes"),
            ("Dana Reyes, Ph.D.", "dana reyes"), ("van Dyke, Anna", "anna van dyke"),
        ])
    func reduce(input: String, expected: String) {
        #expect(PersonName(input).key == expected)
    }

    /// Pairs and how they agree (nil: they do not).
    @Test(
        "names agree part by part, or not at all",
        arguments: [
            ("Dana Reyes", "Dana M. Reyes", "equal/equal"),
            ("Dana Reyes", "D. Reyes", "initial/equal"),
            ("Sam Okafor", "Samuel Okafor", "shortened/equal"),
            ("Jon Smith", "John Smith", "spelling/equal"),
            ("Dana Reyes", "dana reyes-garcia", "equal/contained"),
            ("Dana Reyes", "Dana Maria Reyes", "equal/contained"),
            ("Dana Reyes", "Dana Reyez", "equal/spelling"),
            ("Dana Reyes", "Dana Reyna", "none"),
            ("Dana Reyes", "Lana Reyes", "none"),
            ("D. Reyes", "E. Reyes", "none"),
            ("Madonna", "Madonna Ciccone", "none"),
            ("!!!", "!!!", "none"),
        ])
    func agreement(a: String, b: String, expected: String) {
        let result = NameAgreement.compare(PersonName(a), PersonName(b))
        #expect(result.map { "\($0.given.rawValue)/\($0.surname.rawValue)" } ?? "none" == expected)
        let reversed = NameAgreement.compare(PersonName(b), PersonName(a))
        #expect(result == reversed, "agreement must not depend on the order")
    }

    /// Known answers from Winkler (1990) as quoted by Wikipedia's "Jaro–Winkler distance" article and
    /// computed by Apache Commons Text's `JaroWinklerSimilarity`.
    @Test(
        "Jaro–Winkler known answers",
        arguments: [
            ("martha", "marhta", 0.9611),
            ("dwayne", "duane", 0.8400),
            ("dixon", "dicksonx", 0.8133),
            ("dana", "dana", 1.0),
            ("abc", "xyz", 0.0),
            ("", "", 1.0),
            ("abc", "", 0.0),
        ])
    func jaroWinkler(a: String, b: String, expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 1e-4)
        #expect(JaroWinkler.similarity(a, b) == JaroWinkler.similarity(b, a))
    }

    // MARK: - Detection

    /// A small network with one answer for every rule, and near misses.
    static let people: [Person] = [
        Person(
            id: 1, name: "Dana Reyes", organisation: "Hale & Partners",
            contactPoints: [ContactPoint(kind: .email, value: "dana@hale.example")]),
        Person(
            id: 2, name: "Dana M. Reyes", organisation: "HALE & PARTNERS",
            contactPoints: [ContactPoint(kind: .email, value: " DANA@Hale.example ")]),
        Person(
            id: 3, name: "Sam Okafor", organisation: "Mercy Health",
            contactPoints: [ContactPoint(kind: .phone, value: "+1 (312) 555-0100")]),
        Person(id: 4, name: "Samuel Okafor", contactPoints: [ContactPoint(kind: .phone, value: "312.555.0100")]),
        Person(id: 5, name: "Dana Reyna", organisation: "Hale & Partners"),
        Person(id: 6, name: "Lana Reyes", organisation: "Hale & Partners"),
        Person(
            id: 7, name: "Pat Lee", organisation: "Mercy Health",
            contactPoints: [ContactPoint(kind: .phone, value: "312 555 0100")]),
        Person(id: 8, name: "Dana Reyes-Garcia", organisation: "Hale & Partners"),
        Person(id: 9, name: "D. Reyes", organisation: "Hale & Partners"),
        Person(id: 10, name: "José Díaz"),
        Person(id: 11, name: "Jose Diaz", organisation: "Mercy Health"),
        Person(id: 12, name: "Ann Kim", organisation: "Mercy Health"),
        Person(id: 13, name: "Ann Kim", organisation: "Hale & Partners"),
    ]

    @Test("known answers: same email in another case, phone formats, name variants, and near misses left out")
    func knownAnswers() {
        let search = DuplicateDetector.search(Self.people)
        let pairs = search.candidates.map { "\($0.first)-\($0.second) \(Table.format($0.score, digits: 3))" }
        #expect(
            pairs == [
                "1-2 0.995",  // same email (case, spaces) and the same name at the same organisation
                "3-4 0.800",  // one phone in three formats; Sam/Samuel, but no shared organisation
                "1-8 0.700", "1-9 0.700", "2-8 0.700", "2-9 0.700", "8-9 0.700",  // similar names at Hale
                "10-11 0.600",  // same name once accents are folded; one organisation unknown
            ])
        // Left out: Dana Reyna and Lana Reyes (near misses), Pat Lee (a shared switchboard number with a
        // different name: 0.48), Ann Kim at two organisations (0.35).
        #expect(
            search.candidates[0].evidence.map(\.description) == [
                "same-email: dana@hale.example", "same-name: dana reyes at hale partners",
            ])
        #expect(
            search.candidates[2].evidence.map(\.description) == [
                "similar-name: dana reyes and dana reyes garcia at hale partners (surname words contained)"
            ])
        #expect(
            search.candidates[3].evidence.map(\.description) == [
                "similar-name: dana reyes and d reyes at hale partners (initial)"
            ])
        #expect(search.skippedBlocks.isEmpty)
    }

    @Test("a lower minimum shows the weaker evidence, with its reason")
    func lowerMinimum() {
        var rules = DuplicateRules()
        rules.minimumScore = 0.3
        let search = DuplicateDetector.search(Self.people, rules: rules)
        let weak = search.candidates.filter { $0.score < 0.5 }
        #expect(weak.map { "\($0.first)-\($0.second)" } == ["3-7", "4-7", "12-13"])
        #expect(abs(weak[0].score - 0.48) < 1e-12)
        #expect(
            weak[0].evidence.map(\.description) == [
                "same-phone: 3125550100", "different-names: sam okafor and pat lee",
            ])
        #expect(weak[2].evidence.map(\.description) == ["same-name: ann kim at mercy health and at hale partners"])
        #expect(abs(weak[2].score - 0.35) < 1e-12)
    }

    @Test("near misses have no evidence at all")
    func nearMisses() {
        let dana = Self.people[0]
        #expect(DuplicateDetector.assess(dana, Self.people[4]) == nil)  // Dana Reyna
        #expect(DuplicateDetector.assess(dana, Self.people[5]) == nil)  // Lana Reyes
        #expect(DuplicateDetector.assess(Self.people[11], Self.people[12])?.score == 0.35)
    }

    @Test("a given name alone is weak evidence when an organisation is known; with none, as a full name")
    func givenNameAlone() {
        // A re-saved Connections file that kept first names only lists each member once.
        let laura = Person(id: 21, name: "Laura", organisation: "Bysidecar")
        let other = Person(id: 22, name: "Laura", organisation: "BYSIDECAR")
        let pair = DuplicateDetector.assess(laura, other)
        #expect(pair?.score == 0.35, "\(String(describing: pair))")
        #expect(pair?.evidence.map(\.description) == ["same-name: laura at bysidecar (a given name alone)"])
        #expect(DuplicateDetector.assess(laura, Person(id: 24, name: "Laura"))?.score == 0.35)
        #expect(DuplicateDetector.assess(Person(id: 27, name: "Laura"), Person(id: 28, name: "Laura"))?.score == 0.6)
        #expect(DuplicateDetector.search([laura, other]).candidates.isEmpty)
        #expect(DuplicateDetector.assess(laura, Person(id: 23, name: "Laura", organisation: "Indra"))?.score == 0.35)
        // With a shared email they are still found.
        let mail = [ContactPoint(kind: .email, value: "laura@bysidecar.example")]
        let withMail = DuplicateDetector.assess(
            Person(id: 25, name: "Laura", contactPoints: mail), Person(id: 26, name: "Laura", contactPoints: mail))
        #expect((withMail?.score ?? 0) >= 0.95)
    }

    @Test("the result does not depend on the order of the input")
    func orderIndependent() {
        let expected = DuplicateDetector.search(Self.people)
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            let shuffled = Self.people.shuffled(using: &rng)
            #expect(DuplicateDetector.search(shuffled) == expected)
        }
    }

    @Test("a value shared by more people than the block limit is reported, not compared within")
    func oversizedBlock() {
        var people: [Person] = []
        for i in 1...12 {
            people.append(
                Person(
                    id: Int64(i), name: "Person \(i)x",
                    contactPoints: [ContactPoint(kind: .phone, value: "+1 312 555 0199")]))
        }
        var rules = DuplicateRules()
        rules.maximumBlockSize = 10
        rules.minimumScore = 0
        let search = DuplicateDetector.search(people, rules: rules)
        #expect(search.candidates.isEmpty)
        #expect(search.skippedBlocks == [DuplicateSearch.SkippedBlock(kind: "phone", key: "3125550199", size: 12)])
        rules.maximumBlockSize = 12
        #expect(DuplicateDetector.search(people, rules: rules).candidates.count == 66)
    }

    // MARK: - Blocking at scale

    /// A seeded synthetic network: made-up names from syllables, 40 organisations, an email each and a phone
    /// for half, and every 25th person recorded a second time (the next id) with one of six variations that
    /// the rules must catch.
    static func synthetic(count: Int, seed: UInt64) -> (people: [Person], injected: [(Person.ID, Person.ID)]) {
        let rng = SeededGenerator(seed: seed)
        let syllables = [
            "ka", "lo", "mi", "ren", "sa", "to", "vi", "dan", "el", "ro", "na", "jo", "pe", "ri", "mar", "tin",
            "ba", "cor", "de", "fi", "gu", "ha", "is", "ul",
        ]
        func word(_ parts: Int) -> String {
            let text = (0..<parts).map { _ in rng.element(of: syllables) }.joined()
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        let organisations = (0..<40).map { "Org \(word(2)) \($0)" }
        var people: [Person] = []
        var injected: [(Person.ID, Person.ID)] = []
        while people.count < count {
            let id = Int64(people.count + 1)
            let given = word(2)
            let surname = word(3)
            var person = Person(
                id: id, name: given + " " + surname,
                organisation: rng.bernoulli(0.9) ? rng.element(of: organisations) : nil)
            let email = "\(given).\(surname).\(id)@mail.example".lowercased()
            person.contactPoints = [ContactPoint(kind: .email, value: email)]
            let phone = "+1 \(200 + id % 700) 555 \(1000 + id % 9000)"
            if rng.bernoulli(0.5) { person.contactPoints.append(ContactPoint(kind: .phone, value: phone)) }
            guard id % 25 == 0, people.count + 2 <= count else {
                people.append(person)
                continue
            }
            var copy = Person(id: id + 1, name: person.name, organisation: person.organisation)
            switch rng.index(below: 6) {
            case 0:  // the same email in capitals, a middle initial
                copy.contactPoints = [ContactPoint(kind: .email, value: " " + email.uppercased())]
                copy.name = given + " R. " + surname
            case 1:  // the same phone written another way, no organisation
                copy.contactPoints = [ContactPoint(kind: .phone, value: "(\(200 + id % 700)) 555-\(1000 + id % 9000)")]
                person.contactPoints = [ContactPoint(kind: .phone, value: phone)]
                copy.organisation = nil
            case 2:  // a middle initial, nothing else in common
                copy.name = given + " Q. " + surname
            case 3:  // an initial for the given name, at the same organisation
                copy.name = given.prefix(1) + ". " + surname
            case 4:  // a second surname
                copy.name = given + " " + surname + "-" + word(2)
            default:  // a typo at the end of the surname
                copy.name = given + " " + surname.dropLast() + "x"
            }
            if copy.name != person.name && person.organisation == nil {
                person.organisation = organisations[0]
                copy.organisation = organisations[0]
            }
            people.append(person)
            people.append(copy)
            injected.append((id, id + 1))
        }
        return (people, injected)
    }

    @Test("blocking finds exactly what comparing every pair finds (800 people)", arguments: [1, 2] as [UInt64])
    func blockingIsComplete(seed: UInt64) {
        let people = Self.synthetic(count: 800, seed: seed).people
        let blocked = DuplicateDetector.search(people).candidates
        // Every pair, through the same comparison (profiles computed once: this is the O(n²) reference).
        let profiles = people.compactMap(Stored.init).map { MatchProfile($0) }
        let rules = DuplicateRules()
        var everyPair: [DuplicateCandidate] = []
        for i in profiles.indices {
            for j in (i + 1)..<profiles.count {
                if let c = DuplicateDetector.assess(profiles[i], profiles[j], rules: rules),
                    c.score >= rules.minimumScore
                {
                    everyPair.append(c)
                }
            }
        }
        everyPair.sort { x, y in
            x.score != y.score ? x.score > y.score : (x.first != y.first ? x.first < y.first : x.second < y.second)
        }
        #expect(!blocked.isEmpty)
        #expect(blocked == everyPair)
    }

    @Test("20,000 people: every injected duplicate is found, through blocking")
    func twentyThousand() {
        let (people, injected) = Self.synthetic(count: 20_000, seed: 42)
        #expect(people.count == 20_000)
        #expect(injected.count > 500)
        let search = DuplicateDetector.search(people)
        let found = Set(search.candidates.map { "\($0.first)-\($0.second)" })
        let missing = injected.filter { !found.contains("\($0.0)-\($0.1)") }
        #expect(missing.isEmpty, "missed \(missing.count) injected pairs, e.g. \(missing.prefix(3))")
        #expect(search.skippedBlocks.isEmpty)
    }
}

/// Homonyms: one name, two profiles.
@Suite("Duplicates: people with one name and different profile URLs")
struct HomonymTests {
    static func person(_ id: Int64, _ name: String, _ url: String?) -> Person {
        Person(id: id, name: name, contactPoints: url.map { [ContactPoint(kind: .linkedin, value: $0)] } ?? [])
    }

    @Test("a LinkedIn connection and the namesake `ties import mail` named by their address are proposed as one")
    func mailHomonym() throws {
        // `ties import mail --create-people` names a second "Dana Reyes" by the address she wrote from.
        let people = [
            Self.person(1, "Dana Reyes", "https://www.linkedin.com/in/dana-reyes-1"),
            Person(
                id: 2, name: "Dana Reyes (dana@kornlane.example)",
                contactPoints: [ContactPoint(kind: .email, value: "dana@kornlane.example")]),
        ]
        let pair = try #require(DuplicateDetector.search(people).candidates.first)
        #expect(pair.first == 1 && pair.second == 2)
        #expect(pair.evidence.map(\.description) == ["same-name: dana reyes, organisation unknown for one"])
    }

    @Test(
        "profiles compare without scheme, www, case, trailing slash or percent-encoding; Google's three forms are one")
    func profileURLs() {
        #expect(
            ProfileURL.identityKey("https://www.linkedin.com/in/zoë-reyes/")
                == ProfileURL.identityKey("http://linkedin.com/in/zo%C3%AB-reyes"))
        #expect(ProfileURL.identityKey("https://www.linkedin.com/in/Dana-Reyes?trk=x") == "linkedin.com/in/dana-reyes")
        let google = [
            "http://www.google.com/profiles/1049", "https://plus.google.com/1049", "profiles.google.com/1049",
        ]
        #expect(Set(google.map(ProfileURL.identityKey)) == ["google.com/profiles/1049"])
        #expect(google.map { ProfileURL.identity(ofKey: ProfileURL.key($0)) } == google.map(ProfileURL.identityKey))
        #expect(ProfileService(key: ProfileURL.identityKey(google[1])) == .google)
        #expect(ProfileService(key: ProfileURL.identityKey("https://dana.example/about")) == nil)
    }

    @Test("a personal web page, or profiles on two services, are not different profiles; Google's forms are one")
    func profilesPerService() throws {
        func person(_ id: Int64, _ urls: [String]) -> Person {
            Person(
                id: id, name: "Dana Reyes", organisation: "Hale",
                contactPoints: urls.map { ContactPoint(kind: $0.contains("linkedin") ? .linkedin : .url, value: $0) })
        }
        func evidence(_ a: [String], _ b: [String]) throws -> [DuplicateEvidence.Kind] {
            try #require(DuplicateDetector.assess(person(1, a), person(2, b))).evidence.map(\.kind)
        }
        let linkedin = "https://www.linkedin.com/in/dana-reyes"
        #expect(try evidence([linkedin], ["https://dana.example"]) == [.sameName])
        #expect(try evidence([linkedin], ["https://plus.google.com/1049"]) == [.sameName])
        #expect(try evidence(["https://plus.google.com/1049"], ["http://www.google.com/profiles/1049"]) == [.sameName])
        #expect(
            try evidence([linkedin], ["https://www.linkedin.com/in/dana-reyes-2"]) == [.sameName, .differentProfiles])
    }

    @Test("same name, different profiles: listed with the evidence whatever the score; known-distinct pairs are not")
    func homonyms() throws {
        let people = [
            Self.person(1, "Dana Reyes", "https://www.linkedin.com/in/dana-reyes-0a1b2c"),
            Self.person(2, "Dana M. Reyes", "https://www.linkedin.com/in/danareyes"),
            Self.person(3, "Sam Okafor", "https://www.linkedin.com/in/samokafor"),
            Self.person(4, "Sam Okafor Jr.", "https://www.linkedin.com/in/samokafor/"),
        ]
        let search = DuplicateDetector.search(people)
        let dana = try #require(search.candidates.first { $0.first == 1 })
        #expect(dana.second == 2 && dana.isHomonym && dana.score < DuplicateRules().minimumScore)
        #expect(dana.evidence.map(\.kind) == [.sameName, .differentProfiles])
        // Sam's two records share a profile: no different-profiles evidence, not a homonym.
        let sam = try #require(search.candidates.first { $0.first == 3 })
        #expect(!sam.isHomonym && !sam.evidence.contains { $0.kind == .differentProfiles })
        let known = DuplicateDetector.search(people, knownDistinct: [PersonPair(2, 1)])
        #expect(!known.candidates.contains { $0.first == 1 })
        var strict = DuplicateRules()
        strict.listHomonymsWithDifferentProfiles = false
        #expect(!DuplicateDetector.search(people, rules: strict).candidates.contains { $0.first == 1 })
    }
}
