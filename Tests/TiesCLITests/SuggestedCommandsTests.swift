import Foundation
import Testing
import TiesTestSupport

/// Every `ties …` command that Ties's output suggests must run as written (issue 13): on scenario stores,
/// this collects the commands from the weekly report (JSON: the same words as every format), `next`, `gaps`,
/// `explain` and the errors that name a command, and runs each on a copy of the store.
@Suite("every command Ties suggests runs")
struct SuggestedCommandsTests {
    static let asOf = "2026-11-27"

    /// The command spans (between backticks) that start with `ties `.
    static func commands(in text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 && $0.element.hasPrefix("ties ") }.map { String($0.element) }
    }

    /// Splits a command line into words: spaces separate, double quotes group, a backslash in quotes escapes.
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var started = false
        var escaped = false
        for c in command {
            if escaped {
                word.append(c)
                escaped = false
            } else if c == "\\" && quoted {
                escaped = true
            } else if c == "\"" {
                quoted.toggle()
                started = true
            } else if c == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(c)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    /// Every string value in a JSON document.
    static func strings(inJSON text: String) throws -> [String] {
        func walk(_ value: Any) -> [String] {
            if let s = value as? String { return [s] }
            if let a = value as? [Any] { return a.flatMap(walk) }
            if let d = value as? [String: Any] { return d.values.flatMap(walk) }
            return []
        }
        return walk(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    }

    /// Runs each command on its own copy of the store, in a folder of its own; returns the failures.
    static func failures(of commands: Set<String>, store: StoreUnderTest) throws -> [String] {
        var failed: [String] = []
        for command in commands.sorted() {
            let dir = TemporaryDirectory()
            let copy = dir.file("copy.sqlite")
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: store.db + suffix) {
                try FileManager.default.copyItem(atPath: store.db + suffix, toPath: copy.path + suffix)
            }
            var arguments = Array(words(command).dropFirst())
            if !arguments.contains("--help") { arguments += ["--db", copy.path] }
            let result = try TiesBinary.run(arguments, directory: dir.url)
            if result.status != 0 { failed.append("\(command) → exit \(result.status): \(result.stderr)") }
        }
        return failed
    }

    /// What a store's report, next, gaps and explain suggest.
    static func suggested(by store: StoreUnderTest, explain people: [String]) throws -> Set<String> {
        var texts = try strings(inJSON: store.ok("report", "--as-of", asOf, "--format", "json"))
        texts += try strings(inJSON: store.ok("next", "--as-of", asOf, "--limit", "40", "--format", "json"))
        texts += try strings(inJSON: store.ok("gaps", "--as-of", asOf, "--format", "json"))
        texts.append(try store.ok("next", "--as-of", asOf, "--limit", "1"))
        for person in people { texts.append(try store.ok("explain", person, "--as-of", asOf)) }
        texts.append(try store.ties("person", "show", "Nobody Atall").stderr)
        return Set(texts.flatMap(commands))
    }

    @Test("the demo network: every suggested command runs on a copy")
    func demo() throws {
        let store = StoreUnderTest()
        try store.ok("demo", "--seed", "1", "--as-of", Self.asOf)
        let next = try Self.strings(inJSON: store.ok("next", "--as-of", Self.asOf, "--format", "json"))
        #expect(!next.isEmpty)
        let commands = try Self.suggested(by: store, explain: ["1", "2", "3"])
        // The demo has stale disclosures, promises and a journal: the report names commands to run.
        #expect(commands.contains { $0.hasPrefix("ties disclose ") })
        #expect(commands.contains { $0.hasPrefix("ties done ") || $0.hasPrefix("ties commitments") })
        let failed = try Self.failures(of: commands, store: store)
        #expect(failed.isEmpty, "\(failed.joined(separator: "\n"))")
    }

    @Test("a new, empty store: what it suggests runs, and it says how to start")
    func empty() throws {
        let store = StoreUnderTest()
        try store.ok("init")
        let report = try store.ok("report", "--as-of", Self.asOf)
        #expect(report.contains("no contact is recorded") && !report.contains("every relationship is in rhythm"))
        let commands = try Self.suggested(by: store, explain: [])
        #expect(commands.contains("ties import --help"))
        let failed = try Self.failures(of: commands, store: store)
        #expect(failed.isEmpty, "\(failed.joined(separator: "\n"))")
    }

    @Test("every help example runs, on a store holding the names and ids the examples use")
    func helpExamples() throws {
        let examples = HelpExamples.all()
        // Every command group has examples; a collector that found none would pass vacuously.
        #expect(examples.count > 100)
        #expect(examples.contains { $0.command.hasPrefix("ties log edit 43") })
        let scenario = try HelpExampleScenario()
        var failed: [String] = []
        for example in Set(examples.map(\.command)).sorted() {
            if let failure = try scenario.failure(of: example) { failed.append(failure) }
        }
        #expect(failed.isEmpty, "\(failed.count) of \(examples.count):\n\(failed.joined(separator: "\n"))")
    }

    @Test("the command splitter keeps quoted words whole")
    func splitting() {
        #expect(
            Self.words(#"ties journal add employment "What you do" --org "Your employer""#)
                == ["ties", "journal", "add", "employment", "What you do", "--org", "Your employer"])
        #expect(Self.words(#"ties disclose 3 resume --version "a \"b\" \$c""#).last == #"a "b" $c"#)
        #expect(
            Self.commands(in: "Run `ties notify --out drafts` and `x` then `ties done 3`.") == [
                "ties notify --out drafts", "ties done 3",
            ])
    }
}
