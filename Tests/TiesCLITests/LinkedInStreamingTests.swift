import Foundation
import Testing
import TiesInterchange

@testable import TiesCLI

/// Which files of an export `ties import linkedin` streams from disk: a large messages file in UTF-8 only;
/// any other large file is read whole, as before (a small threshold stands in for the 16 MiB one).
@Suite("ties import linkedin: large files opened by their first lines")
struct LinkedInStreamingTests {
    func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/exports/" + name, withExtension: nil)!.path
    }

    /// A folder holding copies of `files` (name → bytes).
    func folder(_ files: [String: [UInt8]]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ties-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return dir.path
    }

    @Test(
        "a messages file over the threshold is held by its first whole lines and streamed; a connections file is read whole"
    )
    func largeFiles() throws {
        let messages = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture("linkedin-2024/messages.csv"))))
        let connections = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture("linkedin-2024/Connections.csv"))))
        let dir = try folder(["messages.csv": messages, "Connections.csv": connections])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let threshold = 600
        #expect(messages.count > threshold && connections.count > threshold)
        let export = try LinkedInExportRead(paths: [dir], streamedAbove: threshold)
        let streamed = try #require(export.messageFiles.first)
        #expect(streamed.path == dir + "/messages.csv")
        #expect(streamed.bytes.count <= threshold + 1 && streamed.bytes.count < messages.count)
        #expect(Array(messages.prefix(streamed.bytes.count)) == streamed.bytes)
        #expect(streamed.bytes.last == 0x0A || streamed.bytes.last == 0x0D)
        let kinds = export.recognised.map { ($0.file.name.split(separator: "/").last.map(String.init) ?? "", $0.kind) }
        #expect(kinds.contains { $0.0 == "Connections.csv" && $0.1 == .connections })
        let whole = try #require(export.recognised.first { $0.kind == .connections }?.file)
        #expect(whole.path == nil && whole.bytes.count == connections.count)
        // Under the threshold nothing is streamed.
        let small = try LinkedInExportRead(paths: [dir])
        #expect(small.messageFiles.first?.path == nil && small.messageFiles.first?.bytes.count == messages.count)
    }

    @Test("a large file that is not UTF-8 in its first lines is read whole and transcoded, as before")
    func largeWindows1252() throws {
        let text = try String(contentsOfFile: fixture("linkedin-2020/messages.csv"), encoding: .utf8)
        let cp1252 = try #require(
            text.replacingOccurrences(of: "Nadia Brook", with: "Nádia Brook").data(using: .windowsCP1252))
        let bytes = [UInt8](cp1252)
        #expect(SpreadsheetText.utf8(bytes).transcoded)
        let dir = try folder(["messages.csv": bytes])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try LinkedInExportRead(paths: [dir], streamedAbove: 300)
        #expect(export.messageFiles.first?.path == nil)
        #expect(export.messageFiles.first?.bytes == SpreadsheetText.utf8(bytes).bytes)
    }

    @Test("a large file inside a zip is unpacked into a private folder and streamed from there, then removed")
    func largeZipEntry() throws {
        let folder = fixture("linkedin-2024")
        let messages = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/messages.csv")))
        let connections = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/Connections.csv")))
        let threshold = 600
        #expect(messages.count > threshold && connections.count > threshold)
        var export: LinkedInExportRead? = try LinkedInExportRead(
            paths: [fixture("linkedin-2024.zip")], streamedAbove: threshold)
        let streamed = try #require(export?.messageFiles.first)
        #expect(streamed.name.hasSuffix("linkedin-2024.zip:messages.csv"))
        let unpacked = try #require(streamed.path)
        let unpackedBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: unpacked)))
        #expect(!unpacked.hasPrefix(folder) && unpackedBytes == messages)
        #expect(streamed.bytes.count < messages.count && Array(messages.prefix(streamed.bytes.count)) == streamed.bytes)
        // The connections entry, as large, was unpacked too and then read whole (only messages are streamed).
        let whole = try #require(export?.recognised.first { $0.kind == .connections }?.file)
        #expect(whole.path == nil && whole.bytes == connections)
        // Unpacked files are private, and go with the import.
        let scratch = (unpacked as NSString).deletingLastPathComponent
        let mode = try FileManager.default.attributesOfItem(atPath: scratch)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        export = nil
        #expect(!FileManager.default.fileExists(atPath: scratch))
    }
}
