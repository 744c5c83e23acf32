import Foundation
import Testing
import TiesCore
import TiesInterchange
import TiesStore
import TiesTestSupport

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

    @Test("a large file that is not UTF-8 after its first lines is streamed, then read again whole and transcoded")
    func largeWindows1252AfterTheHead() throws {
        let text = try String(contentsOfFile: fixture("linkedin-2020/messages.csv"), encoding: .utf8)
        let later =
            text
            + "2-MTk9,,Zoë Ärlig,https://www.linkedin.com/in/zoe-arlig,\"Femi Adeyemi SPHRi, CPHR\",2020-06-17 09:00:00 UTC,,Olá,INBOX\n"
        let bytes = [UInt8](try #require(later.data(using: .windowsCP1252)))
        let head = 300
        #expect(SpreadsheetText.utf8(Array(bytes.prefix(head))).transcoded == false)
        #expect(SpreadsheetText.utf8(bytes).transcoded)
        let dir = try folder(["messages.csv": bytes])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let me = LinkedInIdentity(names: ["Femi Adeyemi SPHRi, CPHR"])
        let streamed = try Self.imported(dir, me: me, streamedAbove: head, into: "streamed.sqlite")
        let early = try Self.imported(dir, me: me, streamedAbove: head, into: "early.sqlite", early: true)
        let whole = try Self.imported(dir, me: me, streamedAbove: ExportFiles.streamedAbove, into: "whole.sqlite")
        #expect(streamed.dump == whole.dump && streamed.dump.contains("Zoë Ärlig") && early.dump == whole.dump)
        #expect(streamed.notes == [dir + "/messages.csv is not UTF-8; read it as Windows-1252"])
        #expect(whole.notes == streamed.notes && early.notes == streamed.notes)
    }

    @Test("a reading started before the import stores what one started in it stores; one dropped stops")
    func readingStartedEarly() throws {
        // 30,000 messages: more than the batches a reading holds ahead (4 of 4,096), so that it waits.
        var text = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        for k in 0..<30_000 {
            let other = "Person \(k % 300)"
            let url = "https://www.linkedin.com/in/person-\(k % 300)"
            let time = String(format: "2024-%02d-%02d %02d:%02d:00 UTC", 1 + k % 12, 1 + k % 28, k % 24, k % 60)
            text +=
                k % 2 == 0
                ? "c-\(k / 4),,\(other),\(url),Robin Vale,\(time),,hi,INBOX\n"
                : "c-\(k / 4),,Robin Vale,https://www.linkedin.com/in/robin-vale,\(other),\(time),,hello,SENT\n"
        }
        let dir = try folder(["messages.csv": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let me = LinkedInIdentity(names: ["Robin Vale"])
        let dropped = try LinkedInExportRead(paths: [dir], streamedAbove: 1000)
        #expect(dropped.startReading(identity: me) != nil && dropped.startReading(identity: nil) == nil)
        let early = try Self.imported(dir, me: me, streamedAbove: 1000, into: "early.sqlite", early: true)
        let inside = try Self.imported(dir, me: me, streamedAbove: 1000, into: "inside.sqlite")
        #expect(early.dump == inside.dump && early.added == 30_000 && early.dump.contains("change [id:1 at:… "))
    }

    /// The store (dumped) after importing the messages of the folder `dir` as `ties import linkedin` does, the
    /// notes, and how many interactions were added; with `early`, the reading starts before the import.
    static func imported(
        _ dir: String, me: LinkedInIdentity, streamedAbove: Int, into name: String, early: Bool = false
    ) throws -> (dump: String, notes: [String], added: Int) {
        var export = try LinkedInExportRead(paths: [dir], streamedAbove: streamedAbove)
        var started = early ? export.startReading(identity: me) : nil
        #expect((started != nil) == early)
        let path = dir + "/" + name
        let store = try Store.create(at: URL(fileURLWithPath: path))
        let summary = try store.importing(
            createPeople: true, dryRun: false,
            context: ScoringContext(configuration: ScoringConfiguration(), timeZone: TimeZone(identifier: "UTC")!),
            now: Date(timeIntervalSince1970: 1_800_000_000), large: true  // a large import orders its rows
        ) { (importer: inout StoreImporter) throws(StoreError) in
            for file in export.messageFiles {
                defer { started = nil }
                if try export.streamMessages(file, identity: me, into: &importer, started: started) != nil {
                    return false
                }
            }
            return true
        }
        // The change's time is the clock's.
        let dump = try StoreDump.of(path).replacing(/(?m)^(change \[id:\d+) at:\d+/) { $0.output.1 + " at:…" }
        return (dump, export.notes, summary.interactionsAdded)
    }

    @Test("a large messages file a spreadsheet saved with semicolons is read whole and converted, not streamed")
    func largeSemicolons() throws {
        // As Excel saves a CSV where the comma is the decimal separator (see linkedin-resaved-eu/); streamed as
        // written, its header was not found and the file was refused whole.
        let text = """
            CONVERSATION ID;CONVERSATION TITLE;FROM;SENDER PROFILE URL;TO;DATE;SUBJECT;CONTENT;FOLDER\r
            2-MTk1;;Nadia Brook;https://www.linkedin.com/in/nadia-brook;Robin Vale;2020-06-15 16:37:00 UTC;;Sure, thanks;INBOX\r
            2-MTk1;;Robin Vale;https://www.linkedin.com/in/robin-vale;Nadia Brook;2020-06-15 15:45:19 UTC;;"Hi; noted";INBOX\r

            """
        let bytes = Array(text.utf8)
        let dir = try folder(["messages.csv": bytes])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try LinkedInExportRead(paths: [dir], streamedAbove: 100)
        let file = try #require(export.messageFiles.first)
        #expect(file.path == nil && file.bytes == SpreadsheetText.utf8(bytes).bytes)
        let read = try LinkedInMessages.read(file.bytes, me: LinkedInIdentity(names: ["Robin Vale"]))
        #expect(read.result.records.map(\.direction) == [.inbound, .outbound] && read.result.problems.isEmpty)
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

/// A messages file over 16 MiB inside a zip is unpacked under `TMPDIR` and streamed from there; when the
/// disk under `TMPDIR` fills while it is written, nothing is imported.
@Suite("ties import linkedin: a large zipped messages file and a full TMPDIR")
struct LinkedInUnpackTests {
    @Test(
        "the disk under TMPDIR fills while the file is unpacked: exit 73, what to do, the store unchanged, nothing left",
        .enabled(if: SmallDisk.available, "needs root and mount -t tmpfs"))
    func fullTemporaryDisk() throws {
        let dir = TemporaryDirectory()
        let zip = dir.file("export.zip").path
        // 100,000 messages of ~210 bytes: 21 MB unpacked (over the 16 MiB that are streamed), 0.1 MB zipped.
        let made = try TiesBinary.runShell(
            """
            python3 - "\(zip)" <<'PY'
            import sys, zipfile
            rows = ["CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,RECIPIENT PROFILE URLS,TO,DATE,SUBJECT,CONTENT,FOLDER"]
            for i in range(100000):
                rows.append(f"2-c{i % 500},,Ana Lima,https://www.linkedin.com/in/ana-lima,https://www.linkedin.com/in/robin-vale,"
                            f"Robin Vale,2024-01-{1 + i % 28:02d} 10:00:00 UTC,,{'x' * 100},INBOX")
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("messages.csv", "\\n".join(rows) + "\\n")
            PY
            """)
        #expect(made.status == 0, "\(made.stderr)")
        let db = dir.file("ties.sqlite").path
        #expect(try TiesBinary.run(["init", "--db", db]).status == 0)
        #expect(try TiesBinary.run(["person", "add", "Ana Lima", "--db", db]).status == 0)
        let before = try StoreDump.of(db)
        let disk = try #require(SmallDisk.make(kilobytes: 1024))
        let result = try TiesBinary.run(
            ["import", "linkedin", zip, "--me", "Robin Vale", "--db", db], environment: ["TMPDIR": disk.url.path])
        #expect(result.status == 73, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("messages.csv: cannot unpack it to a temporary file"))
        #expect(result.stderr.contains("Set TMPDIR to a folder with room for it"))
        #expect(try StoreDump.of(db) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.url.path) == [])
        // With room, the same zip imports (from the unpacked copy, removed afterwards).
        let roomy = TemporaryDirectory()
        let imported = try TiesBinary.run(
            ["import", "linkedin", zip, "--me", "Robin Vale", "--db", db], environment: ["TMPDIR": roomy.url.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("100000 rows"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: roomy.url.path) == [])
    }
}
