import Foundation
import GRDB

/// What ``Store/restore(from:to:passphrase:at:)`` did.
public struct RestoreSummary: Equatable, Sendable {
    /// Where the store that was replaced was kept (nil when there was none).
    public var keptAt: URL?
    /// The restored store's counts.
    public var people: Int
    public var interactions: Int
}

extension Store {
    /// Replaces the store at `storeURL` with the backup at `backupURL`, after checking the backup.
    ///
    /// The backup is opened (decrypted with `passphrase` when it is encrypted), written to a temporary file
    /// beside the store and checked there: SQLite's integrity and foreign-key checks, the application id and
    /// the schema version (``StoreIdentity``). Only then is the current store, if any, renamed to
    /// `NAME.replaced-STAMP` beside it (after its write-ahead log is checkpointed into it), and the restored
    /// file renamed into place. Migrations the backup lacks run on its next open, as for any older store.
    /// - Throws: ``StoreError/badBackup(path:reason:)`` for a backup that fails a check; nothing is replaced.
    public static func restore(
        from backupURL: URL, to storeURL: URL, passphrase: String?, at now: Date
    ) throws(StoreError) -> RestoreSummary {
        let bytes = try openBackup(backupURL, passphrase: passphrase)
        let temporary = storeURL.deletingLastPathComponent().appendingPathComponent(
            ".\(storeURL.lastPathComponent).restore-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(
                at: storeURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .readOnly(path: storeURL.path, folder: true)
        }
        try writeAtomically(bytes, to: temporary)
        defer { removeFiles(of: temporary) }
        let counts = try verifyRestored(temporary, backupPath: backupURL.path)
        let kept = try setAside(storeURL, at: now)
        guard rename(temporary.path, storeURL.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if let kept { _ = rename(kept.path, storeURL.path) }
            throw .database("cannot move the restored store into place at \(storeURL.path): \(reason)")
        }
        return RestoreSummary(keptAt: kept, people: counts.people, interactions: counts.interactions)
    }

    /// The SQLite bytes of a backup file.
    static func openBackup(_ url: URL, passphrase: String?) throws(StoreError) -> Data {
        guard let file = FileManager.default.contents(atPath: url.path) else {
            if FileManager.default.fileExists(atPath: url.path) {
                throw .unreadable(path: url.path, reason: "permission denied, or it is a folder")
            }
            throw .missing(path: url.path)
        }
        do throws(BackupFile.Failure) {
            return try BackupFile.open(file, passphrase: passphrase)
        } catch {
            switch error {
            case .needsPassphrase:
                throw .badBackup(path: url.path, reason: "it is encrypted and no passphrase was given")
            case .wrongPassphrase:
                throw .badBackup(path: url.path, reason: "the passphrase is wrong, or the file was altered")
            case .unrecognised(let reason):
                throw .badBackup(path: url.path, reason: reason)
            }
        }
    }

    /// Checks a restored file: a Ties store this version understands, whole, with no broken references; then
    /// switches it to write-ahead logging. - Returns: its people and interactions.
    static func verifyRestored(_ url: URL, backupPath: String) throws(StoreError) -> (people: Int, interactions: Int) {
        do {
            _ = try StoreIdentity.check(url)
        } catch {
            throw .badBackup(path: backupPath, reason: error.description)
        }
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration(readOnly: false))
            defer { try? queue.close() }
            let problems = try queue.read { db in try integrityProblems(db) }
            guard problems.isEmpty else {
                throw StoreError.badBackup(path: backupPath, reason: problems.prefix(5).joined(separator: "; "))
            }
            try queue.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            return try queue.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction") ?? 0
                )
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
        {
            throw .badBackup(path: backupPath, reason: "it is damaged (\(error.message ?? "corrupt"))")
        } catch {
            throw StoreError.wrap(error, path: url.path)
        }
    }

    /// SQLite's integrity check and foreign-key check, as sentences (none when all is well).
    static func integrityProblems(_ db: Database) throws -> [String] {
        var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            .map { "integrity: \($0)" }
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row[0]
            let rowid: Int64? = row[1]
            let parent: String = row[2]
            problems.append(
                "foreign key: a row of \(table) (rowid \(rowid.map(String.init) ?? "?")) refers to a missing \(parent)")
        }
        return problems
    }

    /// Moves the store at `url` aside to `NAME.replaced-STAMP`, first folding its write-ahead log into it, so
    /// the kept file is whole by itself. - Returns: where it was kept, or nil when there was no store.
    static func setAside(_ url: URL, at now: Date) throws(StoreError) -> URL? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        if (try? StoreIdentity.check(url)) != nil {
            do {
                let queue = try DatabaseQueue(path: url.path, configuration: configuration(readOnly: false))
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
                try queue.close()
            } catch {
                throw StoreError.wrap(error, path: url.path)
            }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let kept = URL(fileURLWithPath: url.path + ".replaced-\(formatter.string(from: now))")
        guard rename(url.path, kept.path) == 0 else {
            throw .database("cannot move the current store aside to \(kept.path): \(String(cString: strerror(errno)))")
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
        return kept
    }
}
