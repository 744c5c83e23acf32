import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file a command writes with `--out`: every command that writes a file goes through here, so all of
/// them behave alike.
///
/// - A regular file is written to a temporary file in the same folder (created mode 0600: what Ties writes
///   holds personal data), flushed to disk with `fsync`, then moved into place with one atomic rename: a
///   failure at any point leaves what was there before whole, and no reader ever sees half a file.
/// - An existing file is refused unless `force` (exit 73); with `force` it is replaced, mode 0600.
/// - A symbolic link is followed: its target is written (through a temporary beside the target) and the
///   link stays a link.
/// - A device, a FIFO, a socket, `/dev/stdout` or `/dev/fd/N` is written straight through, never replaced.
/// - A folder is refused (exit 73). A file that cannot be created is exit 73 with the path and the reason;
///   a write that fails once started (a full disk) is exit 74.
///
/// ```swift
/// try OutputFile(path: "people.csv").write(Data(text.utf8), force: false)
/// ```
struct OutputFile {
    /// The path as the user gave it.
    var path: String

    /// What writing to ``path`` means.
    enum Target: Equatable {
        /// A regular file at `path` (symbolic links resolved), which exists or not.
        case regular(path: String, exists: Bool)
        /// An open descriptor to write straight to: standard output, `/dev/fd/N`.
        case descriptor(Int32)
        /// A device, FIFO or socket, opened and written straight through.
        case stream(path: String)
    }

    /// What writing to ``path`` means, following symbolic links.
    /// - Throws: ``CLIError`` 73 for a folder, a loop of links, or a path that cannot be examined.
    func target() throws(CLIError) -> Target {
        if let descriptor = Self.descriptor(named: path) { return .descriptor(descriptor) }
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                let failure = errno
                if failure == ENOENT { return .regular(path: current, exists: false) }
                throw cannotCreate(current, reason: failure)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let destination = Self.linkDestination(current) else {
                    throw cannotCreate(current, reason: errno)
                }
                let folder = (current as NSString).deletingLastPathComponent
                current = destination.hasPrefix("/") || folder.isEmpty ? destination : folder + "/" + destination
            case S_IFDIR:
                throw CLIError(.cantCreate, "--out: \(path) is a folder; expected a file name")
            case S_IFREG:
                return .regular(path: current, exists: true)
            default:
                return .stream(path: current)
            }
        }
        throw CLIError(.cantCreate, "--out: \(path): too many levels of symbolic links")
    }

    /// Refuses early what ``write(_:force:)`` would refuse at the end — a folder, an existing file without
    /// `force`, a folder that does not exist or cannot be written — so that a command can check before it
    /// does any work. ``write(_:force:)`` checks again (the file system may change meanwhile).
    /// - Throws: ``CLIError`` 73.
    func check(force: Bool) throws(CLIError) {
        guard case .regular(let target, let exists) = try target() else { return }
        if exists && !force {
            throw CLIError(.cantCreate, "--out: \(path) exists; nothing was written (use --force to replace it)")
        }
        let folder = (target as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK | X_OK) != 0 { throw cannotCreate(target, reason: errno) }
    }

    /// Writes `data` to ``path`` as the type's summary describes.
    /// - Parameter force: replace an existing regular file.
    /// - Throws: ``CLIError`` 73 when the file exists (without `force`) or cannot be created, 74 when writing
    ///   fails.
    func write(_ data: Data, force: Bool) throws(CLIError) {
        switch try target() {
        case .descriptor(let descriptor):
            if descriptor == 1 {
                StandardStreams.write(String(decoding: data, as: UTF8.self))
            } else if let failure = Self.writeAll(data, to: descriptor) {
                throw cannotWrite(path, reason: failure)
            }
        case .stream(let streamPath):
            let descriptor = open(streamPath, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw cannotCreate(path, reason: errno) }
            defer { close(descriptor) }
            if let failure = Self.writeAll(data, to: descriptor) { throw cannotWrite(path, reason: failure) }
        case .regular(let target, let exists):
            if exists && !force {
                throw CLIError(.cantCreate, "--out: \(path) exists; nothing was written (use --force to replace it)")
            }
            let temporary = try writeTemporary(data, beside: target)
            try commit(temporary, to: target, replacing: force)
        }
    }

    /// Writes `data` to a new hidden file (mode 0600) in the folder of `target`, flushed to disk.
    /// - Returns: the temporary file's path; the caller renames it into place or removes it.
    func writeTemporary(_ data: Data, beside target: String) throws(CLIError) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw cannotCreate(target, reason: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure = Self.writeAll(data, to: descriptor)
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw cannotWrite(target, reason: failure)
        }
        return temporary
    }

    /// Moves `temporary` to `target` atomically: with `rename` when replacing, else with `link`, which
    /// refuses a file that appeared meanwhile. Then flushes the folder, so the new name survives a crash.
    func commit(_ temporary: String, to target: String, replacing: Bool) throws(CLIError) {
        let moved = replacing ? rename(temporary, target) : link(temporary, target)
        let failure = errno
        if moved != 0 {
            unlink(temporary)
            if failure == EEXIST {
                throw CLIError(.cantCreate, "--out: \(path) exists; nothing was written (use --force to replace it)")
            }
            throw cannotCreate(target, reason: failure)
        }
        if !replacing { unlink(temporary) }
        let folder = (target as NSString).deletingLastPathComponent
        let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    func cannotCreate(_ file: String, reason: Int32) -> CLIError {
        CLIError(
            .cantCreate,
            "--out: cannot create \(file): \(String(cString: strerror(reason))); check that the folder exists and is writable"
        )
    }

    func cannotWrite(_ file: String, reason: Int32) -> CLIError {
        CLIError(.ioError, "--out: cannot write \(file): \(String(cString: strerror(reason))); nothing was replaced")
    }

    /// The descriptor a path names directly: `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`,
    /// `/proc/self/fd/N`.
    static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// Where the symbolic link at `path` points, as written in the link.
    static func linkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes all of `data` to `descriptor`; nil on success, else the `errno`.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { StandardStreams.writeAll($0.bindMemory(to: UInt8.self), to: descriptor) }
    }
}

/// Writes a command's output to the file `path` through ``OutputFile``, or to standard output when `path`
/// is nil.
/// - Throws: ``CLIError`` 73 or 74; see ``OutputFile/write(_:force:)``.
func emitOutput(_ text: String, to path: String?, force: Bool) throws {
    guard let path else {
        write(text)
        return
    }
    try OutputFile(path: path).write(Data(text.utf8), force: force)
}

/// The checks every command with `--out FILE` and `--force` makes before running.
func validateOutput(_ out: String?, force: Bool, example: String) throws {
    if let out, out.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("--out: '' is empty; expected a file name, e.g. --out \(example)")
    }
    if force && out == nil {
        throw ValidationError("--force: goes with --out FILE; without --out nothing is written")
    }
}
