import Foundation
import Testing
import TiesTestSupport

/// Output files and standard output, on the built binary (issue 14, findings 5 and 6): `--out` through a
/// temporary file and a rename, devices and links written through, `--force` in every command alike; a
/// closed or full standard output ends with exit 74 and one line, a closed pipe quietly.
@Suite("Output files and standard output, end to end")
struct OutputEndToEndTests {
    let store = StoreUnderTest()

    func seed() throws {
        try store.ok("init")
        try store.ok("person", "add", "Dana Reyes", "--role", "recruiter", "--email", "dana@hale.example")
        try store.ok("person", "add", "Sam Okafor", "--role", "colleague")
        try store.ok("log", "Sam", "call", "--at", "2026-03-02T10:00:00Z")
    }

    /// Runs `script` with `$DB` the store and the folder as the working directory.
    func shell(_ script: String) throws -> RunResult {
        try TiesBinary.runShell("cd '\(store.dir.url.path)' && " + script, environment: ["DB": store.db])
    }

    func text(_ name: String) -> String? {
        contents(of: store.dir.file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func mode(_ name: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: store.dir.file(name).path)[.posixPermissions] as? Int
    }

    // MARK: - Standard output

    @Test("a closed standard output is exit 74 and one line on stderr, never a trap")
    func closedStandardOutput() throws {
        try seed()
        for command in ["person list", "export people", "report --as-of 2026-03-08", "--help"] {
            let result = try shell("\"$TIES\" \(command) --db \"$DB\" >&-")
            #expect(result.status == 74, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr == "Error: cannot write to standard output: it is closed; the output is lost\n")
        }
    }

    @Test("a full disk behind standard output is exit 74 with the reason")
    func fullStandardOutput() throws {
        try seed()
        let result = try shell("\"$TIES\" export people --db \"$DB\" > /dev/full")
        #expect(result.status == 74)
        #expect(
            result.stderr
                == "Error: cannot write to standard output: No space left on device; the output is incomplete\n")
    }

    @Test("a pipe closed early ends quietly with exit 0, however much was left to write")
    func closedPipe() throws {
        try store.ok("demo", "--people", "300")
        let result = try shell(
            "set -o pipefail; \"$TIES\" export interactions --db \"$DB\" | head -c 100 > /dev/null; echo \"status $?\"")
        #expect(result.stdout == "status 0\n")
        #expect(result.stderr.isEmpty)
    }

    // MARK: - --out

    @Test("--out writes a new file, mode 0600; an existing one is refused without --force in every command")
    func refusesExisting() throws {
        try seed()
        try store.ok("journal", "add", "accomplishment", "Shipped", "--at", "2026-03-01")
        let commands: [[String]] = [
            ["export", "people"], ["report", "--as-of", "2026-03-08", "--format", "markdown"],
            ["journal", "export", "--format", "markdown"],
        ]
        for (k, command) in commands.enumerated() {
            let name = "out\(k).txt"
            let path = store.dir.file(name).path
            let first = try store.ties(command + ["--out", path])
            #expect(first.status == 0, "\(command): \(first.stderr)")
            #expect(try mode(name) == 0o600)
            let written = text(name)
            try Data("mine".utf8).write(to: store.dir.file(name))
            let again = try store.ties(command + ["--out", path])
            #expect(again.status == 73, "\(command)")
            #expect(again.stderr == "Error: --out: \(path) exists; nothing was written (use --force to replace it)\n")
            #expect(text(name) == "mine")
            #expect(try store.ties(command + ["--out", path, "--force"]).status == 0)
            #expect(text(name) == written)
            #expect(try mode(name) == 0o600)
            // No temporary file is left beside it.
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.dir.url.path).filter {
                $0.hasPrefix(".")
            }
            #expect(leftovers.isEmpty)
        }
    }

    @Test("--out through a symbolic link writes its target and keeps the link")
    func followsLinks() throws {
        try seed()
        try Data("old".utf8).write(to: store.dir.file("target.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: store.dir.file("link.csv").path, withDestinationPath: "target.csv")
        let refused = try store.ties("export", "people", "--out", store.dir.file("link.csv").path)
        #expect(refused.status == 73)
        try store.ok("export", "people", "--out", store.dir.file("link.csv").path, "--force")
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: store.dir.file("link.csv").path)
        #expect(destination == "target.csv")
        #expect(text("target.csv")?.hasPrefix("id,name,") == true)
        // A link to a file that does not exist yet creates the file.
        try FileManager.default.createSymbolicLink(
            atPath: store.dir.file("dangling.csv").path, withDestinationPath: "new.csv")
        try store.ok("export", "people", "--out", store.dir.file("dangling.csv").path)
        #expect(text("new.csv")?.hasPrefix("id,name,") == true)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: store.dir.file("dangling.csv").path) == "new.csv")
    }

    @Test("--out to /dev/stdout, a device or a FIFO writes straight through and replaces nothing")
    func devices() throws {
        try seed()
        let stdout = try shell("\"$TIES\" export people --db \"$DB\" --out /dev/stdout > piped.csv; echo $?")
        #expect(stdout.stdout == "0\n", "\(stdout.stderr)")
        #expect(text("piped.csv")?.hasPrefix("id,name,") == true)
        let null = try shell(
            "\"$TIES\" export people --db \"$DB\" --out /dev/null; echo $?; test -c /dev/null && echo char")
        #expect(null.stdout == "0\nchar\n")
        let full = try store.ties("export", "people", "--out", "/dev/full")
        #expect(full.status == 74)
        #expect(full.stderr == "Error: --out: cannot write /dev/full: No space left on device; nothing was replaced\n")
        let fifo = try shell(
            "mkfifo f && (cat f > got.csv &) && \"$TIES\" export people --db \"$DB\" --out f && wait && sleep 0.2 && test -p f && echo fifo"
        )
        #expect(fifo.stdout == "fifo\n", "\(fifo.stderr)")
        #expect(text("got.csv")?.hasPrefix("id,name,") == true)
    }

    @Test("--out that cannot be created is exit 73 with the path and the reason; a folder is refused")
    func cannotCreate() throws {
        try seed()
        let path = store.dir.file("missing/people.csv").path
        let missing = try store.ties("export", "people", "--out", path)
        #expect(missing.status == 73)
        #expect(
            missing.stderr
                == "Error: --out: cannot create \(path): No such file or directory; check that the folder exists and is writable\n"
        )
        let folder = try store.ties("report", "--out", store.dir.url.path)
        #expect(folder.status == 73)
        #expect(folder.stderr == "Error: --out: \(store.dir.url.path) is a folder; expected a file name\n")
        let force = try store.ties("export", "people", "--force")
        #expect(force.status == 64)
        #expect(force.stderr.contains("--force: goes with --out FILE"))
    }

    @Test("report --out that would be refused is refused before the week's health is stored")
    func reportRefusedEarly() throws {
        try seed()
        try Data("mine".utf8).write(to: store.dir.file("week.html"))
        for out in [store.dir.file("missing/week.html").path, store.dir.file("week.html").path] {
            let before = store.snapshot()
            let result = try store.ties("report", "--as-of", "2026-03-08", "--format", "html", "--out", out)
            #expect(result.status == 73, "\(result.stderr)")
            #expect(store.snapshot() == before)
        }
        #expect(text("week.html") == "mine")
    }
}
