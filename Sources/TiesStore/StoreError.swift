import Foundation
import GRDB

/// Why a store operation failed, with a sentence a person can act on.
///
/// The messages speak of the store, never of a command-line option or command: the CLI adds those (see
/// `CLIError` in TiesCLI), so the library can be used without it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    // MARK: Opening the file

    /// No store at the path (and the operation does not create one).
    case missing(path: String)
    /// The file exists but cannot be read (permissions, a folder in the way).
    case unreadable(path: String, reason: String)
    /// The file is not a SQLite database, or is a SQLite database that is not a Ties store.
    case notAStore(path: String, reason: String)
    /// The store was written by a newer Ties: its schema `version` is above what this Ties knows (`known`);
    /// `migration` names the first step this Ties does not know.
    case newerSchema(path: String, migration: String, version: Int? = nil, known: Int? = nil)
    /// Another process held the store for longer than the busy timeout.
    case busy(path: String, seconds: Double)
    /// The store, or the folder it is in, cannot be written (`folder` says which).
    case readOnly(path: String, folder: Bool)
    /// The disk (or the file system) has no space left.
    case diskFull(path: String)

    // MARK: People and records

    /// No person matches a reference.
    case unknownPerson(String)
    /// More than one person matches a reference.
    case ambiguousPerson(String, candidates: [String])
    /// A person with that name exists already.
    case duplicateName(String)
    /// A tie between a person and themselves, or a merge of a person into themselves (the id).
    case samePerson(Int64)
    /// The two people (their names) are tied already.
    case alreadyTied([String])
    /// No role was inferred for the person (the id), so there is nothing to confirm or reject.
    case noInferredRole(Int64, role: String)
    /// No commitment with that id.
    case unknownCommitment(Int64)
    /// The commitment was done already, at the given time.
    case commitmentDone(Int64, at: String)
    /// The commitment cannot be done before it was made.
    case commitmentBeforeCreation(Int64, created: String, given: String)
    /// The user has no detail of that kind (email, phone, address) in effect on the day.
    case missingDetail(kind: String, day: String)
    /// No merge with that id (nil: there is no merge at all).
    case unknownMerge(Int64?)
    /// The merge cannot be undone exactly: what stands in the way.
    case unmergeBlocked(Int64, problems: [String], hint: String)
    /// The record of a merge cannot be read (`reason`), or was written by a newer Ties (`newerFormat`).
    case unreadableMergeRecord(Int64, reason: String, newerFormat: Int? = nil)
    /// A person has rows in a table this version does not know how to move.
    case unknownReferences(name: String, id: Int64, count: Int, table: String)
    /// A scoring configuration was refused (the reason).
    case invalidConfiguration(String)
    /// The stored scoring configuration cannot be read.
    case unreadableConfiguration(String)
    /// The store is not empty and the operation needs an empty one.
    case notEmpty(path: String, what: String)
    /// A backup file cannot be used (the reason).
    case badBackup(path: String, reason: String)
    /// No record of this kind has this id; nothing was written.
    case unknownRecord(RecordKind, Int64)
    /// A detail of the user's cannot be removed: this many disclosures record that someone holds it.
    case detailDisclosed(Int64, disclosures: Int)
    /// A correction that would leave a record wrong; nothing was written.
    case invalidRecord(RecordProblem)
    /// An undo that cannot be made; nothing was written.
    case undoRefused(UndoRefusal)
    /// A search with no word to look for (the text given).
    case nothingToSearch(String)
    /// SQLite failed in a way not named above (an I/O error, a constraint).
    case database(String)

    public var description: String {
        if let text = openingDescription { return text }
        if let text = recordDescription { return text }
        switch self {
        case .notEmpty(let path, let what): return "\(path) already holds \(what)"
        case .badBackup(let path, let reason): return "\(path) cannot be restored: \(reason); nothing was replaced"
        case .database(let message): return "the database failed: \(message)"
        case .invalidRecord(let problem): return "\(problem); nothing changed"
        case .undoRefused(let refusal): return refusal.description
        case .nothingToSearch(let text): return "nothing to search for in '\(text)'"
        case .unknownRecord(let kind, let id): return "there is no \(kind.noun) #\(id); nothing changed"
        case .detailDisclosed(let id, let count):
            return
                "\(count) disclosure\(count == 1 ? " records" : "s record") that someone holds detail #\(id); nothing changed"
        default: return "\(self)"
        }
    }

    private var openingDescription: String? {
        switch self {
        case .missing(let path):
            return "no Ties store at \(path)"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason); check the path and its permissions"
        case .notAStore(let path, let reason):
            return "\(path) is not a Ties store (\(reason)); it was left as it was"
        case .newerSchema(let path, let migration, let version, let known):
            let which = version.map { "schema version \($0); this Ties knows up to \(known ?? 0)" } ?? "it has"
            return
                "\(path) was written by a newer version of Ties (\(which), migration '\(migration)'); upgrade Ties to use it"
        case .busy(let path, let seconds):
            return
                "\(path) is busy: another process kept it locked for more than \(Self.seconds(seconds)); try again when it has finished"
        case .readOnly(let path, let folder):
            return folder
                ? "the folder of \(path) is read-only, and SQLite needs to create files beside the store; make the folder writable"
                : "\(path) is read-only; make it writable (chmod u+w) to change it"
        case .diskFull(let path):
            return "no space left on the disk that holds \(path); free some space and try again (nothing was changed)"
        default: return nil
        }
    }

    private var recordDescription: String? {
        switch self {
        case .unknownPerson(let ref):
            return "no person matches '\(ref)' (a reference is an id, an exact name, or the start of a name)"
        case .ambiguousPerson(let ref, let candidates):
            return
                "'\(ref)' matches \(candidates.count) people: \(candidates.joined(separator: "; ")); use more of the name or the id"
        case .duplicateName(let name):
            return
                "a person named '\(name)' exists already; names are unique (add a middle initial or the organisation to tell them apart)"
        case .samePerson(let id):
            return "a person cannot be tied to or merged into themselves (#\(id)); name two different people"
        case .alreadyTied(let names): return "\(names.joined(separator: " and ")) are already tied; nothing changed"
        case .noInferredRole(let id, let role):
            return "no \(role) role was inferred for #\(id)"
        case .unknownCommitment(let id): return "no commitment #\(id)"
        case .commitmentDone(let id, let at):
            return "commitment #\(id) was already marked done at \(at); nothing changed"
        case .commitmentBeforeCreation(let id, let created, let given):
            return "commitment #\(id) was made at \(created); it cannot be done before that (given \(given))"
        case .missingDetail(let kind, let day): return "you have no \(kind) on record as of \(day)"
        case .unknownMerge(let id): return id.map { "no merge #\($0)" } ?? "there is no merge to undo"
        case .unmergeBlocked(let id, let problems, let hint):
            let shown = problems.prefix(4).joined(separator: "; ")
            let more = problems.count > 4 ? "; and \(problems.count - 4) more" : ""
            return "cannot undo merge #\(id) exactly, nothing changed: \(shown)\(more)\(hint)"
        case .unreadableMergeRecord(let id, let reason, let format):
            if let format {
                return "the record of merge #\(id) was written by a newer version of Ties (format \(format))"
            }
            return "the record of merge #\(id) cannot be read (\(reason)); nothing changed"
        case .unknownReferences(let name, let id, let count, let table):
            return
                "\(name) (#\(id)) has \(count) row(s) in table '\(table)', which this version of merge does not know how to move; nothing changed"
        case .invalidConfiguration(let reason): return reason
        case .unreadableConfiguration(let reason):
            return "the stored scoring configuration cannot be read (\(reason))"
        default: return nil
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) seconds" : "\(value) seconds"
    }

    /// Wraps any error from GRDB or SQLite into a ``StoreError``, leaving ``StoreError`` values as they are.
    /// Busy, disk-full and read-only failures get an empty path, which ``wrap(_:path:busyTimeout:)`` fills in.
    static func wrap(_ error: any Error) -> StoreError { wrap(error, path: "") }

    /// Wraps an error met on the store at `path`, naming the busy, read-only and disk-full cases exactly.
    static func wrap(_ error: any Error, path: String, busyTimeout: Double = Store.busyTimeout) -> StoreError {
        if let error = error as? StoreError {
            switch error {
            case .busy("", let seconds): return .busy(path: path, seconds: seconds)
            case .diskFull(""): return .diskFull(path: path)
            case .readOnly("", _):
                return .readOnly(path: path, folder: access(path, W_OK) == 0 && folderIsReadOnly(path))
            default: return error
            }
        }
        guard let error = error as? DatabaseError else { return .database("\(error)") }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, seconds: busyTimeout)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY:
            return .readOnly(path: path, folder: !path.isEmpty && access(path, W_OK) == 0 && folderIsReadOnly(path))
        case .SQLITE_CANTOPEN where !path.isEmpty && folderIsReadOnly(path): return .readOnly(path: path, folder: true)
        default: return .database(error.message ?? "\(error)")
        }
    }

    /// Whether the folder holding `path` cannot be written (SQLite creates the -wal and -shm files there).
    static func folderIsReadOnly(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(folder.isEmpty ? "." : folder, W_OK) != 0
    }
}
