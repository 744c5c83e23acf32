import ArgumentParser
import Foundation
import Testing
import TiesTestSupport

@testable import TiesCLI

/// Runs the built `ties` binary through `person duplicates`, `person merge` and `person unmerge`.
@Suite("Person merge, end to end")
struct MergeEndToEndTests {
    let store = StoreUnderTest()

    /// Dana recorded twice (the same email in another case, the same organisation in another case), Sam
    /// sharing Dana M.'s phone written another way, and Lee.
    func seed() throws {
        try store.ok("init")
        try store.ok(
            "person", "add", "Dana Reyes", "--role", "recruiter", "--org", "Hale & Partners", "--email",
            "dana@hale.example")
        try store.ok(
            "person", "add", "Dana M. Reyes", "--role", "mentor", "--org", "hale & partners", "--title", "Partner",
            "--email", "DANA@hale.example", "--phone", "+1 312 555 0100", "--tag", "chicago")
        try store.ok(
            "person", "add", "Sam Okafor", "--role", "colleague", "--org", "Mercy Health", "--phone", "(312) 555-0100")
        try store.ok("person", "add", "Lee Park", "--org", "Mercy Health")
        try store.ok("log", "Dana Reyes", "call", "--at", "2026-03-02T10:00:00Z")
        try store.ok("log", "Dana M. Reyes", "meeting", "--at", "2026-03-05T10:00:00Z")
        try store.ok("tie", "add", "Dana M. Reyes", "Sam Okafor", "--kind", "colleague")
        try store.ok("tie", "add", "Dana Reyes", "Dana M. Reyes")
    }

    @Test("duplicates lists the pair with its evidence; a lower minimum adds the shared phone")
    func duplicates() throws {
        try seed()
        #expect(
            try store.ok("person", "duplicates", "--format", "csv") == """
                score,a_id,a,b_id,b,evidence\r
                0.995,1,Dana Reyes,2,Dana M. Reyes,same-email: dana@hale.example; same-name: dana reyes at hale partners\r

                """)
        #expect(
            // 119 columns wide: at a 120-column terminal it is one aligned table.
            try TiesBinary.run(
                ["person", "duplicates", "--min-score", "0.4", "--db", store.db], environment: ["COLUMNS": "120"]
            ).stdout == """
                score  a_id  a              b_id  b              evidence
                -----  ----  -------------  ----  -------------  ---------------------------------------------------------------------
                0.995     1  Dana Reyes        2  Dana M. Reyes  same-email: dana@hale.example; same-name: dana reyes at hale partners
                0.480     2  Dana M. Reyes     3  Sam Okafor     same-phone: 3125550100; different-names: dana reyes and sam okafor

                """)
        try store.ok("person", "archive", "Dana M. Reyes")
        #expect(try store.ok("person", "duplicates") == "No likely duplicates.\n")
        #expect(
            try store.ok("person", "duplicates", "--archived", "--format", "json").contains("\"b\": \"Dana M. Reyes\""))
    }

    @Test("merge moves everything and prints what moved; unmerge puts the store back")
    func mergeAndUnmerge() throws {
        try seed()
        let people = try store.ok("person", "list", "--archived", "--format", "csv")
        let tiesBefore = try store.ok("tie", "list", "--format", "csv")
        let scoresBefore = try store.ok("score", "--as-of", "2026-04-01", "--format", "csv")
        let merged = try store.ok("person", "merge", "Dana Reyes", "Dana M. Reyes")
        #expect(
            merged == """
                Merged Dana M. Reyes (#2) into Dana Reyes (#1) as merge #1.
                  moved: 1 interaction, 0 commitments, 0 disclosures
                  contact points: 1 moved, 1 already held
                  ties: 1 moved, 0 combined, 1 between them removed
                  roles added: mentor
                  tags added: chicago
                  filled from Dana M. Reyes: title
                Undo with `ties person unmerge 1`.

                """)
        #expect(
            try store.ok("person", "list", "--format", "csv") == """
                id,name,roles,recruiter_kind,organisation,title,closeness,tags,emails,phones,archived,urls,birthday,work_anniversary,known_since\r
                1,Dana Reyes,recruiter;mentor,,Hale & Partners,Partner,,chicago,dana@hale.example,'+1 312 555 0100,no,,,,\r
                4,Lee Park,,,Mercy Health,,,,,,no,,,,\r
                3,Sam Okafor,colleague,,Mercy Health,,,,,(312) 555-0100,no,,,,\r

                """)
        #expect(
            try store.ok("tie", "list", "--format", "csv")
                == "a_id,a,b_id,b,kind,weight\r\n1,Dana Reyes,3,Sam Okafor,colleague,1.00\r\n")
        let log = try store.ok("person", "unmerge", "--list", "--format", "csv")
        #expect(
            log.hasPrefix(
                "id,merged_at,kept_id,kept,dropped_id,dropped,interactions,commitments,disclosures,contact_points,ties\r\n1,"
            ))
        #expect(log.hasSuffix("Z,1,Dana Reyes,2,Dana M. Reyes,1,0,0,2,2\r\n"))

        let undone = try store.ok("person", "unmerge")
        #expect(
            undone
                == "Undid merge #1: Dana M. Reyes (#2) is back with 1 interaction, and Dana Reyes (#1) is as before the merge.\n"
        )
        #expect(try store.ok("person", "list", "--archived", "--format", "csv") == people)
        #expect(try store.ok("tie", "list", "--format", "csv") == tiesBefore)
        #expect(try store.ok("score", "--as-of", "2026-04-01", "--format", "csv") == scoresBefore)
        #expect(try store.ok("person", "unmerge", "--list") == "No merges recorded.\n")
    }

    @Test(
        "bad input exits with its sysexits code, says why, and leaves the store byte-identical",
        arguments: [
            (["person", "merge", "Dana", "Sam"], 65, "'Dana' matches 2 people"),
            (["person", "merge", "Nobody", "Sam"], 65, "no person matches 'Nobody'"),
            (["person", "merge", "Sam", "Nobody"], 65, "no person matches 'Nobody'"),
            (["person", "merge", "Sam", "#3"], 65, "both Sam Okafor (#3)"),
            (["person", "merge", "Sam"], 64, "Missing expected argument"),
            (["person", "unmerge"], 65, "there is no merge to undo"),
            (["person", "unmerge", "7"], 65, "no merge #7"),
            (["person", "unmerge", "seven"], 64, "not a merge id"),
            (["person", "unmerge", "--list", "1"], 64, "--list takes no MERGE-ID"),
            (["person", "unmerge", "--format", "csv"], 64, "--format applies to --list only"),
            (["person", "duplicates", "--min-score", "1.5"], 64, "between 0 and 1"),
            (["person", "duplicates", "--format", "xml"], 64, "table"),
        ] as [([String], Int32, String)])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        try seed()
        let (result, unchanged) = try TiesBinary.runRefused(arguments, store: store.db)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(unchanged, "\(arguments) changed the store")
    }

    @Test("an unmerge that cannot be exact is refused, says which, and changes nothing")
    func refusedUnmerge() throws {
        try seed()
        try store.ok("person", "merge", "Dana Reyes", "Dana M. Reyes")
        try store.ok("person", "add", "Dana M. Reyes")
        try store.ok("person", "edit", "Dana Reyes", "--title", "Director")
        let before = store.snapshot()
        let result = try store.ties("person", "unmerge")
        #expect(result.status == 65)
        #expect(
            result.stderr == """
                Error: cannot undo merge #1 exactly, nothing changed: the name 'Dana M. Reyes' is now used by Dana M. Reyes (#5); \
                Dana Reyes's title was changed since the merge (now 'Director', the merge set 'Partner')

                """)
        #expect(store.snapshot() == before)
    }

    @Test("each command parses in process and has help with an example")
    func helpAndParsing() throws {
        for command in [["person", "duplicates"], ["person", "merge"], ["person", "unmerge"]] {
            let result = try TiesBinary.run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example:"), "\(command) help has no example")
        }
        let parsed = try TiesCommand.parseAsRoot(["person", "unmerge", "#3", "--db", "x.sqlite"])
        #expect((parsed as? PersonCommand.Unmerge)?.mergeID == "#3")
        #expect(try PersonCommand.Unmerge.mergeID(from: "#3") == 3)
        #expect(throws: (any Error).self) {
            try TiesCommand.parseAsRoot(["person", "duplicates", "--min-score", "-1"])
        }
    }
}
