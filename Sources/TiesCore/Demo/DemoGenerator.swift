import Foundation
import TiesNumerics

/// Generates a realistic, deterministic demo network: the career network of an early-career healthcare
/// executive, with years of bursty interactions.
///
/// The user of the demo works at a health system (they joined it 1.5–2.5 years before ``DemoOptions/endDay``
/// when the history spans five years) after a fellowship and a first job elsewhere. Their network holds a
/// manager, a sponsor or two, mentors (a former boss, a leader at a professional college, a professor),
/// colleagues, former colleagues, peers from school and the college, friends, clients, and recruiters both at
/// retained executive search firms and in-house at health systems. Organisations, names and contact details
/// are invented (e-mail under `.example`, phones in the fictional 555-01xx range).
///
/// Each relationship has its own rhythm: a typical gap between contacts that depends on the role (the inner
/// circle every few days to weekly, recruiters every one to six months, distant contacts up to yearly),
/// bursty gaps around it (Gamma-distributed, shape 0.6), and episodes that come as bursts: an e-mail thread
/// over consecutive days, a meeting followed by an e-mail, a recruiter's call followed by a resume. Some relationships started
/// recently, some ended one to three years ago, former colleagues cool off after the job change, and some
/// recruiters have called or written in the last few weeks without an answer.
///
/// Alter–alter ties follow organisations: people are grouped into teams inside each organisation (and into
/// circles of friends), ties are dense inside a team and sparse across teams, recruiters at one firm know
/// each other, and a few ties cross organisations. Every step costs time linear in the number of people and
/// interactions, so `people: 100_000` (about five million interactions) takes seconds.
///
/// The output depends only on the options: all randomness comes from ``TiesNumerics/SeededGenerator``
/// (MT19937) streams seeded from ``DemoOptions/seed`` (one stream for the people, one for the ties and one
/// for the interactions, so tuning one part leaves the others as they were), and no decision depends on the
/// iteration order of a dictionary or set. Interactions fall in working hours, on weekdays except with
/// friends.
public enum DemoGenerator {
    /// Generates the network described by `options`.
    ///
    /// - Complexity: O(n + i) time and memory for n people and i interactions (about 50 per person over five
    ///   years).
    public static func generate(_ options: DemoOptions) -> DemoNetwork {
        var builder = DemoBuilder(options: options)
        return builder.build()
    }
}

// MARK: - Internal model

/// A group of organisations people are drawn into, by what they are to the user.
enum DemoPool: Int, CaseIterable {
    /// The user's employer: a health system (organisation 0) and its hospitals.
    case current
    /// Where the user worked before: the fellowship hospital first.
    case former
    case school
    /// Professional associations; the first is the invented college of healthcare executives.
    case association
    /// Retained executive search firms.
    case search
    /// Other health systems (even indices) and hospitals (odd indices).
    case market
    /// Physician groups, health plans, consultancies and vendors.
    case partners
    /// Friends: circles of people with no organisation.
    case friends
}

/// How often the user is in touch with someone, as a range of typical gaps in days.
enum DemoTier: Int {
    case inner, close, regular, distant, rare

    var gapRange: (low: Double, high: Double) {
        switch self {
        case .inner: return (3, 8)
        case .close: return (10, 25)
        case .regular: return (30, 75)
        case .distant: return (70, 180)
        case .rare: return (180, 365)
        }
    }

    /// One step closer (used for former colleagues before the user changed jobs).
    var closer: DemoTier { DemoTier(rawValue: max(0, rawValue - 1))! }
}

/// What the generator decides about a person before they get a name.
struct DemoProfile {
    var primary: Role
    var extraRole: Role? = nil
    var recruiterKind: RecruiterKind? = nil
    var pool: DemoPool
    /// A fixed organisation index within the pool (the core of the network), or nil to draw one.
    var orgSlot: Int? = nil
    var tier: DemoTier? = nil
    var ended: Bool? = nil
    /// An unanswered inbound call or e-mail in the last few weeks.
    var unansweredTail = false
    var recentStart = false
}

/// The rhythm of one relationship, fixed before its interactions are drawn.
struct DemoPlan {
    var role: Role
    /// The first day contact is possible.
    var start: Day
    /// The last day the regular stream may use.
    var limit: Day
    /// The relationship ended (went cold) on ``limit``: a last contact is placed there.
    var ended: Bool
    /// Before this day the typical gap is ``gapBefore`` (former colleagues, before the job change).
    var switchDay: Day
    var gapBefore: Double
    var gap: Double
    /// The day of an unanswered inbound contact after the regular stream, if any.
    var tailDay: Day?
    var recentStart: Bool
    /// Whether contact can fall on a weekend (friends).
    var weekends: Bool
}

/// An organisation before empty ones are dropped.
struct DemoOrgDraft {
    var name: String
    var kind: OrganisationKind
    var domain: String
    var members = 0
}

/// The state of one generation run.
struct DemoBuilder {
    let options: DemoOptions
    let n: Int
    /// The random stream of the current phase (people, ties, interactions each have their own, so that
    /// tuning one phase does not reshuffle the others).
    var rng: SeededGenerator
    let endDay: Day
    let windowStart: Day
    /// The day the user joined their current employer.
    let joinDay: Day
    /// UTC offsets at local noon for each day from ``offsetStart`` to ``endDay``.
    var offsets: [Int64] = []
    var offsetStart: Day

    var profiles: [DemoProfile] = []
    var orgs: [DemoOrgDraft] = []
    /// First organisation index of each pool, and the pool's organisation count.
    var poolOrgs: [(start: Int, count: Int)] = []
    /// Each person's organisation (index into ``orgs``), nil for friends.
    var personOrg: [Int?] = []
    var plans: [DemoPlan] = []
    var people: [Person] = []

    init(options: DemoOptions) {
        self.options = options
        n = max(0, options.people)
        rng = SeededGenerator(seed: options.seed)
        endDay = options.endDay
        let years = max(1, options.years)
        let windowDays = years * 365 + years / 4
        windowStart = endDay - windowDays
        joinDay = endDay - Int(Double(windowDays) * (0.3 + 0.2 * rng.uniform()))
        offsetStart = min(windowStart, endDay - 1_100) - 1
    }

    mutating func build() -> DemoNetwork {
        buildOffsets()
        makeProfiles()
        makeOrganisations()
        makePeople()
        rng = SeededGenerator(seed: Self.phaseSeed(options.seed, 1))
        let ties = makeTies()
        rng = SeededGenerator(seed: Self.phaseSeed(options.seed, 2))
        let interactions = makeInteractions()
        // Keep only organisations someone belongs to, numbered in order.
        var organisations: [Organisation] = []
        for draft in orgs where draft.members > 0 {
            organisations.append(Organisation(id: Int64(organisations.count + 1), name: draft.name, kind: draft.kind))
        }
        return DemoNetwork(organisations: organisations, people: people, ties: ties, interactions: interactions)
    }

    /// The seed of phase `phase`: SplitMix64's finaliser over the user's seed and the phase number.
    static func phaseSeed(_ seed: UInt64, _ phase: UInt64) -> UInt64 {
        var z = seed &+ phase &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    // MARK: Time

    /// Precomputes the UTC offset at local noon of every day in range, so that turning a local working-hours
    /// time into an instant costs one array read (working hours never fall in a daylight-saving gap).
    mutating func buildOffsets() {
        var mapper = DayMapper(timeZone: options.timeZone)
        let count = endDay - offsetStart + 2
        offsets.reserveCapacity(count)
        var last: Int64 = 0
        for k in 0..<count {
            let noon = Int64((offsetStart + k).ordinal) * 86_400 + 43_200
            let guess = mapper.offset(at: noon - last)
            last = mapper.offset(at: noon - guess)
            offsets.append(last)
        }
    }

    /// The instant `seconds` after local midnight of `day` (which must be within the offset table).
    func instant(_ day: Day, _ seconds: Int) -> Date {
        let local = Int64(day.ordinal) * 86_400 + Int64(seconds)
        return Date(timeIntervalSince1970: TimeInterval(local - offsets[day - offsetStart]))
    }

    // MARK: Profiles

    /// The fixed core that makes even a small demo look like a real early-career executive's network.
    static let core: [DemoProfile] = [
        DemoProfile(primary: .manager, pool: .current, orgSlot: 0, tier: .inner, ended: false),
        DemoProfile(
            primary: .mentor, extraRole: .formerColleague, pool: .former, orgSlot: 0, tier: .close, ended: false),
        DemoProfile(primary: .colleague, pool: .current, orgSlot: 0, tier: .inner, ended: false),
        DemoProfile(
            primary: .recruiter, recruiterKind: .searchFirm, pool: .search, orgSlot: 0, tier: .regular,
            ended: false, unansweredTail: true),
        DemoProfile(primary: .mentor, pool: .association, orgSlot: 0, tier: .close, ended: false),
        DemoProfile(primary: .sponsor, pool: .current, orgSlot: 0, tier: .close, ended: false),
        DemoProfile(
            primary: .recruiter, recruiterKind: .searchFirm, pool: .search, orgSlot: 1, tier: .regular, ended: false),
        DemoProfile(
            primary: .recruiter, recruiterKind: .inHouse, pool: .market, orgSlot: 0, tier: .regular,
            ended: false, unansweredTail: true),
        DemoProfile(primary: .colleague, pool: .current, orgSlot: 1, tier: .inner, ended: false),
        DemoProfile(
            primary: .recruiter, recruiterKind: .searchFirm, pool: .search, orgSlot: 2, tier: .distant,
            ended: false, recentStart: true),
        DemoProfile(primary: .mentor, pool: .school, orgSlot: 0, tier: .regular, ended: false),
        DemoProfile(primary: .formerColleague, pool: .former, orgSlot: 0, tier: .regular, ended: true),
        DemoProfile(
            primary: .recruiter, recruiterKind: .searchFirm, pool: .search, orgSlot: 0, tier: .regular, ended: true),
        DemoProfile(primary: .colleague, pool: .current, orgSlot: 0, tier: .close, ended: false),
        DemoProfile(primary: .friend, pool: .friends, tier: .regular, ended: false),
        DemoProfile(primary: .peer, pool: .association, orgSlot: 0, tier: .regular, ended: false),
    ]

    /// What the rest of the network is made of, as (role, recruiter kind, weight).
    static let mix: [(role: Role, kind: RecruiterKind?, weight: Double)] = [
        (.colleague, nil, 0.27), (.formerColleague, nil, 0.15), (.peer, nil, 0.15), (.friend, nil, 0.10),
        (.client, nil, 0.06), (.recruiter, .searchFirm, 0.012), (.recruiter, .inHouse, 0.006),
        (.mentor, nil, 0.02), (.sponsor, nil, 0.004), (.other, nil, 0.228),
    ]
    static let mixWeights = mix.map(\.weight)

    mutating func makeProfiles() {
        profiles.reserveCapacity(n)
        for i in 0..<n {
            if i < Self.core.count {
                profiles.append(Self.core[i])
                continue
            }
            let pick = Self.mix[rng.weightedIndex(Self.mixWeights)]
            var profile = DemoProfile(primary: pick.role, recruiterKind: pick.kind, pool: .current)
            let u = rng.uniform()
            switch pick.role {
            case .colleague, .manager:
                profile.pool = .current
                if rng.bernoulli(0.05) { profile.extraRole = .friend }
            case .sponsor:
                profile.pool = u < 0.7 ? .current : .former
            case .mentor:
                profile.pool = u < 0.35 ? .former : u < 0.6 ? .association : u < 0.8 ? .school : .current
                if profile.pool == .former && rng.bernoulli(0.5) { profile.extraRole = .formerColleague }
            case .formerColleague:
                profile.pool = .former
                if rng.bernoulli(0.05) { profile.extraRole = .friend }
            case .peer:
                profile.pool = u < 0.3 ? .school : u < 0.6 ? .association : .market
            case .friend:
                profile.pool = u < 0.7 ? .friends : .school
                if profile.pool == .school { profile.extraRole = .peer }
            case .client:
                profile.pool = u < 0.8 ? .partners : .market
            case .recruiter:
                profile.pool = pick.kind == .searchFirm ? .search : (u < 0.8 ? .market : .current)
                if profile.pool == .current { profile.orgSlot = 0 }
                profile.unansweredTail = rng.bernoulli(0.25)
            case .other:
                profile.pool = u < 0.5 ? .partners : u < 0.8 ? .association : .market
            }
            profiles.append(profile)
        }
        // Fisher–Yates with the generator's own draws, so that ids do not follow roles.
        if n > 1 {
            for i in stride(from: n - 1, to: 0, by: -1) {
                profiles.swapAt(i, rng.index(below: i + 1))
            }
        }
    }

    // MARK: Organisations

    mutating func makeOrganisations() {
        var population = [Int](repeating: 0, count: DemoPool.allCases.count)
        for profile in profiles { population[profile.pool.rawValue] += 1 }
        var usedNames = Set<String>()
        func ceilDiv(_ a: Int, _ b: Double) -> Int { Int((Double(a) / b).rounded(.up)) }

        for pool in DemoPool.allCases {
            let p = population[pool.rawValue]
            let count: Int
            if p == 0 || pool == .friends {
                count = 0
            } else {
                switch pool {
                case .current: count = 1 + max(2, ceilDiv(p, 60))
                case .former: count = max(2, ceilDiv(p, 50))
                case .school, .association: count = max(1, ceilDiv(p, 80))
                case .search: count = max(3, ceilDiv(p, 2.5))
                case .market: count = max(3, ceilDiv(p, 50))
                case .partners: count = max(2, ceilDiv(p, 50))
                case .friends: count = 0
                }
            }
            poolOrgs.append((orgs.count, count))
            var systemPlace = ""
            for k in 0..<count {
                var kind: OrganisationKind
                switch pool {
                case .current: kind = k == 0 ? .healthSystem : .hospital
                case .former: kind = k == 1 ? .healthSystem : k % 3 == 2 ? .employer : .hospital
                case .school: kind = .school
                case .association: kind = .association
                case .search: kind = .searchFirm
                case .market: kind = k % 2 == 0 ? .healthSystem : .hospital
                case .partners, .friends: kind = .employer
                }
                var name = ""
                for attempt in 0..<16 {
                    if pool == .current && k == 1 && attempt == 0 {
                        name = systemPlace + " Medical Center"
                    } else if pool == .association && k == 0 && attempt == 0 {
                        name = DemoVocabulary.college
                    } else {
                        name = organisationName(kind: kind, pool: pool)
                    }
                    if pool == .current && k == 0 { systemPlace = String(name.prefix { $0 != " " }) }
                    if !usedNames.contains(name.lowercased()) { break }
                }
                if usedNames.contains(name.lowercased()) {
                    let base = name
                    var number = 2
                    repeat {
                        name = "\(base) \(number)"
                        number += 1
                    } while usedNames.contains(name.lowercased())
                }
                usedNames.insert(name.lowercased())
                orgs.append(DemoOrgDraft(name: name, kind: kind, domain: Self.domain(of: name)))
            }
        }
        assignOrganisations()
    }

    /// Assigns each person an organisation of their pool: fixed slots for the core, otherwise drawn with
    /// weights falling as 1/(k+1)^0.8 so that a few organisations are large and many small.
    mutating func assignOrganisations() {
        var cumulative: [[Double]] = []
        for pool in DemoPool.allCases {
            let count = poolOrgs[pool.rawValue].count
            var total = 0.0
            var row: [Double] = []
            row.reserveCapacity(count)
            for k in 0..<count {
                total += 1 / pow(Double(k + 1), 0.8)
                row.append(total)
            }
            cumulative.append(row)
        }
        personOrg.reserveCapacity(n)
        for profile in profiles {
            let (start, count) = poolOrgs[profile.pool.rawValue]
            guard count > 0 else {
                personOrg.append(nil)
                continue
            }
            var slot: Int
            if let fixed = profile.orgSlot {
                slot = min(fixed, count - 1)
            } else if profile.primary == .manager || profile.primary == .sponsor && profile.pool == .current {
                slot = 0
            } else if profile.recruiterKind == .inHouse && profile.pool == .market {
                // In-house recruiters spread over the other health systems (the even slots).
                slot = 2 * rng.index(below: (count + 1) / 2)
            } else {
                let row = cumulative[profile.pool.rawValue]
                slot = Self.search(row, rng.uniform() * row[count - 1])
            }
            // In-house recruiters work for a health system, never a hospital.
            if profile.recruiterKind == .inHouse && orgs[start + slot].kind != .healthSystem {
                slot -= slot % 2
            }
            orgs[start + slot].members += 1
            personOrg.append(start + slot)
        }
    }

    /// The first index whose cumulative weight exceeds `target`.
    static func search(_ cumulative: [Double], _ target: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }

    func placeName() -> String {
        rng.element(of: DemoVocabulary.placeHeads) + rng.element(of: DemoVocabulary.placeTails)
    }

    func organisationName(kind: OrganisationKind, pool: DemoPool) -> String {
        switch kind {
        case .healthSystem:
            return placeName() + rng.element(of: DemoVocabulary.healthSystemSuffixes)
        case .hospital:
            if rng.bernoulli(0.15) {
                return "St. \(rng.element(of: DemoVocabulary.saints))'s Hospital, \(placeName())"
            }
            return placeName() + rng.element(of: DemoVocabulary.hospitalSuffixes)
        case .searchFirm:
            let a = rng.element(of: DemoVocabulary.firmNames)
            var b = rng.element(of: DemoVocabulary.firmNames)
            if b == a { b = rng.element(of: DemoVocabulary.firmNames) }
            return rng.element(of: DemoVocabulary.searchFirmPatterns)(a, b)
        case .school:
            return rng.element(of: DemoVocabulary.schoolPatterns)(placeName())
        case .association:
            return rng.element(of: DemoVocabulary.associationPatterns)(placeName())
        case .employer, .other:
            return rng.element(of: DemoVocabulary.employerPatterns)(placeName())
        }
    }

    static let domainStopWords: Set<String> = ["of", "the", "and", "for", "in", "st", "s"]

    /// An invented e-mail domain for an organisation, under the reserved `.example` top-level domain.
    static func domain(of name: String) -> String {
        var words: [String] = []
        for word in name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let ascii = foldASCII(Substring(word))
            if ascii.isEmpty || domainStopWords.contains(ascii) { continue }
            words.append(ascii)
            if words.count == 2 { break }
        }
        return (words.isEmpty ? "org" : words.joined()) + ".example"
    }

    /// Lower-case ASCII letters and digits of `text`, accents removed ("Peña" -> "pena").
    static func foldASCII(_ text: Substring) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
            out.append(scalar)
        }
        return String(out)
    }
}
