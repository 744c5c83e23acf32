import ArgumentParser
import Testing
import TiesCore

@testable import TiesCLI

@Suite("CLI parsing, in process")
struct ParsingTests {
    @Test("person add collects repeated options and typed values")
    func personAdd() throws {
        let command = try TiesCommand.parseAsRoot([
            "person", "add", "Dana Reyes", "--role", "recruiter", "--role", "mentor", "--recruiter-kind", "search-firm",
            "--org", "Hale", "--email", "d@hale.example", "--closeness", "4", "--tag", "a", "--db", "/tmp/x.sqlite",
        ])
        let add = try #require(command as? PersonCommand.Add)
        #expect(add.name == "Dana Reyes")
        #expect(add.role == [.recruiter, .mentor])
        #expect(add.recruiterKind == .searchFirm)
        #expect(add.closeness == 4 && add.email == ["d@hale.example"] && add.store.db == "/tmp/x.sqlite")
    }

    @Test("log reads kind, direction and dates")
    func log() throws {
        let command = try TiesCommand.parseAsRoot([
            "log", "Dana", "email", "--direction", "in", "--unanswered", "--at", "2026-03-02",
        ])
        let log = try #require(command as? LogCommand)
        #expect(log.kind == .email && log.direction == .inbound && log.unanswered)
        #expect(log.at == .day(Day(year: 2026, month: 3, day: 2)!))
    }

    @Test(
        "bad values are usage errors",
        arguments: [
            ["person", "add", "X", "--role", "wizard"],
            ["person", "add", "X", "--closeness", "6"],
            ["person", "add", "X", "--recruiter-kind", "in-house"],
            ["person", "add", "   "],
            ["person", "add", "X", "--email", "not-an-email"],
            ["log", "Dana", "lunch"],
            ["log", "Dana", "call", "--at", "2026-13-01"],
            ["log", "Dana", "call", "--direction", "out", "--unanswered"],
            ["tie", "add", "A", "B", "--weight", "1.5"],
            ["person", "list", "--format", "xml"],
        ])
    func usageErrors(arguments: [String]) {
        #expect(throws: (any Error).self) { try TiesCommand.parseAsRoot(arguments) }
        #expect(TiesCommand.exitCode(for: catchError { try TiesCommand.parseAsRoot(arguments) }!) == .validationFailure)
    }
}

private func catchError(_ body: () throws -> Any) -> (any Error)? {
    do {
        _ = try body()
        return nil
    } catch { return error }
}
