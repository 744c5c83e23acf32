import Foundation
import GRDB

/// Why a store operation failed, with a sentence a person can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No store at the path (and the command does not create one).
    case missing(path: String)
    /// The file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not a SQLite database, or is a SQLite database that is not a Ties store.
    case notAStore(path: String, reason: String)
    /// The store was written by a newer Ties.
    case newerSchema(path: String, migration: String)
    /// No person matches a reference.
    case unknownPerson(String)
    /// More than one person matches a reference.
    case ambiguousPerson(String, candidates: [String])
    /// A person with that name exists already.
    case duplicateName(String)
    /// Another record conflicts (a tie that exists, a person tied to themselves, ...).
    case conflict(String)
    /// The store is not empty and the operation needs an empty one.
    case notEmpty(path: String, what: String)
    /// SQLite failed (disk full, locked beyond the busy timeout, I/O error).
    case database(String)

    public var description: String {
        switch self {
        case .missing(let path):
            return
                "no Ties store at \(path); create one with `ties init` (or `ties demo` for a demo network), or point --db or TIES_DB at an existing store"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason); check the path and its permissions"
        case .notAStore(let path, let reason):
            return "\(path) is not a Ties store (\(reason)); pass --db with a store made by `ties init`"
        case .newerSchema(let path, let migration):
            return
                "\(path) was written by a newer version of Ties (it has migration '\(migration)'); upgrade ties to use it"
        case .unknownPerson(let ref):
            return
                "no person matches '\(ref)'; `ties person list` shows everyone (a reference is an id, an exact name, or the start of a name)"
        case .ambiguousPerson(let ref, let candidates):
            return
                "'\(ref)' matches \(candidates.count) people: \(candidates.joined(separator: "; ")); use more of the name or the id"
        case .duplicateName(let name):
            return
                "a person named '\(name)' exists already; names are unique (add a middle initial or the organisation to tell them apart)"
        case .conflict(let message):
            return message
        case .notEmpty(let path, let what):
            return "\(path) already holds \(what); use a new --db path (or remove the file) to load a demo network"
        case .database(let message):
            return "the database failed: \(message)"
        }
    }

    /// Wraps any error from GRDB or SQLite into a ``StoreError``, leaving ``StoreError`` values as they are.
    static func wrap(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError { return .database(error.message ?? "\(error)") }
        return .database("\(error)")
    }
}
