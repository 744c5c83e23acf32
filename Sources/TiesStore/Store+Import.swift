import Foundation
import GRDB
import TiesCore

extension Store {
    /// Imports people and interactions in one transaction.
    ///
    /// People are matched, in order, by id, by any email, by any URL and by exact name (all without case);
    /// a match gains the record's missing roles, tags and contact points and fills an empty organisation,
    /// title or closeness; no match is added (with the record's id when it is free). An interaction already
    /// present — same source and source id, or same id — is left alone, so importing a file twice changes
    /// nothing. An interaction whose person matches no one creates its `newPerson` when `createPeople` is
    /// true, and is otherwise reported as unmatched. Relationship states of everyone touched are rebuilt.
    ///
    /// - Parameter dryRun: do everything, report it, then roll the transaction back.
    /// - Complexity: O(p + i) queries for p people and i interactions.
    public func importBatch(
        people: [PersonRecord], interactions: [InteractionRecord], createPeople: Bool, dryRun: Bool,
        context: ScoringContext, now: Date
    ) throws(StoreError) -> ImportSummary {
        var summary = ImportSummary()
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    summary = try Self.importRows(
                        people: people, interactions: interactions, createPeople: createPeople,
                        context: context, now: now, db)
                    return dryRun ? .rollback : .commit
                }
            }
        } catch {
            throw StoreError.wrap(error)
        }
        return summary
    }

    private static func normalisedURL(_ url: String) -> String {
        var u = url.lowercased().trimmingCharacters(in: .whitespaces)
        while u.hasSuffix("/") { u.removeLast() }
        for prefix in ["https://", "http://", "www."] where u.hasPrefix(prefix) { u.removeFirst(prefix.count) }
        return u.hasPrefix("www.") ? String(u.dropFirst(4)) : u
    }

    private static func importRows(
        people: [PersonRecord], interactions: [InteractionRecord], createPeople: Bool, context: ScoringContext,
        now: Date, _ db: Database
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        // Indexes of who is there, kept up to date as people are added.
        var ids = Set(try Int64.fetchAll(db, sql: "SELECT id FROM person"))
        var byEmail: [String: Int64] = [:]
        var byURL: [String: Int64] = [:]
        var byName: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT person_id, kind, value FROM contact_point ORDER BY id") {
            let value: String = row[2]
            switch row[1] as String {
            case "email": byEmail[value.lowercased()] = byEmail[value.lowercased()] ?? row[0]
            case "url", "linkedin": byURL[normalisedURL(value)] = byURL[normalisedURL(value)] ?? row[0]
            default: break
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM person") {
            byName[(row[1] as String).lowercased()] = row[0]
        }
        func index(_ person: Person, id: Int64) {
            ids.insert(id)
            byName[person.name.lowercased()] = id
            for point in person.contactPoints {
                if point.kind == .email { byEmail[point.value.lowercased()] = byEmail[point.value.lowercased()] ?? id }
                if point.kind == .url || point.kind == .linkedin {
                    byURL[normalisedURL(point.value)] = byURL[normalisedURL(point.value)] ?? id
                }
            }
        }
        func match(_ keys: [PersonKey]) -> Int64? {
            for key in keys {
                switch key {
                case .id(let id): if ids.contains(id) { return id }
                case .email(let e): if let id = byEmail[e.lowercased()] { return id }
                case .url(let u): if let id = byURL[normalisedURL(u)] { return id }
                case .name(let n): if let id = byName[n.lowercased()] { return id }
                }
            }
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
        func add(_ person: Person) throws -> Int64 {
            var stored = person
            if let id = person.id, ids.contains(id) { stored.id = nil }
            let inserted = try insert(stored, at: now, db)
            index(inserted, id: inserted.id!)
            return inserted.id!
        }
        var touched = Set<Int64>()
        for record in people {
            if let id = match(keys(of: record.person)) {
                var existing = try fetchPerson(id, db)
                let before = existing
                existing.roles.formUnion(record.person.roles)
                existing.tags.formUnion(record.person.tags)
                for point in record.person.contactPoints
                where !existing.contactPoints.contains(where: {
                    $0.kind == point.kind && $0.value.lowercased() == point.value.lowercased()
                }) {
                    existing.contactPoints.append(point)
                }
                if existing.organisation == nil { existing.organisation = record.person.organisation }
                if existing.title == nil { existing.title = record.person.title }
                if existing.closeness == nil { existing.closeness = record.person.closeness }
                if existing.recruiterKind == nil { existing.recruiterKind = record.person.recruiterKind }
                if existing == before {
                    summary.peopleUnchanged += 1
                } else {
                    try replaceDetails(of: existing, db)
                    index(existing, id: id)
                    touched.insert(id)
                    summary.peopleUpdated += 1
                }
            } else {
                _ = try add(record.person)
                summary.peopleAdded += 1
            }
        }
        let existsBySource = try db.makeStatement(sql: "SELECT 1 FROM interaction WHERE source = ? AND source_id = ?")
        let existsByID = try db.makeStatement(sql: "SELECT 1 FROM interaction WHERE id = ?")
        // A stored row can only collide when it has one of the batch's sources, or an id as high as the
        // batch's; otherwise (a first import) the per-row lookups are skipped and the batch is checked
        // against itself in memory.
        var sourcesInStore = Set<String>()
        for source in Set(interactions.map(\.interaction.source)) {
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM interaction WHERE source = ? LIMIT 1", arguments: [source])
                != nil
            {
                sourcesInStore.insert(source)
            }
        }
        let maxStoredID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM interaction") ?? 0
        var seenSourceIDs = Set<String>()
        var seenIDs = Set<Int64>()
        for record in interactions {
            var i = record.interaction
            if let sourceID = i.sourceID {
                let stored =
                    try sourcesInStore.contains(i.source)
                    ? Bool.fetchOne(existsBySource, arguments: [i.source, sourceID]) != nil : false
                if stored || !seenSourceIDs.insert(i.source + "\u{0}" + sourceID).inserted {
                    summary.interactionsExisting += 1
                    continue
                }
            }
            if let id = i.id {
                let stored = try id <= maxStoredID ? Bool.fetchOne(existsByID, arguments: [id]) != nil : false
                if stored || !seenIDs.insert(id).inserted {
                    summary.interactionsExisting += 1
                    continue
                }
            }
            var personID = match(record.keys)
            if personID == nil, createPeople, let newPerson = record.newPerson {
                personID = try add(newPerson)
                summary.peopleAdded += 1
            }
            guard let personID else {
                let what = record.keys.map { key -> String in
                    switch key {
                    case .id(let id): return "#\(id)"
                    case .email(let e), .url(let e), .name(let e): return e
                    }
                }.joined(separator: " / ")
                let hint = record.newPerson == nil ? "" : "; --create-people adds them"
                summary.unmatched.append((record.file, record.line, "no person matches \(what)\(hint)"))
                continue
            }
            i.personID = personID
            _ = try insert(i, db)
            touched.insert(personID)
            summary.interactionsAdded += 1
        }
        // Everyone whose history or roles changed gets their state rebuilt; many at once, by one scan.
        if touched.count > 200 {
            try rebuildAllStates(context: context, db)
        } else {
            try ensureFreshStates(context, db)
            for id in touched.sorted() { try rebuildState(id, context: context, db) }
        }
        return summary
    }
}
