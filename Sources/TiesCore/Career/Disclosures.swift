/// The staleness rules for disclosures.
public enum Disclosures {
    /// The label used for a resume disclosure recorded without a version.
    public static let unversioned = "(unversioned)"

    /// Everyone whose copy of a detail or resume of the user's is out of date on `day`.
    ///
    /// Only disclosures made on or before `day` and details in effect on or before `day` count. For each
    /// person and kind, the person's **latest** disclosure of that kind decides (latest day, then larger id):
    /// telling someone the new email again clears their staleness.
    ///
    /// - **email, phone, address**: stale when the detail the latest disclosure points at is not the
    ///   current one of its kind (``MyDetail/current(of:in:asOf:)``) *and* its value differs from the
    ///   current value (changing an email and changing it back makes nobody stale). A disclosure that
    ///   points at no known detail is skipped: what it holds is unknown.
    /// - **resume**: versions are ordered by when each was **first** given to anyone (day, then id), since
    ///   labels ("v3", "2026-spring") cannot be compared reliably. The latest version is the one first given
    ///   most recently; a person whose latest resume disclosure is another version is stale. Handing an old
    ///   version to someone later does not make it the latest.
    ///
    /// The result is ordered by person id, then kind (in ``DisclosureKind`` order); callers that rank by
    /// role or name sort it themselves.
    ///
    /// ```swift
    /// let stale = Disclosures.stale(disclosures: store.disclosures(), details: store.myDetails(), asOf: today)
    /// ```
    /// - Complexity: O(*n* log *n* + *m*) for *n* disclosures and *m* details.
    public static func stale(disclosures: [Disclosure], details: [MyDetail], asOf day: Day) -> [StaleDisclosure] {
        let seen = disclosures.filter { $0.day <= day }
        func later(_ a: Disclosure, _ b: Disclosure) -> Bool {
            a.day != b.day ? a.day > b.day : (a.id ?? .min) > (b.id ?? .min)
        }
        // The latest disclosure per person and kind.
        var latest: [Key: Disclosure] = [:]
        for d in seen {
            let key = Key(personID: d.personID, kind: d.kind)
            if let existing = latest[key], !later(d, existing) { continue }
            latest[key] = d
        }
        // The newest resume version: the one whose first disclosure is latest.
        var firstGiven: [String: Disclosure] = [:]
        for d in seen where d.kind == .resume {
            let label = d.version ?? unversioned
            if let existing = firstGiven[label], !later(existing, d) { continue }
            firstGiven[label] = d
        }
        // Ties (same day, no ids) fall back to the label, so dictionary order never decides.
        let newestResume = firstGiven.max { a, b in
            later(b.value, a.value) || (!later(a.value, b.value) && a.key < b.key)
        }
        let byID = Dictionary(details.compactMap { d in d.id.map { ($0, d) } }, uniquingKeysWith: { a, _ in a })

        var result: [StaleDisclosure] = []
        for key in latest.keys.sorted() {
            let d = latest[key]!
            if let detailKind = d.kind.detailKind {
                guard let heldID = d.myDetailID, let held = byID[heldID], held.since <= day,
                    let current = MyDetail.current(of: detailKind, in: details, asOf: day),
                    current.id != held.id, current.value != held.value
                else { continue }
                result.append(
                    StaleDisclosure(
                        personID: d.personID, kind: d.kind, held: held.value, current: current.value,
                        since: current.since))
            } else if let newest = newestResume {
                let held = d.version ?? unversioned
                guard held != newest.key else { continue }
                result.append(
                    StaleDisclosure(
                        personID: d.personID, kind: .resume, held: held, current: newest.key, since: newest.value.day))
            }
        }
        return result
    }

    private struct Key: Hashable, Comparable {
        var personID: Person.ID
        var kind: DisclosureKind

        static func < (a: Key, b: Key) -> Bool {
            if a.personID != b.personID { return a.personID < b.personID }
            return DisclosureKind.allCases.firstIndex(of: a.kind)! < DisclosureKind.allCases.firstIndex(of: b.kind)!
        }
    }
}
