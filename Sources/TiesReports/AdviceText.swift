import Foundation
import TiesCore

/// The words and command lines of an ``Advice``: the one place where Ties says what to do.
///
/// An advice is a list of ``Piece``s: plain words, and commands a reader can run. Each format shows
/// commands its own way (``sentence(_:name:)`` puts them in backticks; HTML can set them as code).
public enum AdviceText {
    /// A part of an advice sentence.
    public enum Piece: Equatable, Sendable {
        case text(String)
        /// A command line to run, without the backticks.
        case command(String)
    }

    /// The pieces as one line, commands in backticks.
    public static func line(_ pieces: [Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .command(let command): "`\(command)`"
            }
        }.joined()
    }

    /// The commands among the pieces, for tests that run every command Ties suggests.
    public static func commands(_ pieces: [Piece]) -> [String] {
        pieces.compactMap { if case .command(let c) = $0 { c } else { nil } }
    }

    /// The advice about the person called `name`, as one line.
    public static func sentence(_ advice: Advice, name: String) -> String { line(pieces(advice, name: name)) }

    /// The advice about a gap, as one line.
    public static func sentence(_ advice: GapAdvice) -> String { line(pieces(advice)) }

    /// The advice about the person called `name`, as words and commands. They are called by their first name
    /// (``Person/firstName(of:)``); commands name people and promises by id, so they run as written.
    public static func pieces(_ advice: Advice, name: String) -> [Piece] {
        let first = Person.firstName(of: name)
        switch advice {
        case .answer(let channel, let recruiter):
            let how: String
            switch channel {
            case .call, .video: how = "Call \(first) back"
            case .email: how = "Reply to \(first)'s email"
            case .message: how = "Answer \(first)'s message"
            default: how = "Get back to \(first)"
            }
            guard recruiter else { return [.text("\(how).")] }
            let call = channel == .call || channel == .video
            return [
                .text(
                    call
                        ? "\(how) this week: take the networking call even if you are not looking, and offer to help with their search."
                        : "\(how) this week, even if you are not looking, and offer to help with their search.")
            ]
        case .keepPromise(let commitment):
            guard let commitment else {
                return [
                    .text("Keep your promise to \(first) this week; "), .command("ties commitments"),
                    .text(" lists it."),
                ]
            }
            return [
                .text("Keep your promise to \(first) this week, then mark it done with "),
                .command("ties done \(commitment)"), .text("."),
            ]
        case .sendNewDetails(let pending):
            return [
                .text("Send \(first) your new details by email ("), .command("ties notify --out drafts"),
                .text(" writes the draft), then record it with "), .command(disclose(pending)), .text("."),
            ]
        case .updateRecruiter:
            return [
                .text(
                    "Send \(first) a short update on your role and achievements, and ask what they are seeing in the market."
                )
            ]
        case .askForCatchUp:
            return [.text("Ask \(first) for a 20-minute catch-up; bring one question and one piece of news.")]
        case .reconnectThroughWork(let organisation):
            let at = organisation.map { "how things are at \($0)" } ?? "how things are at their work"
            return [.text("Reconnect with \(first): ask \(at) and who they are working with.")]
        case .call: return [.text("Call \(first).")]
        case .suggestCoffee:
            return [
                .text("Suggest a coffee or a call with \(first), and offer help with something they are working on.")
            ]
        case .warmUpRecruiter(let organisation, let field, let since):
            return warmUp(name: name, first: first, organisation: organisation, field: field, since: since)
        case .greet(let birthday, let day):
            let weekday = Day.weekdayNames[day.isoWeekday - 1]
            return [
                .text(
                    birthday
                        ? "Wish \(first) a happy birthday on \(weekday): a short personal note, and ask how they are."
                        : "Congratulate \(first) on their work anniversary on \(weekday), and ask what the year brought."
                )
            ]
        }
    }

    /// The command that records a disclosure.
    static func disclose(_ pending: PendingDisclosure) -> String {
        "ties disclose \(pending.person) \(pending.kind.rawValue)"
            + (pending.version.map { " --version \(quoted($0))" } ?? "")
    }

    /// A command-line word: as it is when it needs no quoting, else in double quotes (a `"`, `\\`, `$` or
    /// backquote escaped).
    static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "-_.,:/@+=".unicodeScalars.contains($0)
            }
        if plain { return word }
        var out = "\""
        for c in word {
            if "\"\\$`".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }

    /// The advice about a gap, as words and commands.
    public static func pieces(_ advice: GapAdvice) -> [Piece] {
        switch advice {
        case .takeRecruiterCalls:
            [
                .text(
                    "One recruiter is never enough: take the next networking call, and reconnect with a recruiter you have gone quiet with."
                )
            ]
        case .recruiterAtAnotherFirm:
            [.text("Build a relationship with a recruiter at another search firm, and one in-house.")]
        case .notifyStaleDetails(let example):
            [
                .text("Run "), .command("ties notify --out drafts"),
                .text(" and send each draft (an email, not a social-media post); then record each one, e.g. "),
                .command(disclose(example)), .text("."),
            ]
        case .answerRecruiters:
            [
                .text(
                    "Answer this week the way they reached you, even if you are not looking: recruiters remember who got back to them."
                )
            ]
        case .replyBriefly: [.text("Reply, even briefly.")]
        case .followUpOnPromises(let commitment):
            commitment.map {
                [
                    .text("Follow up on the help you offered, then mark each one done, e.g. "),
                    .command("ties done \($0)"), .text("."),
                ]
            } ?? [
                .text("Follow up on the help you offered; "), .command("ties commitments --open"), .text(" lists it."),
            ]
        case .keepOpenPromises: [.text("Keep them: "), .command("ties commitments --open"), .text(" lists them.")]
        case .remindThem: [.text("A friendly reminder is a reason to be in touch.")]
        case .reachOutToQuietTies:
            [.text("Reach out before the silence becomes distance; "), .command("ties next"), .text(" suggests how.")]
        case .reconnectBridges:
            [.text("Bridges link you to people you cannot otherwise reach, and fade first: reconnect.")]
        case .findMentor:
            [.text("Ask a senior person you trust for a regular conversation; a mentor sees what you cannot.")]
        case .findSponsor:
            [.text("A sponsor speaks for you when you are not in the room: nurture one senior advocate.")]
        case .investOutside(let organisation):
            [
                .text(
                    "Invest in people outside \(organisation): professional associations, former colleagues, recruiters."
                )
            ]
        case .meetOutsideCircle:
            [.text("Meet people your contacts do not know; they bring news your circle does not have.")]
        case .recordWhoKnowsWhom:
            [
                .text("Record which of your contacts know each other ("), .command("ties tie add --help"),
                .text(" shows how): it shows who can introduce you, and where your network is closed."),
            ]
        case .recordJournalEntry(let first):
            first
                ? [
                    .text("Start with your current job, in your own words: "),
                    .command("ties journal add employment \"What you are responsible for\" --org \"Your employer\""),
                    .text("."),
                ]
                : [
                    .text("Record a result, a review or a conversation, e.g. "),
                    .command("ties journal add accomplishment \"What you achieved, with a number\""), .text("."),
                ]
        case .verifyContactDetails(let person):
            [
                .text("Check them at the next contact; "), .command("ties person show \(person)"),
                .text(" shows each detail with when it was last verified."),
            ]
        case .warmUpDormantRecruiters:
            [
                .text("Build relationships before you need them: "), .command("ties next --warm-up"),
                .text(" names the best-placed recruiters to write to first, with a message to send."),
            ]
        }
    }
}
