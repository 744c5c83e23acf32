// Fuzz target: LinkedIn's Connections.csv and messages.csv readers; a messages file read in one pass, when
// the one pass accepts it, must give exactly what the two passes give.
import TiesCore
import TiesInterchange

func fuzz(_ bytes: [UInt8]) {
    let utf8 = SpreadsheetText.utf8(bytes).bytes
    if let connections = try? LinkedInConnections.read(utf8) {
        for connection in connections.records { _ = ContactValidation.person(connection.person) }
    }
    _ = try? LinkedInMessages.read(utf8)
    let me = LinkedInIdentity(names: ["Alex Morgan"])
    guard let twoPasses = try? LinkedInMessages.read(utf8, me: me) else { return }
    var messages: [LinkedInMessage] = []
    guard
        let onePass = try? LinkedInMessages.forEachInOnePass(in: .bytes(utf8), me: me, { message in
            messages.append(message)
            return true
        })
    else { return }
    precondition(
        messages == twoPasses.result.records && onePass.result.skipped == twoPasses.result.skipped
            && onePass.result.problems == twoPasses.result.problems,
        "the one-pass and two-pass readings of messages disagree")
}
