import Foundation
import GRDB
import TiesCore

/// How ``StoreImporter`` finds the person a record names and indexes the people it adds.
extension StoreImporter {
    mutating func insert(_ person: Person) throws -> Int64 {
        var stored = person
        if let id = person.id, ids.contains(id) { stored.id = nil }
        if byName[person.name.lowercased()] != nil { stored.name = freeName(for: person) }
        let inserted = try Store.insert(stored, at: now, db)
        index(inserted.record, id: inserted.id)
        return inserted.id
    }

    /// A name for a homonym that no one bears yet (names are unique in the store, people need not be):
    /// `Name (Organisation)`, else `Name (profile-slug)`, else `Name (2)`, `Name (3)`, ...
    private func freeName(for person: Person) -> String {
        var candidates: [String] = []
        if let organisation = person.organisation, !organisation.isEmpty { candidates.append(organisation) }
        if let url = person.contactPoints.first(where: { $0.kind == .linkedin || $0.kind == .url })?.value,
            let slug = ProfileURL.key(url).split(separator: "/").last
        {
            candidates.append(String(slug))
        }
        for suffix in candidates where byName["\(person.name) (\(suffix))".lowercased()] == nil {
            return "\(person.name) (\(suffix))"
        }
        var n = 2
        while byName["\(person.name) (\(n))".lowercased()] != nil { n += 1 }
        return "\(person.name) (\(n))"
    }

    mutating func index(_ person: Person, id: Int64) {
        ids.insert(id)
        // Each URL's key made once, for both indexes (as in `init`).
        let urlKeys = person.contactPoints.filter { $0.kind == .url || $0.kind == .linkedin }
            .map { ProfileURL.key($0.value) }
        let suffixes = HomonymName.suffixes(of: person.name, organisation: person.organisation, urlKeys: urlKeys)
        indexName(person.name, id: id, suffixes: suffixes)
        for point in person.contactPoints where point.kind == .email {
            byEmail[point.value.lowercased()] = byEmail[point.value.lowercased()] ?? id
        }
        for key in urlKeys { indexURL(identityKey: ProfileURL.identity(ofKey: key), id: id) }
    }

    /// Indexes `id` under its name; `suffixes` are those a homonym of theirs may have been named with.
    mutating func indexName(_ name: String, id: Int64, suffixes: [String]) {
        let key = name.lowercased()
        if let other = byName[key], other != id { homonyms.insert(key) }
        byName[key] = byName[key] ?? id
        if !(bearers[key]?.contains(id) ?? false) { bearers[key, default: []].append(id) }
        if let base = HomonymName.base(key, suffixes: suffixes) {
            suffixedBases.insert(base)
            if !(bearers[base]?.contains(id) ?? false) { bearers[base, default: []].append(id) }
        }
    }

    /// Indexes `id` under the URL whose ``ProfileURL/identityKey(_:)`` is `key`, unless it cannot be one
    /// person's (``ProfileURL/canIdentify(key:)``).
    mutating func indexURL(identityKey key: String, id: Int64) {
        guard ProfileURL.canIdentify(key: key) else { return }
        byURL[key] = byURL[key] ?? id
        if let service = ProfileService(key: key) { profileServices[id, default: []].insert(service) }
    }

    /// ``key(_:)`` of `url`, each distinct URL computed once: a million messages name a few thousand people,
    /// and the key of every record's URL was a tenth of such an import (measured).
    private mutating func urlKey(_ url: String) -> String {
        if let known = urlKeys[url] { return known }
        let key = ProfileURL.identityKey(url)
        if urlKeys.count < 200_000 { urlKeys[url] = key }
        return key
    }

    /// Whether person `id` has a profile on one of `services`, those of a record's profiles (which no one has):
    /// then they are not the person those profiles are.
    private func hasOtherProfile(_ id: Int64, _ services: Set<ProfileService>) -> Bool {
        guard !services.isEmpty, let theirs = profileServices[id] else { return false }
        return !theirs.isDisjoint(with: services)
    }

    /// The person of `records[i]`: the one its participant number was found to be, else the one its keys
    /// match; nil when the record is left out — already stored, or its person unknown or ambiguous (counted).
    mutating func person(of records: [InteractionRecord], at i: Int) throws -> Int64? {
        let number = records[i].participant
        if number >= 0, let id = participants[number] { return id }
        var byIdentity = false
        switch match(records[i].keys, byIdentity: &byIdentity) {
        case .person(let id):
            if byIdentity && number >= 0 { participants[number] = id }
            return id
        case .none:
            return try person(forUnmatched: records[i])
        case .ambiguous(let name, let count):
            if try isStored(records[i].interaction) {
                summary.interactionsExisting += 1
            } else {
                summary.noteUnmatched(file: records[i].file, line: records[i].line, reason: Self.ambiguity(name, count))
            }
            return nil
        }
    }

    /// The person to give an interaction whose keys match no one: none when it is already stored (its
    /// person may have been merged away since), a new person when the import may create them, else none,
    /// reported as unmatched.
    private mutating func person(forUnmatched record: InteractionRecord) throws -> Int64? {
        if try isStored(record.interaction) {
            summary.interactionsExisting += 1
            return nil
        }
        if createPeople, let newPerson = record.newPerson {
            summary.peopleAdded += 1
            return try insert(newPerson)
        }
        let what = record.keys.map { key -> String in
            switch key {
            case .id(let id): return "#\(id)"
            case .email(let e), .url(let e), .name(let e): return e
            }
        }.joined(separator: " / ")
        if record.newPerson != nil { summary.unmatchedCreatable += 1 }
        var reason = "no person matches \(what)"
        // Keys no one has, with a name several people bear: say so, or the name reads as unknown.
        for case .name(let name) in record.keys {
            let bearing = bearers[name.lowercased()]?.count ?? 0
            if bearing > 1 {
                reason +=
                    " (\(bearing) people are named \(name), none of them with these details; a name that several people bear is not guessed)"
            }
            break
        }
        summary.noteUnmatched(file: record.file, line: record.line, reason: reason)
        return nil
    }

    /// Who `keys` name: the first id, email or URL that someone has; else the one person bearing the name,
    /// unless the keys give a LinkedIn (or Google) profile and that person has a different one there.
    mutating func match(_ keys: [PersonKey]) -> PersonMatch {
        var byIdentity = false
        return match(keys, byIdentity: &byIdentity)
    }

    /// ``match(_:)``, setting `byIdentity` when an id, email or URL found the person: then the same keys find
    /// the same person for the rest of the import (an id, email or URL, once indexed, keeps its person),
    /// while a name alone may be borne by someone added later.
    mutating func match(_ keys: [PersonKey], byIdentity: inout Bool) -> PersonMatch {
        var name: String?
        var services = Set<ProfileService>()
        for key in keys {
            switch key {
            case .id(let id):
                if ids.contains(id) {
                    byIdentity = true
                    return .person(id)
                }
            case .email(let e):
                if e.contains("@"), let id = byEmail[e.lowercased()] {
                    byIdentity = true
                    return .person(id)
                }
            case .url(let u):
                if let id = urlMatches[u] {
                    byIdentity = true
                    return .person(id)
                }
                let key = urlKey(u)
                if let id = byURL[key] {
                    if urlMatches.count < 200_000 { urlMatches[u] = id }
                    byIdentity = true
                    return .person(id)
                }
                if let service = ProfileService(key: key) { services.insert(service) }
            case .name(let n): name = name ?? n
            }
        }
        guard let name else { return .none }
        let key = name.lowercased()
        guard let id = byName[key] else { return .none }
        if hasOtherProfile(id, services) { return .none }
        if homonyms.contains(key) || suffixedBases.contains(key) {
            return services.isEmpty ? .ambiguous(name, byNameCount(key)) : .none
        }
        return .person(id)
    }

    /// How many people bear a name (only asked for names known to be shared).
    private func byNameCount(_ key: String) -> Int { max(2, bearers[key]?.count ?? 0) }

    /// Who a person record is: ``match(_:)-([PersonKey])`` of its keys; for a record of a file that lists
    /// everyone once, the person its own interaction went to when the file was imported before, else one
    /// its id, email or URL identifies, else the one person bearing its name that no other record of the file
    /// became (none: a new person; several: ambiguous) — but first the one bearing the name who has one of its
    /// phone numbers, whichever record became them, then the one whose own dated event from the same source
    /// falls on the record's day (``eventsHeld(of:by:)``); one bearing the name whose such events all fall on
    /// other days is someone else.
    /// ``add(_:)-(PersonRecord)`` notes whom it became.
    mutating func match(_ record: PersonRecord) throws -> PersonMatch {
        guard record.distinctInFile else { return match(keys(of: record.person)) }
        if let found = try personOfStored(record.interactions) { return .person(found) }
        let found = try matchDistinct(record)
        if case .person(let id) = found, !firstImport || importedDays[id] != nil, metOnDay?.id != id {
            metOnDay = (id, try eventsHeld(of: record, by: id).met)
        }
        return found
    }

    private mutating func matchDistinct(_ record: PersonRecord) throws -> PersonMatch {
        if let found = identified(record.person) { return .person(found) }
        let taken = takenInFile[record.file] ?? []
        let services = Set(
            record.person.contactPoints.filter { $0.kind == .linkedin || $0.kind == .url }
                .compactMap { ProfileService(key: ProfileURL.identityKey($0.value)) })
        let bearing = (bearers[record.person.name.lowercased()] ?? []).filter { !hasOtherProfile($0, services) }
        if let same = try sharingPhone(record.person, bearing) { return .person(same) }
        var candidates = bearing.filter { !taken.contains($0) }
        var met: [Int64: Set<String>] = [:]  // what each candidate holds already, kept for ``match(_:)``
        if !candidates.isEmpty && (!firstImport || !importedDays.isEmpty) {
            var otherDays = Set<Int64>()
            for id in candidates {
                let held = try eventsHeld(of: record, by: id)
                met[id] = held.met
                if held.elsewhere { otherDays.insert(id) }
            }
            let same = candidates.filter { met[$0]?.isEmpty == false }
            if same.count == 1 {
                metOnDay = (same[0], met[same[0]] ?? [])
                return .person(same[0])
            }
            candidates.removeAll { otherDays.contains($0) }
        }
        guard candidates.count == 1 else {
            return candidates.isEmpty ? .none : .ambiguous(record.person.name, candidates.count)
        }
        if let held = met[candidates[0]] { metOnDay = (candidates[0], held) }
        return .person(candidates[0])
    }

    /// Of `record`'s own date-only events (a connection's `connected`), the `source|day` of those person `id`
    /// holds already (`met`: same source, same day, whatever their ids), and whether `id` holds events of
    /// those sources only on other days (`elsewhere`).
    ///
    /// LinkedIn dates a connection once: the same connection has the same `Connected On` in every export,
    /// and an export without profile URLs (2016–2021) gives it an id made of the name and that day, one with
    /// URLs (2022–) the URL. So a store made from an older export, taking a newer one, finds each connection
    /// by its day among the people bearing its name, does not add its `connected` a second time, and takes
    /// one bearing the name who was connected on another day for someone else: a real Brazilian export of
    /// 2020, then the same member's of 2025 (`naiaracerqueira/analysis`), had 118 connections of the newer
    /// file left out as "2 people are named Gabriel Rodrigues", and 3,862 `connected` doubled. The same holds
    /// when both exports are imported together (``importedDays``): the newer one's namesakes were left out on a
    /// first import, and added by the next.
    private func eventsHeld(of record: PersonRecord, by id: Int64) throws -> (met: Set<String>, elsewhere: Bool) {
        var met = Set<String>()
        var elsewhere = false
        var own: [String: Set<Int64>] = [:]
        for i in record.interactions where i.dateOnly {
            own[i.source, default: []].insert(Self.utcDay(i.occurredAt.timeIntervalSince1970))
        }
        for (source, days) in own {
            // Those stored before the import (none on a first one), and those this import brought already.
            let stored =
                firstImport
                ? []
                : try Int64.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT occurred_at FROM interaction WHERE person_id = ? AND source = ? AND date_only = 1"
                    ), arguments: [id, source]
                ).map { Self.utcDay(Double($0)) }
            for day in stored + (importedDays[id]?[source] ?? []) {
                if days.contains(day) { met.insert("\(source)|\(day)") } else { elsewhere = true }
            }
        }
        return (met, elsewhere && met.isEmpty)
    }

    /// Notes the days of `interactions` that are date-only (a connection's `connected`) as person `id`'s in
    /// ``importedDays``: what ``eventsHeld(of:by:)`` finds before they are stored, and on a first import, when
    /// it reads nothing stored.
    mutating func noteDays(of interactions: [Interaction], to id: Int64) {
        for i in interactions where i.dateOnly {
            importedDays[id, default: [:]][i.source, default: []].insert(
                Self.utcDay(i.occurredAt.timeIntervalSince1970))
        }
    }

    /// The UTC day number of `seconds` since 1970: a date-only event is noon UTC of its day.
    static func utcDay(_ seconds: Double) -> Int64 { Int64((seconds / 86_400).rounded(.down)) }

    /// Whether `interaction`, a record's own, is an event its person holds already under another id
    /// (``eventsHeld(of:by:)``).
    func heldOnDay(_ interaction: Interaction, _ met: Set<String>) -> Bool {
        interaction.dateOnly
            && met.contains("\(interaction.source)|\(Self.utcDay(interaction.occurredAt.timeIntervalSince1970))")
    }

    /// The one of `candidates` — people bearing `person`'s name — who has one of `person`'s phone numbers
    /// (compared as the duplicate detector compares them, ``MatchKey/phone(_:)``), or nil when none or several
    /// do.
    ///
    /// A phone alone does not identify a person (a household's, a switchboard's), but a name and a number
    /// together do: an address book's two cards `Kofi` with two numbers became `Kofi` and `Kofi (2)`, and each
    /// card finds its own again on a re-import (an Android export in `borisbob91/contact`, two such pairs);
    /// a card saved again with the same name and number is the same contact, however often (an Android export
    /// in `kamalkne/contacts` holds one contact on four identical cards).
    private func sharingPhone(_ person: Person, _ candidates: [Int64]) throws -> Int64? {
        let phones = Set(person.contactPoints.filter { $0.kind == .phone }.compactMap { MatchKey.phone($0.value) })
        guard !phones.isEmpty else { return nil }
        var found: Int64?
        for id in candidates {
            let theirs = try String.fetchAll(
                db.cachedStatement(sql: "SELECT value FROM contact_point WHERE person_id = ? AND kind = 'phone'"),
                arguments: [id])
            guard theirs.contains(where: { MatchKey.phone($0).map(phones.contains) ?? false }) else { continue }
            if found != nil { return nil }
            found = id
        }
        return found
    }

    /// The person one of `interactions` is stored with, when the store had interactions before the import.
    private func personOfStored(_ interactions: [Interaction]) throws -> Int64? {
        guard !firstImport else { return nil }
        for i in interactions {
            guard let sourceID = i.sourceID, let row = try sourceKeys.storedID(source: i.source, sourceID: sourceID)
            else { continue }
            let person = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT person_id FROM interaction WHERE id = ?"), arguments: [row])
            if let person, ids.contains(person) { return person }
        }
        return nil
    }

    /// The person whom `person`'s id, an email or a URL identifies.
    private mutating func identified(_ person: Person) -> Int64? {
        let keys = keys(of: person).filter { if case .name = $0 { false } else { true } }
        if case .person(let id) = match(keys) { return id }
        return nil
    }

    func keys(of person: Person) -> [PersonKey] {
        (person.id.map { [PersonKey.id($0)] } ?? [])
            + person.contactPoints.compactMap { point -> PersonKey? in
                switch point.kind {
                case .email: return .email(point.value)
                case .url, .linkedin: return .url(point.value)
                case .phone: return nil
                }
            } + [.name(person.name)]
    }
}

/// What a record's keys find: one person, no one, or a name several people bear.
enum PersonMatch {
    case person(Int64)
    case none
    case ambiguous(String, Int)
}

extension StoreImporter {
    /// Why a name identifies no one.
    static func ambiguity(_ name: String, _ count: Int) -> String {
        "\(count) people are named \(name); a name that several people bear is not guessed (give a profile URL or an email)"
    }
}
