/// A person's name reduced to what tells people apart: a given name and the words of the surname.
///
/// The name is folded with ``MatchKey/fold(_:)`` (case, accents, punctuation) and then:
/// - **Commas**: a name written surname first (`Reyes, Dana`) is turned around; otherwise what follows a
///   comma is credentials or a headline, and is dropped (`Dana Reyes, MD, FACHE`, `Dana Reyes, PMP`): see
///   ``wordsInReadingOrder(_:)``.
/// - **Honorifics and suffixes**: a leading `dr`, `mr`, `mrs`, `ms`, `mx` or `prof`, and trailing
///   generational or professional suffixes (``suffixes``), are dropped as long as two words remain.
/// - **Middle initials**: one-letter words between the first and the last are dropped, so
///   `Dana M. Reyes` is `dana reyes`. Middle *names* stay, as part of the surname words.
/// - **Hyphens** split words: `Reyes-Garcia` is the two surname words `reyes garcia`.
///
/// Nicknames are not interpreted, beyond a given name that starts another (`Sam` for `Samuel`, see
/// ``NameAgreement``): `Bob` and `Robert` are different given names.
///
/// ```swift
/// PersonName("Dr. Dána M. Reyes-García, MD").key   // "dana reyes garcia"
/// PersonName("Reyes, Dana").key                   // "dana reyes"
/// ```
public struct PersonName: Hashable, Sendable {
    /// The first word, or empty when nothing is left of the name.
    public var given: String
    /// The remaining words, in order.
    public var surname: [String]

    /// Leading words dropped when at least two words follow.
    public static let honorifics: Set<String> = ["dr", "mr", "mrs", "ms", "mx", "prof"]
    /// Trailing words dropped while at least two words remain: generational suffixes and the credentials
    /// common in healthcare and business. Words that are also common surnames (`do`, `pa`) are not here.
    public static let suffixes: Set<String> = [
        "jr", "sr", "ii", "iii", "iv", "md", "phd", "mba", "mha", "mph", "msn", "bsn", "dnp", "rn", "fache", "facs",
        "cpa", "esq",
    ]

    /// Reduces `name` as described above.
    public init(_ name: String) {
        var words = Self.wordsInReadingOrder(name).flatMap { MatchKey.fold(String($0)).split(separator: " ") }
            .map(String.init)
        if words.count >= 3, Self.honorifics.contains(words[0]) { words.removeFirst() }
        while words.count > 2, Self.suffixes.contains(words[words.count - 1]) { words.removeLast() }
        if words.count > 2 {
            words = [words[0]] + words[1..<(words.count - 1)].filter { $0.count > 1 } + [words[words.count - 1]]
        }
        given = words.first ?? ""
        surname = Array(words.dropFirst())
    }

    /// The reduced name as one string: the given name and the surname words, separated by spaces.
    public var key: String { ([given] + surname).joined(separator: " ") }

    /// Whether nothing is left of the name (it was only punctuation, for instance).
    public var isEmpty: Bool { given.isEmpty }
}

/// How two reduced names agree, part by part; see ``compare(_:_:threshold:)``.
public struct NameAgreement: Sendable, Equatable {
    /// How one part of two names (the given names, or the surnames) agrees.
    public enum Part: String, Sendable, Equatable, CaseIterable {
        /// Identical.
        case equal
        /// Given names: one is a single letter, the other's initial (`d` and `dana`).
        case initial
        /// Given names: one, at least three letters long, starts the other (`sam` and `samuel`) — the only
        /// nicknames recognised.
        case shortened
        /// Surnames: the words of one are among the words of the other (`reyes` and `reyes garcia`).
        case contained
        /// A spelling variant: Jaro–Winkler similarity at least the threshold (`jon` and `john`).
        case spelling
    }

    /// How the given names agree.
    public var given: Part
    /// How the surnames agree.
    public var surname: Part

    /// Whether the reduced names are identical.
    public var isExact: Bool { given == .equal && surname == .equal }

    /// How `a` and `b` agree, or nil when they do not.
    ///
    /// Given names agree when equal, when one is the initial of the other, when one (of three letters or
    /// more) starts the other, or when their Jaro–Winkler similarity is at least `threshold`; surnames agree
    /// when equal, when the words of one (at least one word) are all among the words of the other, or when
    /// the whole surnames are at least `threshold` similar. Both parts must agree. An empty name agrees with nothing, and a name without a surname
    /// agrees only with another name without one.
    ///
    /// So `Dana Reyes` agrees with `Dana M. Reyes` (exactly), `D. Reyes`, `Dana Reyes-Garcia` and
    /// `Dana Reyez`, and `Sam Okafor` with `Samuel Okafor`; but not `Dana Reyes` with `Dana Reyna` (surname
    /// similarity 0.81) or `Lana Reyes` (given-name similarity 0.83).
    /// - Complexity: O(*m*²) in the length of the names (Jaro–Winkler), O(1) for names that are equal.
    public static func compare(_ a: PersonName, _ b: PersonName, threshold: Double = 0.9) -> NameAgreement? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        guard let given = givenAgreement(a.given, b.given, threshold: threshold),
            let surname = surnameAgreement(a.surname, b.surname, threshold: threshold)
        else { return nil }
        return NameAgreement(given: given, surname: surname)
    }

    static func givenAgreement(_ x: String, _ y: String, threshold: Double) -> Part? {
        if x == y { return .equal }
        if (x.count == 1 && y.hasPrefix(x)) || (y.count == 1 && x.hasPrefix(y)) { return .initial }
        if (x.count >= 3 && y.hasPrefix(x)) || (y.count >= 3 && x.hasPrefix(y)) { return .shortened }
        if x.count > 1 && y.count > 1 && JaroWinkler.similarity(x, y) >= threshold { return .spelling }
        return nil
    }

    static func surnameAgreement(_ x: [String], _ y: [String], threshold: Double) -> Part? {
        if x == y { return .equal }
        guard !x.isEmpty, !y.isEmpty else { return nil }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        var pool = long
        let contained = short.allSatisfy { word in
            guard let i = pool.firstIndex(of: word) else { return false }
            pool.remove(at: i)
            return true
        }
        if contained { return .contained }
        let joinedX = x.joined(separator: " ")
        let joinedY = y.joined(separator: " ")
        if JaroWinkler.similarity(joinedX, joinedY) >= threshold { return .spelling }
        return nil
    }
}

/// The Jaro–Winkler similarity of two strings, 0 (nothing in common) to 1 (identical).
///
/// Jaro similarity counts the characters `m` the strings share within a window of
/// `max(|a|, |b|) / 2 - 1` positions and the transpositions `t` among them:
/// `J = (m/|a| + m/|b| + (m - t)/m) / 3`. Winkler's variant rewards a common prefix of up to four
/// characters `l`: `JW = J + l p (1 - J)` with `p = 0.1` (W. E. Winkler, "String Comparator Metrics and
/// Enhanced Decision Rules in the Fellegi-Sunter Model of Record Linkage", 1990). Characters are compared
/// as Unicode scalars, so fold the text first.
///
/// ```swift
/// JaroWinkler.similarity("martha", "marhta")   // 0.9611…
/// ```
public enum JaroWinkler {
    /// The similarity of `a` and `b`.
    /// - Complexity: O(|a| · |b|) in the worst case; O(|a| · window) in practice.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let s = Array(a.unicodeScalars)
        let t = Array(b.unicodeScalars)
        if s.isEmpty && t.isEmpty { return 1 }
        if s.isEmpty || t.isEmpty { return 0 }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        var sMatched = [Bool](repeating: false, count: s.count)
        var tMatched = [Bool](repeating: false, count: t.count)
        var matches = 0
        for i in s.indices {
            let low = max(0, i - window)
            let high = min(t.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where !tMatched[j] && s[i] == t[j] {
                sMatched[i] = true
                tMatched[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        // Matched characters that are out of order; a transposition is half of them (rounded down, as in
        // Apache Commons Text and jellyfish).
        var outOfOrder = 0
        var j = 0
        for i in s.indices where sMatched[i] {
            while !tMatched[j] { j += 1 }
            if s[i] != t[j] { outOfOrder += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(outOfOrder / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, s.count, t.count) && s[prefix] == t[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
