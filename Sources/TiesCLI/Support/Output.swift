import Foundation

/// Writes a command's output to `path` (atomically: a failed write leaves any previous file whole), or to
/// standard output when `path` is nil.
/// - Throws: ``CLIError`` with exit code 73 (cannot create) when the file cannot be written.
func emitOutput(_ text: String, to path: String?) throws {
    guard let path else {
        write(text)
        return
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw CLIError(
            .cantCreate,
            "cannot write \(path): \(error.localizedDescription); check that the folder exists and is writable")
    }
}
