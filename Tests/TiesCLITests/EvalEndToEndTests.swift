import Foundation
import Testing
import TiesTestSupport

@Suite("ties eval and calibrate, end to end")
struct EvalEndToEndTests {
    let dir = TemporaryDirectory()

    var fixture: String { Bundle.module.url(forResource: "Fixtures/tiny-temporal", withExtension: "txt")!.path }

    @Test("eval temporal prints one row per score, in a fixed order, identically on every run")
    func evaluates() throws {
        let args = [
            "eval", "temporal", fixture, "--from", "5", "--to", "25", "--step", "10", "--horizon", "15", "--format",
            "csv",
        ]
        let result = try TiesBinary.run(args)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "score,pooled_auc,precision_at_5,auc_day5,auc_day15,auc_day25,pairs,positives")
        #expect(
            lines.dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
                == ["recency", "frequency", "strength", "activity", "cadence"])
        #expect(try TiesBinary.run(args).stdout == result.stdout)
    }

    @Test("a malformed line is exit 65 with the file, line and field")
    func malformed() throws {
        let file = dir.file("bad.txt")
        try "1 2 100\n2 3 200\n4 5 soon\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try TiesBinary.run(["eval", "temporal", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.txt: line 3, field timestamp"))
    }

    @Test("a missing file is exit 66")
    func missing() throws {
        let result = try TiesBinary.run(["eval", "temporal", dir.file("absent.txt").path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no such file"))
    }

    @Test("calibrate needs enough history, says so, and changes nothing")
    func calibrateTooLittle() throws {
        let db = dir.file("ties.sqlite").path
        #expect(try TiesBinary.run(["init", "--db", db]).status == 0)
        #expect(try TiesBinary.run(["person", "add", "Dana", "--db", db]).status == 0)
        #expect(try TiesBinary.run(["log", "Dana", "call", "--at", "2026-01-05", "--db", db]).status == 0)
        let before = contents(of: URL(fileURLWithPath: db))
        let result = try TiesBinary.run(["calibrate", "--as-of", "2026-02-01", "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.contains("too little history"))
        #expect(contents(of: URL(fileURLWithPath: db)) == before)
    }

    @Test("calibrate on a demo network reports the fit and, with --dry-run, stores nothing")
    func calibrateDemo() throws {
        let db = dir.file("demo.sqlite").path
        #expect(
            try TiesBinary.run(["demo", "--people", "60", "--years", "3", "--as-of", "2026-06-30", "--db", db]).status
                == 0)
        let result = try TiesBinary.run(["calibrate", "--dry-run", "--as-of", "2026-06-30", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Activity half-life: 30.0 →"))
        #expect(result.stdout.contains("held out, the last 3 cutoffs"))
        let config = try TiesBinary.run(["config", "show", "--format", "csv", "--db", db])
        #expect(config.stdout.contains("activityHalfLifeDays,30\r\n"))
    }
}
