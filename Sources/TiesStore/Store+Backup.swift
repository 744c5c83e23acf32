import Foundation
import GRDB
internal import GRDBSQLite

extension Store {
    /// A consistent copy of the whole store as the bytes of one SQLite file (no -wal), taken with SQLite's
    /// online backup API while other processes may go on writing: the copy is the store as of one moment.
    ///
    /// The copy is made in memory, so no unencrypted copy touches the disk on the way to an encrypted backup.
    public func snapshotBytes() throws(StoreError) -> Data {
        do {
            let memory = try DatabaseQueue()
            try queue.backup(to: memory)
            var bytes = try memory.writeWithoutTransaction { db -> Data in
                var size: sqlite3_int64 = 0
                guard let pointer = sqlite3_serialize(db.sqliteConnection, "main", &size, 0) else {
                    throw StoreError.database("SQLite could not serialise the copy")
                }
                defer { sqlite3_free(pointer) }
                return Data(bytes: pointer, count: Int(size))
            }
            // Header bytes 18 and 19 say "write-ahead log" in the live store; the copy is one file, so it says
            // "rollback journal" (1). Restoring switches the store back to WAL.
            if bytes.count >= 100 {
                bytes[18] = 1
                bytes[19] = 1
            }
            return bytes
        } catch {
            throw StoreError.wrap(error, path: url.path)
        }
    }

    /// Writes a backup of the store to `destination`: a SQLite file, or an encrypted one (``BackupFile``) when
    /// a passphrase is given. The file is written beside its final name and renamed into place, mode 0600.
    ///
    /// A plain backup is copied page by page into that file (SQLite's backup API), never held in memory:
    /// through ``snapshotBytes()`` a store of a million messages (518 MB) peaked at 1.5 GB. An encrypted one
    /// is made in memory, so that no plain copy touches the disk.
    public func backup(to destination: URL, passphrase: String? = nil) throws(StoreError) {
        guard let passphrase else { return try copyThroughFile(to: destination) }
        var bytes = try snapshotBytes()
        do { bytes = try BackupFile.seal(bytes, passphrase: passphrase) } catch {
            throw .database("cannot encrypt the backup: \(error)")
        }
        try Self.writeAtomically(bytes, to: destination)
    }

    /// The plain backup of ``backup(to:passphrase:)``: the store copied into a temporary file beside
    /// `destination`, switched to rollback-journal mode (one file, as the in-memory copy is), renamed into place.
    private func copyThroughFile(to destination: URL) throws(StoreError) {
        let temporary = try Self.temporaryFile(beside: destination)
        do {
            let copy = try DatabaseQueue(path: temporary.path)
            try queue.backup(to: copy)
            _ = try copy.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch {
            Self.removeFiles(of: temporary)
            throw StoreError.wrap(error, path: destination.path)
        }
        try Self.moveIntoPlace(temporary, destination)
    }

    /// Replaces everything in `target` with this store's contents, in one transaction of `target` (SQLite's
    /// backup API): other connections see the old contents or the new, never a mix.
    public func copy(into target: Store) throws(StoreError) {
        do { try queue.backup(to: target.queue) } catch { throw StoreError.wrap(error, path: target.url.path) }
    }

    /// Closes the connection (checkpointing the write-ahead log into the file); the store cannot be used after.
    public func close() throws(StoreError) {
        do { try queue.close() } catch { throw StoreError.wrap(error, path: url.path) }
    }

    /// Removes the store file at `url` and its -wal and -shm files, if any.
    public static func discard(at url: URL) { removeFiles(of: url) }

    /// Takes a backup beside the store before its schema is migrated, named after the first migration due
    /// (`ties.sqlite.before-v5-x.backup`); kept if it exists already.
    func backUpBeforeMigrating(_ identity: StoreIdentity) throws(StoreError) {
        guard !identity.applied.isEmpty,
            let next = Schema.migrator.migrations.first(where: { !identity.applied.contains($0) })
        else { return }
        let target = URL(fileURLWithPath: url.path + ".before-\(next).backup")
        guard !FileManager.default.fileExists(atPath: target.path) else { return }
        try backup(to: target)
    }

    /// Writes `bytes` to a temporary file in `destination`'s folder (mode 0600), then renames it into place.
    static func writeAtomically(_ bytes: Data, to destination: URL) throws(StoreError) {
        try moveIntoPlace(try temporaryFile(beside: destination, holding: bytes), destination)
    }

    /// A new file `.NAME.PID.tmp` beside `destination` (mode 0600) holding `bytes`.
    /// - Throws: ``StoreError/readOnly(path:folder:)`` for a read-only folder, else a full disk's error.
    private static func temporaryFile(beside destination: URL, holding bytes: Data = Data()) throws(StoreError) -> URL {
        let temporary = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: bytes, attributes: [.posixPermissions: 0o600])
        else {
            try? FileManager.default.removeItem(at: temporary)
            if StoreError.folderIsReadOnly(destination.path) { throw .readOnly(path: destination.path, folder: true) }
            throw .database("cannot write \(destination.path) (is the disk full?)")
        }
        return temporary
    }

    /// Renames `temporary` to `destination`, removing it when that fails.
    private static func moveIntoPlace(_ temporary: URL, _ destination: URL) throws(StoreError) {
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            removeFiles(of: temporary)
            throw .database("cannot move the new file into place at \(destination.path): \(reason)")
        }
    }
}
