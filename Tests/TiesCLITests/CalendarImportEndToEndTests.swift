import Foundation
import Testing
import TiesTestSupport

@Suite("ties import ics: who takes part, and what adds nothing")
struct CalendarImportEndToEndTests {
    let store = StoreUnderTest()

    func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    func importObservers() throws -> (stdout: String, people: String) {
        #expect(try store.ties(["init"]).status == 0)
        let result = try store.ties([
            "import", "ics", fixture("exports/observers.ics"), "--me", "alex.morgan@example.com", "--create-people",
            "--as-of", "2026-06-30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout, try store.ties(["export", "people"]).stdout)
    }

    @Test(
        "an attendee or organizer copied for information (ROLE=NON-PARTICIPANT) and a group (CUTYPE=GROUP) are not met")
    func observersAreNotMet() throws {
        let (stdout, people) = try importObservers()
        #expect(stdout.contains("people: 2 added") && stdout.contains("interactions: 3 added"), "\(stdout)")
        #expect(people.contains("Rosa Lindqvist") && people.contains("Tomas Weber"), "\(people)")
        #expect(!people.contains("Ines Okafor") && !people.contains("Planning team"), "\(people)")
        // Nor a Teams channel's address (`…@emea.teams.ms`).
        #expect(!people.contains("General - Planning") && !people.contains("teams.ms"), "\(people)")
        // An organizer whose own attendee entry is a non-participant (a booking mailer) is not met either.
        #expect(!people.contains("Harbor Bookings"), "\(people)")
    }

    @Test("meetings without the user and events with no one else are listed and counted, not dropped silently")
    func meetingsThatAddNothingAreListed() throws {
        let (stdout, _) = try importObservers()
        #expect(
            stdout.contains(
                "observers.ics:27: a meeting without you (none of your emails is its organizer or an attendee) (3 occurrences)"
            ), "\(stdout)")
        #expect(stdout.contains("observers.ics:38: no one else takes part (an entry of your own, a holiday)"))
        #expect(
            stdout.contains(
                "note: 3 meetings without you left out: none of your emails (alex.morgan@example.com) organizes or attends them"
            ))
        let again = try store.ties([
            "import", "ics", fixture("exports/observers.ics"), "--me", "alex.morgan@example.com", "--create-people",
            "--as-of", "2026-06-30",
        ])
        #expect(again.stdout.contains("interactions: 0 added, 3 already present"), "\(again.stdout)")
    }

    @Test(
        "invitations saved one to a file: the later version in another file counts, a cancellation in another file cancels"
    )
    func invitationsAcrossFiles() throws {
        #expect(try store.ties(["init"]).status == 0)
        // The move and the cancellation come first: the order of the files does not matter.
        let arguments = [
            "import", "ics", fixture("exports/invite-moved.ics"), fixture("exports/invite-cancel.ics"),
            fixture("exports/invite-first.ics"), "--me", "jordan.ellis@newmail.example", "--create-people",
            "--as-of", "2026-06-30",
        ]
        let result = try store.ties(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("interactions: 2 added"), "\(result.stdout)")
        let moved = fixture("exports/invite-moved.ics")
        #expect(
            result.stdout.contains(
                "invite-first.ics:5: an earlier version (SEQUENCE 0) of the invitation at \(moved) line 5, which replaces it"
            ), "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "invite-first.ics:16: the invitation was cancelled (METHOD:CANCEL, \(fixture("exports/invite-cancel.ics")) line 5)"
            ))
        let interactions = try store.ties(["export", "interactions"]).stdout
        #expect(interactions.contains("Malik Osei,2026-04-02T14:00:00Z,meeting"), "\(interactions)")
        #expect(!interactions.contains("2026-04-01") && !interactions.contains("2026-04-08"), "\(interactions)")
        #expect(try store.ties(arguments).stdout.contains("interactions: 0 added, 2 already present"))
    }

    /// The summary and interactions of importing the fixtures `names` (in `exports/`), in this order, as Jordan.
    func importInvitations(_ names: [String]) throws -> (stdout: String, interactions: String) {
        #expect(try store.ties(["init"]).status == 0)
        let result = try store.ties(
            ["import", "ics"] + names.map { fixture("exports/" + $0) }
                + ["--me", "jordan.ellis@newmail.example", "--create-people", "--as-of", "2026-06-30"])
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout, try store.ties(["export", "interactions"]).stdout)
    }

    @Test("a reply that gives the meeting's time (METHOD:REPLY with DTSTART) is no version of the meeting")
    func replyWithTime() throws {
        let (stdout, interactions) = try importInvitations(["invite-reply.ics", "invite-first.ics"])
        #expect(stdout.contains("interactions: 3 added"), "\(stdout)")
        #expect(stdout.contains("invite-reply.ics:5: a reply to or cancellation of an invitation (METHOD:REPLY)"))
        #expect(interactions.contains("Sofia Brandt,2026-04-01T14:00:00Z,meeting"), "\(interactions)")
    }

    @Test("a METHOD:CANCEL that gives the time and no STATUS, at the same SEQUENCE, cancels")
    func cancelWithTime() throws {
        let (stdout, interactions) = try importInvitations([
            "invite-first.ics", "invite-moved.ics", "invite-cancel-timed.ics",
        ])
        #expect(stdout.contains("interactions: 1 added"), "\(stdout)")
        #expect(stdout.contains("invite-moved.ics:5: the invitation was cancelled (METHOD:CANCEL, "), "\(stdout)")
        #expect(!interactions.contains("Roadmap"), "\(interactions)")
    }

    @Test("an all-day series' occurrence replaced by an override naming it by a date-time is counted once")
    func allDaySeriesOverride() throws {
        let (stdout, interactions) = try importInvitations(["detached-series.ics"])
        #expect(stdout.contains("interactions: 4 added"), "\(stdout)")
        #expect(interactions.contains("Malik Osei,2026-04-15T13:00:00Z,meeting"), "\(interactions)")
        #expect(!interactions.contains("Malik Osei,2026-04-15,"), "\(interactions)")
    }

    @Test("a file holding a to-do alone (BEGIN:VTODO, no VCALENDAR) is listed, not refused with the others")
    func taskFile() throws {
        let (stdout, _) = try importInvitations(["evolution-task.ics", "invite-first.ics"])
        #expect(stdout.contains("interactions: 3 added"), "\(stdout)")
        #expect(stdout.contains("evolution-task.ics:1: a to-do (VTODO), not a meeting"), "\(stdout)")
    }
}
