import Foundation
import GRDB
import TiesCore

/// The user's network in one SQLite file.
///
/// The file is created with mode 0600 (it holds other people's contact details), uses write-ahead logging,
/// enforces foreign keys and waits up to five seconds for another `ties` process's write to finish rather
/// than failing with "database is locked". Every operation that writes is one transaction: it happens
/// whole or not at all.
///
/// ```swift
/// let store = try Store.create(at: url)
/// let dana = try store.addPerson(Person(name: "Dana Reyes", roles: [.recruiter]), at: now)
/// ```
public final class Store: Sendable {
    /// Where the file is.
    public let url: URL
    let queue: DatabaseQueue
    /// What the changes this object writes are recorded as (see ``recordChanges(as:)``).
    let changeLabel = ChangeLabel()

    /// SQLite's `application_id` of a Ties store: the bytes "TIES" (0x54494553), in the file header at
    /// offset 68. A file with another non-zero id belongs to another application and is never opened.
    public static let applicationID: Int32 = 0x5449_4553

    /// How long an operation waits for another process's write to finish before giving up as busy.
    public static let busyTimeout: Double = 5

    /// The schema version a store made by this Ties has (`PRAGMA user_version`): the number of its
    /// migrations.
    public static var schemaVersion: Int { Schema.migrator.migrations.count }

    private init(url: URL, readOnly: Bool) throws {
        self.url = url
        queue = try DatabaseQueue(path: url.path, configuration: Self.configuration(readOnly: readOnly))
    }

    /// The connection settings of every connection to a store, the probe made on open included: the busy
    /// timeout is set before any statement runs, so nothing fails at once because another process writes.
    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        // WAL is switched on once, when the file is created (the mode is stored in the file). GRDB's
        // `journalMode = .wal` would also create and drop a table on every open to make the -wal file exist,
        // which changes the file even for a command that then fails.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            // An INSERT OR REPLACE fires the delete triggers of the row it replaces only with this on, and
            // the change log's triggers must see that row (ChangeLog).
            try db.execute(sql: "PRAGMA recursive_triggers = ON")
        }
        configuration.label = "ties"
        return configuration
    }

    /// The page size of a store made by ``create(at:)``: 16 KiB, not SQLite's 4 KiB. Fixed when the file is
    /// made (a store made before keeps its own). A large import writes a quarter as many pages, each b-tree
    /// has fewer levels and splits, and the commit writes a quarter as many write-ahead log frames; a million
    /// LinkedIn messages into a store of their 10,000 connections: the importing thread's `perf` samples
    /// 5,280-5,960 → 4,680-5,090, wall time 0.45-0.7 s less (Benchmarks/README.md). The `sqlite3` shell, the same
    /// million rows inserted, indexed and committed: 2.6-3.1 s with 4 KiB pages, 2.0-2.3 s with 16 KiB, 1.9-2.0 s
    /// with 64 KiB (`Benchmarks/page-size.sh`). Reports read the same (the first: 2.07 s and 2.01 s, one run
    /// each). The price: a new, empty store is 850 KB instead of 250 KB.
    static let pageSize = 16_384

    /// Creates a store at `url`, or opens the one there, and brings its schema up to date.
    ///
    /// A missing parent folder is created. An existing file must be a Ties store already.
    /// - Throws: ``StoreError``.
    public static func create(at url: URL) throws(StoreError) -> Store {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: url.path) {
            return try open(at: url)
        }
        do {
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            if StoreError.folderIsReadOnly(url.path) { throw .readOnly(path: url.path, folder: true) }
            throw .unreadable(path: url.path, reason: "cannot create its folder: \(error.localizedDescription)")
        }
        guard fileManager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            if StoreError.folderIsReadOnly(url.path) { throw .readOnly(path: url.path, folder: true) }
            throw .unreadable(path: url.path, reason: "cannot create the file")
        }
        do {
            let store = try Store(url: url, readOnly: false)
            try store.queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreError.database("could not switch \(url.path) to write-ahead logging")
                }
            }
            try Schema.migrate(store.queue)
            try store.queue.write { db in try stamp(db) }
            return store
        } catch {
            removeFiles(of: url)
            throw StoreError.wrap(error, path: url.path)
        }
    }

    /// Opens the existing store at `url` and brings its schema up to date.
    ///
    /// The file is checked read-only first (``StoreIdentity``), so a file that is not a Ties store is left
    /// exactly as it was. When migrations are due, a backup of the store is taken beside it first.
    /// - Throws: ``StoreError/missing(path:)``, ``StoreError/unreadable(path:reason:)``,
    ///   ``StoreError/notAStore(path:reason:)``, ``StoreError/newerSchema(path:migration:version:known:)``,
    ///   ``StoreError/busy(path:seconds:)``, ``StoreError/readOnly(path:folder:)``.
    public static func open(at url: URL, readOnly: Bool = false) throws(StoreError) -> Store {
        let identity = try StoreIdentity.check(url)
        do {
            let store = try Store(url: url, readOnly: readOnly)
            if !readOnly { try store.useWriteAheadLog() }
            // Migrating an up-to-date store still bumps SQLite's schema cookie; skip it so that a command
            // that fails leaves the file byte-identical. A store made before application ids is stamped by
            // its next write (see ``write(_:)``).
            if !readOnly && !identity.upToDate {
                try store.backUpBeforeMigrating(identity)
                try Schema.migrate(store.queue)
                try store.queue.write { db in try stamp(db) }
            }
            return store
        } catch {
            throw StoreError.wrap(error, path: url.path)
        }
    }

    /// Puts a store that is not in write-ahead-log mode back in it: one that a large import left in
    /// rollback-journal mode (``switchToRollbackJournal(_:)``) because the process ended during it or another
    /// process had the file open when it finished. A store in WAL mode is not written to. When another process
    /// has the file open, it stays as it is (it works the same, readers waiting for writers) until a later open.
    private func useWriteAheadLog() throws {
        try queue.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" else { return }
            _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
    }

    /// Marks the file as a Ties store of this schema version: its `application_id`, and its `user_version`
    /// when that is lower. Runs inside a write transaction, so a store is stamped only by a write that
    /// succeeds.
    static func stamp(_ db: Database) throws {
        if try Int32.fetchOne(db, sql: "PRAGMA application_id") != applicationID {
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        let applied = try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") ?? 0
        if try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 < applied {
            try db.execute(sql: "PRAGMA user_version = \(applied)")
        }
    }

    /// Removes the store file and its -wal and -shm files, if any.
    static func removeFiles(of url: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }

    /// Runs `body` in one write transaction (stamping the file as a Ties store if it is not yet), recorded as
    /// one change (``recordChanges(as:)``), turning any failure into a ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        let command = changeLabel.command
        do {
            return try queue.write { db in
                try Self.stamp(db)
                return try Self.recordingChange(command, db) { try body(db) }
            }
        } catch {
            throw StoreError.wrap(error, path: url.path)
        }
    }

    /// Runs `body` in a read transaction, turning any failure into a ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try queue.read(body) } catch { throw StoreError.wrap(error, path: url.path) }
    }
}

extension Store {
    /// Resolves where the store lives: `--db` if given, else `$TIES_DB`, else `$XDG_DATA_HOME/ties/ties.sqlite`,
    /// else `~/.local/share/ties/ties.sqlite`.
    public static func location(flag: String?, environment: [String: String]) -> URL {
        func expand(_ path: String) -> URL {
            if path.hasPrefix("~/"), let home = environment["HOME"] {
                return URL(fileURLWithPath: home + path.dropFirst())
            }
            return URL(fileURLWithPath: path)
        }
        if let flag, !flag.isEmpty { return expand(flag) }
        if let path = environment["TIES_DB"], !path.isEmpty { return expand(path) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("ties/ties.sqlite")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/ties/ties.sqlite")
    }
}
