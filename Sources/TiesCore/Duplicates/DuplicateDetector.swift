/// One reason to think that two records describe the same person.
public struct DuplicateEvidence: Sendable, Equatable, CustomStringConvertible {
    /// What kind of reason it is. The order of the cases is the order evidence is listed in.
    public enum Kind: String, Sendable, Equatable, CaseIterable, Comparable {
        /// Both have this email address (``MatchKey/email(_:)``).
        case sameEmail = "same-email"
        /// Both have this phone number (``MatchKey/phone(_:)``).
        case samePhone = "same-phone"
        /// Their names are the same once reduced (``PersonName``); the weight depends on the organisations.
        case sameName = "same-name"
        /// Their names agree but differ (``NameAgreement``) and they work at the same organisation.
        case similarName = "similar-name"
        /// Their names do not agree at all: the other evidence counts for less (a shared family inbox, an
        /// office switchboard). Its weight is a factor, not a probability.
        case differentNames = "different-names"
        /// Both have a profile on one service (``ProfileService``: LinkedIn, Google) and none in common
        /// (``ProfileURL/identityKey(_:)``): a profile identifies a person, so two profiles there are likely
        /// two people. Other web addresses (a personal or company site) say nothing either way. A factor,
        /// like ``differentNames``.
        case differentProfiles = "different-profiles"

        /// Whether the evidence multiplies the score instead of adding to it.
        var isFactor: Bool { self == .differentNames || self == .differentProfiles }

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// What kind of reason it is.
    public var kind: Kind
    /// The shared value or the names compared, as folded for comparison.
    public var detail: String
    /// How much it counts: a probability-like weight in 0...1 (for ``Kind/differentNames``, the factor the
    /// score is multiplied by).
    public var weight: Double

    public init(kind: Kind, detail: String, weight: Double) {
        self.kind = kind
        self.detail = detail
        self.weight = weight
    }

    /// `kind: detail`, e.g. `same-email: dana@hale.example`.
    public var description: String { "\(kind.rawValue): \(detail)" }
}

/// Two people who are probably the same person, with how sure the detector is and why.
public struct DuplicateCandidate: Sendable, Equatable {
    /// The smaller of the two ids.
    public var first: Person.ID
    /// The larger of the two ids.
    public var second: Person.ID
    /// How likely they are the same person, 0...1; see ``DuplicateRules``.
    public var score: Double
    /// The reasons, ordered by kind, then detail.
    public var evidence: [DuplicateEvidence]

    /// Same name, different profiles: two people who must be told apart by the user.
    public var isHomonym: Bool {
        evidence.contains { $0.kind == .sameName } && evidence.contains { $0.kind == .differentProfiles }
    }

    public init(first: Person.ID, second: Person.ID, score: Double, evidence: [DuplicateEvidence]) {
        self.first = first
        self.second = second
        self.score = score
        self.evidence = evidence
    }
}

/// The weights and limits of duplicate detection. Every value is documented with its default.
///
/// A pair's score combines its evidence as independent signals: `1 - Π(1 - wᵢ)` over the email, phone and
/// name evidence, multiplied by ``differentNamesFactor`` when the names do not agree at all. With the
/// defaults: one shared email alone is 0.95, one shared phone alone 0.80; the same reduced name at the same
/// organisation 0.90, with one organisation unknown 0.60, at different organisations 0.35 (below the
/// default minimum: two Dana Reyeses at two hospitals are usually two people); similar names at the same
/// organisation 0.70; a shared phone between two different names 0.80 × 0.6 = 0.48 (below the minimum).
public struct DuplicateRules: Sendable, Equatable {
    /// Weight of each shared email address. Default 0.95.
    public var sameEmail = 0.95
    /// Weight of each shared phone number. Default 0.80.
    public var samePhone = 0.80
    /// Weight of identical reduced names at the same organisation. Default 0.90.
    public var sameNameSameOrganisation = 0.90
    /// Weight of identical reduced names when one or both organisations are unknown. Default 0.60.
    public var sameNameUnknownOrganisation = 0.60
    /// Weight of identical reduced names at different organisations. Default 0.35.
    public var sameNameOtherOrganisation = 0.35
    /// The most that identical names that are a given name alone (no surname on either side) weigh when
    /// either person's organisation is known. Default 0.35 (below the default minimum): two Lauras at one
    /// firm, or a Laura at one and a Laura with none, are usually two people. Files whose owner kept first
    /// names only (real re-saves of LinkedIn's Connections, which list each member once) gave such pairs by
    /// the hundred at 0.90 and 0.60: 153 in 1,158 rows, 784 in 2,903 names cut to three letters. With both
    /// organisations unknown a given name alone weighs as a full name does (two address-book cards "Kofi":
    /// 0.60, for the user to say).
    public var sameGivenNameOnly = 0.35
    /// Weight of names that agree without being identical, at the same organisation. Default 0.70.
    /// Similar names at different or unknown organisations are not evidence.
    public var similarNameSameOrganisation = 0.70
    /// Factor applied when both names are present and do not agree at all. Default 0.6.
    public var differentNamesFactor = 0.6
    /// Jaro–Winkler similarity from which two given names, or two surnames, are spelling variants.
    /// Default 0.9.
    public var nameSimilarityThreshold = 0.9
    /// Factor applied when both have profile URLs and share none. Default 0.5.
    public var differentProfilesFactor = 0.5
    /// List pairs with the same name and different profile URLs whatever their score, so that the user
    /// says whether they are one person (`person merge`) or two (`person distinct`). Default true.
    public var listHomonymsWithDifferentProfiles = true
    /// Pairs scoring below this are not reported by ``DuplicateDetector/search(_:rules:)``. Default 0.5.
    public var minimumScore = 0.5
    /// A block (people sharing one key) larger than this is not compared within, and is reported instead:
    /// a value shared by that many people (an office switchboard, `info@`) does not identify anyone, and
    /// comparing within it would cost its size squared. Default 100.
    public var maximumBlockSize = 100

    /// The default rules.
    public init() {}
}

/// The result of a duplicate search: the candidates, and the blocks that were too large to compare within.
public struct DuplicateSearch: Sendable, Equatable {
    /// A group of people sharing one blocking key that was not compared within.
    public struct SkippedBlock: Sendable, Equatable {
        /// Which key: `email`, `phone`, `name`, `organisation+given`, `organisation+surname` or
        /// `organisation+initials`.
        public var kind: String
        /// The shared key (folded).
        public var key: String
        /// How many people share it.
        public var size: Int

        public init(kind: String, key: String, size: Int) {
            self.kind = kind
            self.key = key
            self.size = size
        }
    }

    /// Candidate pairs scoring at least the minimum, by score (highest first), then the two ids.
    public var candidates: [DuplicateCandidate]
    /// The blocks larger than ``DuplicateRules/maximumBlockSize``, by kind, then key.
    public var skippedBlocks: [SkippedBlock]

    public init(candidates: [DuplicateCandidate], skippedBlocks: [SkippedBlock]) {
        self.candidates = candidates
        self.skippedBlocks = skippedBlocks
    }
}

/// Finds people who are probably the same person: by email, by phone, by name at the same organisation.
///
/// Detection reads only the ``Person`` values it is given (callers leave out archived people unless they
/// want them); people without an id are ignored. It never compares every pair: each person is filed under
/// *blocking keys* — each email, each phone, the reduced name, and, with the organisation, the given name,
/// each surname word, and the given name's initial with the surname's first three letters — and only
/// people who share a key are compared. Every comparison is ``assess(_:_:rules:)``, so the score of a pair
/// does not depend on which key brought it up.
///
/// What blocking can miss: a pair whose only evidence is a similar name at the same organisation, with
/// both the given name spelled differently (not an initial) and no surname word in common and a different
/// initial or surname start (`Katherine Smyth` and `Catherine Smith`). Such a pair is still found when an
/// email or phone brings it together.
///
/// ```swift
/// let search = DuplicateDetector.search(people)
/// for pair in search.candidates { print(pair.first, pair.second, pair.score, pair.evidence) }
/// ```
public enum DuplicateDetector {
    /// The candidate pairs among `people`, scoring at least `rules.minimumScore`.
    ///
    /// - Complexity: O(*n k* + *p*) for *n* people with *k* keys each and *p* pairs sharing a key (at most
    ///   ``DuplicateRules/maximumBlockSize`` − 1 per person and key), plus sorting the candidates.
    ///
    /// Pairs in `knownDistinct` (recorded with `ties person distinct`) are never proposed.
    public static func search(
        _ people: [Person], rules: DuplicateRules = DuplicateRules(), knownDistinct: Set<PersonPair> = []
    ) -> DuplicateSearch {
        // Organisation names repeat: fold each once.
        var organisations: [String: String] = [:]
        let profiles = people.compactMap(Stored.init).map { person in
            // "Self-employed" or "Freelance" is no one's employer: two namesakes there share no organisation.
            let organisation = person.employer.flatMap { name in
                if let key = organisations[name] { return key.isEmpty ? nil : key }
                let key = MatchKey.organisation(name)
                organisations[name] = key ?? ""
                return key
            }
            return MatchProfile(person, organisation: organisation)
        }
        var blocks: [BlockKey: [Int32]] = [:]
        for (index, profile) in profiles.enumerated() {
            for key in profile.blockKeys() { blocks[key, default: []].append(Int32(index)) }
        }
        var pairs = Set<UInt64>()
        var skipped: [DuplicateSearch.SkippedBlock] = []
        for (key, members) in blocks where members.count > 1 {
            guard members.count <= rules.maximumBlockSize else {
                skipped.append(
                    DuplicateSearch.SkippedBlock(kind: key.kind.rawValue, key: key.value, size: members.count))
                continue
            }
            for x in 0..<members.count {
                for y in (x + 1)..<members.count {
                    let (i, j) = (min(members[x], members[y]), max(members[x], members[y]))
                    if i != j { pairs.insert(UInt64(UInt32(i)) << 32 | UInt64(UInt32(j))) }
                }
            }
        }
        var candidates: [DuplicateCandidate] = []
        for pair in pairs {
            let a = profiles[Int(pair >> 32)]
            let b = profiles[Int(pair & 0xFFFF_FFFF)]
            guard a.id != b.id, !knownDistinct.contains(PersonPair(a.id, b.id)),
                let candidate = assess(a, b, rules: rules),
                candidate.score >= rules.minimumScore || rules.listHomonymsWithDifferentProfiles && candidate.isHomonym
            else {
                continue
            }
            candidates.append(candidate)
        }
        candidates.sort { x, y in
            if x.score != y.score { return x.score > y.score }
            return x.first != y.first ? x.first < y.first : x.second < y.second
        }
        skipped.sort { ($0.kind, $0.key) < ($1.kind, $1.key) }
        return DuplicateSearch(candidates: candidates, skippedBlocks: skipped)
    }

    /// How likely `a` and `b` are the same person, whatever the minimum score; nil when nothing suggests it
    /// (no shared email or phone, and no name evidence).
    ///
    /// ```swift
    /// let pair = DuplicateDetector.assess(
    ///     Person(id: 1, name: "Dana Reyes", organisation: "Hale"),
    ///     Person(id: 2, name: "Dana M. Reyes", organisation: "HALE"))
    /// // pair?.score == 0.9, evidence: same-name: dana reyes at hale
    /// ```
    /// Nil when either person has no id (only stored people are compared).
    public static func assess(_ a: Person, _ b: Person, rules: DuplicateRules = DuplicateRules()) -> DuplicateCandidate?
    {
        guard let a = Stored(a), let b = Stored(b) else { return nil }
        return assess(MatchProfile(a), MatchProfile(b), rules: rules)
    }

    static func assess(_ x: MatchProfile, _ y: MatchProfile, rules: DuplicateRules) -> DuplicateCandidate? {
        let (a, b) = x.id <= y.id ? (x, y) : (y, x)
        var evidence: [DuplicateEvidence] = []
        for email in sortedIntersection(a.emails, b.emails) {
            evidence.append(DuplicateEvidence(kind: .sameEmail, detail: email, weight: rules.sameEmail))
        }
        for phone in sortedIntersection(a.phones, b.phones) {
            evidence.append(DuplicateEvidence(kind: .samePhone, detail: phone, weight: rules.samePhone))
        }
        let sameOrganisation = a.organisation != nil && a.organisation == b.organisation
        if let agreement = NameAgreement.compare(a.name, b.name, threshold: rules.nameSimilarityThreshold) {
            if agreement.isExact {
                var weight: Double
                var place: String
                switch (a.organisation, b.organisation) {
                case let (p?, q?) where p == q:
                    (weight, place) = (rules.sameNameSameOrganisation, " at \(p)")
                case let (p?, q?):
                    (weight, place) = (rules.sameNameOtherOrganisation, " at \(p) and at \(q)")
                default:
                    (weight, place) = (rules.sameNameUnknownOrganisation, ", organisation unknown for one")
                }
                if a.name.surname.isEmpty, b.name.surname.isEmpty, a.organisation != nil || b.organisation != nil,
                    weight > rules.sameGivenNameOnly
                {
                    (weight, place) = (rules.sameGivenNameOnly, place + " (a given name alone)")
                }
                evidence.append(DuplicateEvidence(kind: .sameName, detail: a.name.key + place, weight: weight))
            } else if sameOrganisation {
                var how: [String] = []
                switch agreement.given {
                case .initial: how.append("initial")
                case .shortened: how.append("shortened given name")
                case .spelling: how.append("given-name spelling")
                default: break
                }
                switch agreement.surname {
                case .contained: how.append("surname words contained")
                case .spelling: how.append("surname spelling")
                default: break
                }
                evidence.append(
                    DuplicateEvidence(
                        kind: .similarName,
                        detail:
                            "\(a.name.key) and \(b.name.key) at \(a.organisation!) (\(how.joined(separator: "; ")))",
                        weight: rules.similarNameSameOrganisation))
            }
        } else if !a.name.isEmpty && !b.name.isEmpty && !evidence.isEmpty {
            evidence.append(
                DuplicateEvidence(
                    kind: .differentNames, detail: "\(a.name.key) and \(b.name.key)", weight: rules.differentNamesFactor
                ))
        }
        guard evidence.contains(where: { !$0.kind.isFactor }) else { return nil }
        let differentProfiles =
            Set(a.profiles).isDisjoint(with: b.profiles)
            && !Set(a.profiles.compactMap(ProfileService.init(key:))).isDisjoint(
                with: b.profiles.compactMap(ProfileService.init(key:)))
        if differentProfiles {
            evidence.append(
                DuplicateEvidence(
                    kind: .differentProfiles,
                    detail: "\(a.profiles.joined(separator: ", ")) and \(b.profiles.joined(separator: ", "))",
                    weight: rules.differentProfilesFactor))
        }
        var missing = 1.0
        var factor = 1.0
        for item in evidence {
            if item.kind.isFactor { factor *= item.weight } else { missing *= 1 - item.weight }
        }
        return DuplicateCandidate(first: a.id, second: b.id, score: (1 - missing) * factor, evidence: evidence)
    }

    /// The values in both sorted, duplicate-free arrays, in order.
    static func sortedIntersection(_ x: [String], _ y: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                result.append(x[i])
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}

/// A blocking key: people filed under the same key are compared.
struct BlockKey: Hashable {
    enum Kind: String {
        case email, phone, name
        case organisationGiven = "organisation+given"
        case organisationSurname = "organisation+surname"
        case organisationInitials = "organisation+initials"
    }
    var kind: Kind
    var value: String
}

/// What detection reads from one person, computed once.
struct MatchProfile {
    var id: Person.ID
    /// Sorted, without repeats.
    var emails: [String]
    /// Sorted, without repeats.
    var phones: [String]
    /// Profiles: the web addresses on a ``ProfileService``, as ``ProfileURL/identityKey(_:)``, sorted, without
    /// repeats.
    var profiles: [String]
    var name: PersonName
    var organisation: String?

    /// The profile of `person`, whose organisation is folded here unless `organisation` gives its key.
    init(_ person: Stored<Person>, organisation: String?? = nil) {
        id = person.id
        emails = Set(person.contactPoints.filter { $0.kind == .email }.compactMap { MatchKey.email($0.value) }).sorted()
        phones = Set(person.contactPoints.filter { $0.kind == .phone }.compactMap { MatchKey.phone($0.value) }).sorted()
        profiles = Set(
            person.contactPoints.filter { $0.kind == .url || $0.kind == .linkedin }.map {
                ProfileURL.identityKey($0.value)
            }.filter { ProfileService(key: $0) != nil }
        ).sorted()
        // A homonym's name as the store made it, `Ada Quill (Copperleaf Labs)` or `Ada Quill (ada@q.example)`, is
        // compared as `Ada Quill`: two people of one name are what the user must tell apart.
        let suffixes = HomonymName.suffixes(
            of: person.name, organisation: person.organisation,
            urls: person.contactPoints.filter { $0.kind == .url || $0.kind == .linkedin }.map(\.value),
            emails: person.contactPoints.filter { $0.kind == .email }.map(\.value))
        name = PersonName(HomonymName.base(person.name, suffixes: suffixes) ?? person.name)
        self.organisation = organisation ?? MatchKey.organisation(person.employer)
    }

    /// The keys this person is filed under.
    func blockKeys() -> [BlockKey] {
        var keys = emails.map { BlockKey(kind: .email, value: $0) } + phones.map { BlockKey(kind: .phone, value: $0) }
        guard !name.isEmpty else { return keys }
        keys.append(BlockKey(kind: .name, value: name.key))
        guard let organisation else { return keys }
        keys.append(BlockKey(kind: .organisationGiven, value: organisation + "|" + name.given))
        for word in Set(name.surname).sorted() {
            keys.append(BlockKey(kind: .organisationSurname, value: organisation + "|" + word))
        }
        if let first = name.surname.first {
            keys.append(
                BlockKey(
                    kind: .organisationInitials,
                    value: organisation + "|" + String(name.given.prefix(1)) + "|" + String(first.prefix(3))))
        }
        return keys
    }
}
