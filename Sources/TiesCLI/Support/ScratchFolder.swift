import Foundation

/// A private folder for files an import unpacks (a large messages file inside a zip), made when the first
/// file is asked for and removed with everything in it by ``remove()``.
final class ScratchFolder {
    private var path: String?
    private var count = 0

    /// A path for a new file holding `name` (the folder is made on first use, mode 0700, under `TMPDIR`).
    /// - Throws: ``CLIError`` 73 when the folder cannot be made.
    func newFile(for name: String) throws -> String {
        if path == nil {
            var template = Array(
                (FileManager.default.temporaryDirectory.path as NSString).appendingPathComponent("ties-import-XXXXXX")
                    .utf8CString)
            guard let made = mkdtemp(&template) else {
                throw CLIError(.cantCreate, cannotWrite(name, String(cString: strerror(errno))))
            }
            path = String(cString: made)
        }
        count += 1
        let base = name.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "file"
        return "\(path ?? "")/\(count)-\(base)"
    }

    /// Why `name` could not be unpacked, and what to do.
    func cannotWrite(_ name: String, _ reason: String) -> String {
        "\(name): cannot unpack it to a temporary file (\(reason)); nothing was imported. Set TMPDIR to a folder with room for it, or unzip the export and import its folder"
    }

    /// Removes the folder and what is in it.
    func remove() {
        if let path { try? FileManager.default.removeItem(atPath: path) }
        path = nil
    }

    deinit { remove() }
}
