import Foundation

/// Compares `text` with the golden file `Snapshots/NAME` beside the calling test file. With the environment
/// variable `TIES_RECORD_SNAPSHOTS=1` the file is (re)written instead, and the comparison passes.
/// - Returns: nil when they match, else a description of the first difference.
public func snapshotMismatch(_ text: String, named name: String, file: StaticString = #filePath) -> String? {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["TIES_RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
        return nil
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        return "no golden file \(url.path); record it with TIES_RECORD_SNAPSHOTS=1"
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected == text { return nil }
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    return
        "\(name) differs at line \(line + 1):\n  expected: \(line < a.count ? String(a[line]) : "<end>")\n  actual:   \(line < b.count ? String(b[line]) : "<end>")"
}
