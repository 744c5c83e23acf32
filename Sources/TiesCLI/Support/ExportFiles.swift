import Foundation
import ZIPFoundation

/// One file of an export, read into memory: from the command line, from a folder, or from inside a zip.
struct ExportFile {
    /// The name to show: the path given, `folder/name.csv`, or `archive.zip:name.csv`.
    var name: String
    /// The file's last modification, when known (the export's date).
    var modified: Date?
    /// The bytes as stored (not yet transcoded).
    var bytes: [UInt8]
}

/// The files named on a command line, with folders and zip archives opened: the file reading of
/// `ties import linkedin`.
enum ExportFiles {
    /// Every file `paths` name, in order: a file is itself (a zip, told by its first bytes, is its entries);
    /// a folder is the CSV files under it (and zip archives), sorted by path (hidden ones left out); a zip
    /// is its CSV entries.
    /// - Throws: ``CLIError`` 66 for a path that does not exist or cannot be read; 65 for a damaged zip.
    static func expand(_ paths: [String]) throws -> [ExportFile] {
        var out: [ExportFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError(.noInput, "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                for file in try filesUnder(path) { out += try expandFile(file) }
            } else {
                out += try expandFile(path)
            }
        }
        return out
    }

    static func expandFile(_ path: String) throws -> [ExportFile] {
        let bytes = try contents(of: path)
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try entries(ofZip: path)
        }
        return [ExportFile(name: path, modified: modified, bytes: bytes)]
    }

    /// The file's bytes, read straight into one array (a 1 GB messages file is held once, not also as `Data`).
    static func contents(of path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CLIError(.noInput, "\(path): cannot read it") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CLIError(.noInput, "\(path): cannot read it") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
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

    /// The regular files under `folder`, sorted by path, without hidden ones.
    static func filesUnder(_ folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
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

    /// The files inside the zip archive at `path`, sorted by their path in the archive, read in process.
    static func entries(ofZip path: String) throws -> [ExportFile] {
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
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in bytes.append(contentsOf: chunk) }
            } catch {
                throw CLIError(.data, "\(path):\(entry.path): the archive is damaged (\(error))")
            }
            out.append(
                ExportFile(
                    name: "\(path):\(entry.path)", modified: entry.fileAttributes[.modificationDate] as? Date,
                    bytes: bytes))
        }
        return out
    }
}
