// Fuzz target: LinkedIn's Connections.csv and messages.csv readers.
import TiesCore
import TiesInterchange

func fuzz(_ bytes: [UInt8]) {
    let utf8 = SpreadsheetText.utf8(bytes).bytes
    if let connections = try? LinkedInConnections.read(utf8) {
        for connection in connections.records { _ = ContactValidation.person(connection.person) }
    }
    _ = try? LinkedInMessages.read(utf8)
    _ = try? LinkedInMessages.read(utf8, me: LinkedInIdentity(names: ["Alex Morgan"]))
}
