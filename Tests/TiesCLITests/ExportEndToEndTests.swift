import Foundation
import Testing
import TiesTestSupport

@Suite("ties export, end to end")
struct ExportEndToEndTests {
    let dir = TemporaryDirectory()
    var db: String { dir.file("ties.sqlite").path }

    func seed() throws {
        for args in [
            ["init"],
            [
                "person", "add", "=HYPERLINK(\"http://evil.example\")", "--role", "recruiter", "--phone",
                "+1 312 555 0100",
                "--org", "Hale, Lane & Co", "--tag", "a", "--tag", "b",
            ],
            ["person", "add", "Sam \"The\" Okafor", "--email", "sam@example.org"],
            ["log", "Sam", "call", "--at", "2026-03-02T10:00:00Z", "--note", "line one\nline two, with comma"],
        ] {
            let result = try TiesBinary.run(args + ["--db", db])
            #expect(result.status == 0, "\(args): \(result.stderr)")
        }
    }

    /// Reads CSV with Python's csv module, a reader that is not ours.
    func pythonRows(_ csv: String) throws -> [[String]] {
        let file = dir.file("in.csv")
        try Data(csv.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))))",
            file.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as? [[String]] ?? []
    }

    @Test("CSV read back by another reader gives every field intact, and formulas stay text")
    func csvReadBack() throws {
        try seed()
        let people = try TiesBinary.run(["export", "people", "--excel", "--db", db])
        #expect(people.status == 0)
        #expect(Array(people.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = try pythonRows(people.stdout)
        #expect(rows.first?.prefix(3) == ["id", "name", "roles"])
        let byName = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[1], $0) })
        let hostile = try #require(byName["'=HYPERLINK(\"http://evil.example\")"])
        #expect(hostile[4] == "Hale, Lane & Co" && hostile[7] == "a;b" && hostile[9] == "'+1 312 555 0100")
        #expect(byName["Sam \"The\" Okafor"]?[8] == "sam@example.org")
        let interactions = try pythonRows(try TiesBinary.run(["export", "interactions", "--db", db]).stdout)
        #expect(interactions.count == 2)
        #expect(interactions[1][3] == "2026-03-02T10:00:00Z" && interactions[1][8] == "line one\nline two, with comma")
    }

    @Test("every table exports as CSV and JSON; --out writes the file")
    func everyTable() throws {
        try seed()
        for what in ["people", "interactions", "scores", "gaps", "commitments", "journal", "ties"] {
            let csv = try TiesBinary.run(["export", what, "--as-of", "2026-03-10", "--db", db])
            #expect(csv.status == 0, "\(what): \(csv.stderr)")
            #expect(csv.stdout.hasSuffix("\r\n"))
            let json = try TiesBinary.run(["export", what, "--format", "json", "--as-of", "2026-03-10", "--db", db])
            #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) is [Any], "\(what)")
        }
        let file = dir.file("contacts.vcf")
        #expect(try TiesBinary.run(["export", "vcard", "--out", file.path, "--db", db]).status == 0)
        let vcf = String(decoding: contents(of: file) ?? Data(), as: UTF8.self)
        #expect(vcf.components(separatedBy: "BEGIN:VCARD").count == 3)
        #expect(vcf.contains("FN:Sam \"The\" Okafor\r\n") && vcf.contains("ORG:Hale\\, Lane & Co\r\n"))
    }

    @Test("golden files: every table as CSV and JSON, and the vCards, of a small store built by commands")
    func golden() throws {
        for args in [
            ["init"],
            [
                "person", "add", "Dana Reyes", "--role", "recruiter", "--recruiter-kind", "search-firm", "--org",
                "Hale, Lane & Co", "--email", "dana@hale.example", "--phone", "+1 312 555 0100", "--tag", "chicago",
            ],
            [
                "person", "add", "Sam \"The\" Okafor", "--role", "mentor", "--email", "sam@example.org", "--closeness",
                "4",
            ],
            ["person", "add", "=cmd|' /C calc'!A0", "--title=-2+3", "--tag", "@risk"],
            ["log", "Sam", "call", "--at", "2026-03-02T10:00:00Z", "--note", "line one\nline two, with comma"],
            ["log", "Dana", "email", "--direction", "in", "--unanswered", "--at", "2026-03-05T09:00:00Z"],
            ["tie", "add", "Dana", "Sam", "--kind", "colleague"],
            ["offer", "Sam", "Send the deck", "--due", "2026-03-20", "--at", "2026-03-02"],
            [
                "journal", "add", "accomplishment", "Cut ED waits 18%", "--amount", "18", "--org", "Mercy", "--at",
                "2026-02-01",
            ],
        ] {
            let result = try TiesBinary.run(args + ["--db", db])
            #expect(result.status == 0, "\(args): \(result.stderr)")
        }
        for what in ["people", "interactions", "scores", "gaps", "commitments", "journal", "ties"] {
            for format in ["csv", "json"] {
                let result = try TiesBinary.run([
                    "export", what, "--format", format, "--as-of", "2026-03-10", "--db", db,
                ])
                #expect(result.status == 0, "\(what): \(result.stderr)")
                let name = "export/\(what).\(format)"
                #expect(
                    snapshotMismatch(result.stdout, named: name) == nil,
                    "\(snapshotMismatch(result.stdout, named: name) ?? "")")
            }
        }
        let vcf = try TiesBinary.run(["export", "vcard", "--db", db]).stdout
        #expect(
            snapshotMismatch(vcf, named: "export/people.vcf") == nil,
            "\(snapshotMismatch(vcf, named: "export/people.vcf") ?? "")")
    }

    @Test("an unknown table is a usage error listing what is accepted")
    func unknown() throws {
        try seed()
        let result = try TiesBinary.run(["export", "everything", "--db", db])
        #expect(result.status == 64 && result.stderr.contains("interactions"))
    }
}

@Suite("Output and demo refusals, end to end")
struct OutputRefusalTests {
    let dir = TemporaryDirectory()
    var db: String { dir.file("ties.sqlite").path }

    @Test(
        "--out into a folder that does not exist is exit 73 and says what to check",
        arguments: [
            ["export", "people"], ["report", "--as-of", "2026-06-30", "--format", "html"],
        ])
    func unwritable(arguments: [String]) throws {
        #expect(
            try TiesBinary.run(["demo", "--people", "20", "--years", "1", "--as-of", "2026-06-30", "--db", db]).status
                == 0)
        let target = dir.file("no/such/folder/out.txt").path
        let result = try TiesBinary.run(arguments + ["--out", target, "--db", db])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(
            result.stderr.contains("cannot create \(target): No such file or directory")
                && result.stderr.contains("folder exists"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("demo refuses a store that already has people, and leaves it byte-identical")
    func demoIntoNonEmptyStore() throws {
        #expect(try TiesBinary.run(["init", "--db", db]).status == 0)
        #expect(try TiesBinary.run(["person", "add", "Dana Reyes", "--db", db]).status == 0)
        let (result, unchanged) = try TiesBinary.runRefused(["demo", "--people", "20"], store: db)
        #expect(result.status == 65 && result.stderr.contains("already holds people"))
        #expect(unchanged)
    }
}
