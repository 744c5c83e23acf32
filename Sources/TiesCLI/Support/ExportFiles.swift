import Foundation
import ZIPFoundation

/// One file of an export, read into memory: from the command line, from a folder, or from inside a zip.
struct ExportFile {
    /// The name to show: the path given, `folder/name.csv`, or `archive.zip:name.csv`.
    var name: String
    /// The file's last modification, when known (the export's date).
    var modified: Date?
    /// The bytes as stored (not yet transcoded); only the first lines when ``path`` is set.
    var bytes: [UInt8]
    /// For a file larger than ``ExportFiles/streamedAbove``: its path. ``bytes`` then holds its first lines,
    /// enough to tell its kind; a messages file is read from here in blocks, never held whole.
    var path: String? = nil
}

/// The files named on a command line, with folders and zip archives opened: the file reading of
/// `ties import linkedin`.
enum ExportFiles {
    /// Every file `paths` name, in order: a file is itself (a zip, told by its first bytes, is its entries);
    /// a folder is the CSV files under it (and zip archives), sorted by path (hidden ones left out); a zip
    /// is its CSV entries.
    /// - Throws: ``CLIError`` 66 for a path that does not exist or cannot be read; 65 for a damaged zip.
    /// - Parameters:
    ///   - streamedAbove: files larger than this are opened by their first lines only (see
    ///     ``ExportFile/path``).
    ///   - scratch: where such a file inside a zip is unpacked, to be read from disk like any other.
    static func expand(_ paths: [String], streamedAbove: Int = ExportFiles.streamedAbove, scratch: ScratchFolder)
        throws -> [ExportFile]
    {
        var out: [ExportFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError(.noInput, "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                for file in try filesUnder(path) {
                    out += try expandFile(file, streamedAbove: streamedAbove, scratch: scratch)
                }
            } else {
                out += try expandFile(path, streamedAbove: streamedAbove, scratch: scratch)
            }
        }
        return out
    }

    /// Files larger than this (16 MiB) are not read whole when the export is opened: only their first
    /// ``headSize`` bytes, to tell their kind.
    static let streamedAbove = 16 << 20
    static let headSize = 1 << 20

    static func expandFile(_ path: String, streamedAbove: Int, scratch: ScratchFolder) throws -> [ExportFile] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let modified = attributes?[.modificationDate] as? Date
        // A file known to be large has only its head read (reading 16 MiB of a million messages to find that
        // out took 30-40 ms before anything else could start, `perf`).
        let large = ((attributes?[.size] as? NSNumber)?.intValue ?? 0) > streamedAbove
        let bytes = try contents(of: path, limit: large ? min(headSize, streamedAbove + 1) : streamedAbove + 1)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try entries(ofZip: path, streamedAbove: streamedAbove, scratch: scratch)
        }
        guard large || bytes.count > streamedAbove else {
            return [ExportFile(name: path, modified: modified, bytes: bytes)]
        }
        return [ExportFile(name: path, modified: modified, bytes: firstLines(bytes), path: path)]
    }

    /// The first whole lines of `bytes`, at most ``headSize`` bytes.
    static func firstLines(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        if bytes.count > headSize { bytes.removeSubrange(headSize...) }
        if let last = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) { bytes.removeSubrange((last + 1)...) }
        return bytes
    }

    /// `file` with all its bytes (when only its first lines were read).
    static func whole(_ file: ExportFile) throws -> ExportFile {
        guard let path = file.path else { return file }
        return ExportFile(name: file.name, modified: file.modified, bytes: try contents(of: path))
    }

    /// The file's bytes (at most `limit` of them), read straight into one array (a 1 GB file is held once,
    /// not also as `Data`).
    static func contents(of path: String, limit: Int = .max) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CLIError(.noInput, "\(path): cannot read it") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CLIError(.noInput, "\(path): cannot read it") }
        var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), limit))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done)
            }
            guard n > 0 else { break }
            done += n
        }
        guard done == bytes.count else { throw CLIError(.ioError, "\(path): the file changed while it was read") }
        return bytes
    }

    /// The regular files under `folder`, sorted by path, without hidden ones. A folder given by a symbolic
    /// link is walked where it points (the enumerator does not follow a link, and said such a folder held no
    /// file); the files keep the path given.
    static func filesUnder(_ folder: String) throws -> [String] {
        let target = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: target) else {
            throw CLIError(.noInput, "\(folder): cannot read the folder")
        }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = (folder as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            let ext = (relative as NSString).pathExtension.lowercased()
            guard ext == "csv" || ext == "zip" else { continue }
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// The files inside the zip archive at `path`, sorted by their path in the archive, read in process; one
    /// larger than `streamedAbove` is unpacked into `scratch` and opened by its first lines, as a large file
    /// on disk is (a 176 MB messages file was held in memory whole).
    static func entries(ofZip path: String, streamedAbove: Int, scratch: ScratchFolder) throws -> [ExportFile] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw CLIError(.data, "\(path): not a zip archive that can be read (\(error))")
        }
        var out: [ExportFile] = []
        for entry in archive.sorted(by: { $0.path < $1.path }) where entry.type == .file {
            if entry.path.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0 == "__MACOSX" }) { continue }
            guard entry.path.lowercased().hasSuffix(".csv") else { continue }
            let name = "\(path):\(entry.path)"
            let modified = entry.fileAttributes[.modificationDate] as? Date
            if entry.uncompressedSize > UInt64(streamedAbove) {
                let unpacked = try unpack(entry, of: archive, named: name, into: scratch)
                out.append(
                    ExportFile(
                        name: name, modified: modified, bytes: firstLines(try contents(of: unpacked, limit: headSize)),
                        path: unpacked))
                continue
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in bytes.append(contentsOf: chunk) }
            } catch {
                throw CLIError(.data, "\(path):\(entry.path): the archive is damaged (\(error))")
            }
            out.append(ExportFile(name: name, modified: modified, bytes: bytes))
        }
        return out
    }

    /// Unpacks `entry` into a new file in `scratch`; returns its path.
    /// - Throws: ``CLIError`` 65 for a damaged archive, 73 when the file cannot be written (a full disk).
    static func unpack(_ entry: Entry, of archive: Archive, named name: String, into scratch: ScratchFolder) throws
        -> String
    {
        let target = try scratch.newFile(for: name)
        guard let out = fopen(target, "wb") else {
            throw CLIError(.cantCreate, scratch.cannotWrite(name, String(cString: strerror(errno))))
        }
        var writeError: Int32 = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                let written = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, out) }
                if written != chunk.count && writeError == 0 { writeError = errno }
            }
        } catch {
            fclose(out)
            throw CLIError(.data, "\(name): the archive is damaged (\(error))")
        }
        if fclose(out) != 0 && writeError == 0 { writeError = errno }
        guard writeError == 0 else {
            throw CLIError(.cantCreate, scratch.cannotWrite(name, String(cString: strerror(writeError))))
        }
        return target
    }
}
