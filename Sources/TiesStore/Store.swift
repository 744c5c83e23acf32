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

    private init(url: URL, readOnly: Bool) throws {
        self.url = url
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        // WAL is switched on once, when the file is created (the mode is stored in the file). GRDB's
        // `journalMode = .wal` would also create and drop a table on every open to make the -wal file exist,
        // which changes the file even for a command that then fails.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            // An INSERT OR REPLACE fires the delete triggers of the row it replaces only with this on, and
            // the change log's triggers must see that row (ChangeLog).
            try db.execute(sql: "PRAGMA recursive_triggers = ON")
        }
        configuration.label = "ties"
        queue = try DatabaseQueue(path: url.path, configuration: configuration)
    }

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
            throw .unreadable(path: url.path, reason: "cannot create its folder: \(error.localizedDescription)")
        }
        guard fileManager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw .unreadable(path: url.path, reason: "cannot create the file")
        }
        do {
            let store = try Store(url: url, readOnly: false)
            try store.queue.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreError.database("could not switch \(url.path) to write-ahead logging")
                }
            }
            try Schema.migrate(store.queue)
            return store
        } catch {
            try? fileManager.removeItem(at: url)
            throw StoreError.wrap(error)
        }
    }

    /// Opens the existing store at `url` and brings its schema up to date.
    ///
    /// The file is checked read-only first, so a file that is not a Ties store is left exactly as it was.
    /// - Throws: ``StoreError/missing(path:)``, ``StoreError/unreadable(path:reason:)``,
    ///   ``StoreError/notAStore(path:reason:)``, ``StoreError/newerSchema(path:migration:)``.
    public static func open(at url: URL, readOnly: Bool = false) throws(StoreError) -> Store {
        let path = url.path
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        if isDirectory.boolValue { throw .notAStore(path: path, reason: "it is a folder") }
        guard fileManager.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        let size = (try? fileManager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { throw .notAStore(path: path, reason: "the file is empty") }
        let upToDate = try check(url)
        do {
            let store = try Store(url: url, readOnly: readOnly)
            // Migrating an up-to-date store still bumps SQLite's schema cookie; skip it so that a command
            // that fails leaves the file byte-identical.
            if !readOnly && !upToDate { try Schema.migrate(store.queue) }
            return store
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Checks, read-only, that `url` is a Ties store this version understands.
    /// - Returns: whether every known migration has been applied.
    private static func check(_ url: URL) throws(StoreError) -> Bool {
        let path = url.path
        let applied: [String]
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let probe = try DatabaseQueue(path: path, configuration: configuration)
            applied = try probe.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            try probe.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notAStore(path: path, reason: "it is not a SQLite database")
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_PERM
        {
            throw .unreadable(path: path, reason: error.message ?? "cannot open")
        } catch {
            throw .notAStore(path: path, reason: "\(error)")
        }
        guard applied.contains("v1") else {
            throw .notAStore(path: path, reason: "it is a SQLite database without Ties tables")
        }
        let known = Set(Schema.migrator.migrations)
        if let unknown = applied.sorted().first(where: { !known.contains($0) }) {
            throw .newerSchema(path: path, migration: unknown)
        }
        return Set(applied) == known
    }

    /// Runs `body` in one write transaction, recorded as one change (``recordChanges(as:)``), turning any
    /// failure into a ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        let command = changeLabel.command
        do {
            return try queue.write { db in try Self.recordingChange(command, db) { try body(db) } }
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Runs `body` in a read transaction, turning any failure into a ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try queue.read(body) } catch { throw StoreError.wrap(error) }
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
