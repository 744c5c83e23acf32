import Foundation

/// A tiny file system of its own (a tmpfs of a few hundred kilobytes) mounted on a fresh folder, for tests of
/// what happens when the disk is full or read-only; unmounted when the value is released.
///
/// Mounting needs root and a kernel that allows it (`mount -t tmpfs`); ``make(kilobytes:)`` returns nil where
/// it cannot, and tests that need it are then skipped (their library-level twins use SQLite's
/// `max_page_count` instead, which works everywhere).
public final class SmallDisk: @unchecked Sendable {
    public let dir = TemporaryDirectory()
    public var url: URL { dir.url }

    private init() {}

    /// Whether this machine lets the tests mount a tmpfs.
    public static let available: Bool = { make(kilobytes: 64) != nil }()

    /// Mounts a tmpfs of `kilobytes` on a new folder.
    public static func make(kilobytes: Int) -> SmallDisk? {
        guard geteuid() == 0 else { return nil }
        let disk = SmallDisk()
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755", "tmpfs", disk.url.path]) else {
            return nil
        }
        return disk
    }

    /// Fills the disk so that only about `kilobytes` stay free; false when the filler could not be written
    /// (a test that relies on a full disk then has nothing to measure).
    public func fill(leaving kilobytes: Int) -> Bool {
        var stats = statvfs()
        guard statvfs(url.path, &stats) == 0 else { return false }
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        let size = max(0, free - kilobytes * 1024)
        return FileManager.default.createFile(
            atPath: url.appendingPathComponent("filler").path, contents: Data(count: size))
    }

    /// Makes the file system read-only (`mount -o remount,ro`).
    @discardableResult
    public func makeReadOnly() -> Bool { Self.run("/bin/mount", ["-o", "remount,ro", url.path]) }

    deinit { Self.run("/bin/umount", ["-l", url.path]) }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
