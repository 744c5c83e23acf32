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

    /// `name` without a trailing ` (…)`, the part ``freeName(for:)`` adds; nil when there is none.
    private static func baseName(_ key: String) -> String? {
        guard key.hasSuffix(")"), let open = key.range(of: " (", options: .backwards), open.lowerBound > key.startIndex
        else { return nil }
        return String(key[..<open.lowerBound])
    }

    mutating func index(_ person: Person, id: Int64) {
        ids.insert(id)
        indexName(person.name, id: id)
        for point in person.contactPoints {
            if point.kind == .email { byEmail[point.value.lowercased()] = byEmail[point.value.lowercased()] ?? id }
            if point.kind == .url || point.kind == .linkedin { indexURL(point.value, id: id) }
        }
    }

    mutating func indexName(_ name: String, id: Int64) {
        let key = name.lowercased()
        if let other = byName[key], other != id { homonyms.insert(key) }
        byName[key] = byName[key] ?? id
        if let base = Self.baseName(key) { suffixedBases.insert(base) }
    }

    mutating func indexURL(_ url: String, id: Int64) {
        let key = ProfileURL.key(url)
        byURL[key] = byURL[key] ?? id
        if Self.isLinkedInProfile(key) { linkedInKeys[id, default: []].insert(key) }
    }

    /// ``ProfileURL/key(_:)`` of `url`, each distinct URL computed once: a million messages name a few
    /// thousand people, and the key of every record's URL was a tenth of such an import (measured).
    private mutating func urlKey(_ url: String) -> String {
        if let known = urlKeys[url] { return known }
        let key = ProfileURL.key(url)
        if urlKeys.count < 200_000 { urlKeys[url] = key }
        return key
    }

    /// Whether a URL key is a LinkedIn profile's, the one URL a person has only one of.
    private static func isLinkedInProfile(_ key: String) -> Bool {
        key.hasPrefix("linkedin.com/") || key.contains(".linkedin.com/")
    }

    /// Who `keys` name: the first id, email or URL that someone has; else the one person bearing the name,
    /// unless the keys give a LinkedIn profile and that person has a different one.
    mutating func match(_ keys: [PersonKey]) -> PersonMatch {
        var name: String?
        var profiles: [String] = []
        for key in keys {
            switch key {
            case .id(let id): if ids.contains(id) { return .person(id) }
            case .email(let e): if e.contains("@"), let id = byEmail[e.lowercased()] { return .person(id) }
            case .url(let u):
                if let id = urlMatches[u] { return .person(id) }
                let key = urlKey(u)
                if let id = byURL[key] {
                    if urlMatches.count < 200_000 { urlMatches[u] = id }
                    return .person(id)
                }
                if Self.isLinkedInProfile(key) { profiles.append(key) }
            case .name(let n): name = name ?? n
            }
        }
        guard let name else { return .none }
        let key = name.lowercased()
        guard let id = byName[key] else { return .none }
        if !profiles.isEmpty, let theirs = linkedInKeys[id], !theirs.isEmpty { return .none }
        if homonyms.contains(key) || suffixedBases.contains(key) {
            return profiles.isEmpty ? .ambiguous(name, byNameCount(key)) : .none
        }
        return .person(id)
    }

    /// How many people bear a name (only asked for names known to be shared).
    private func byNameCount(_ key: String) -> Int {
        (try? Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE lower(name) = ?", arguments: [key])).map {
            max(2, $0)
        } ?? 2
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
