import Foundation
import Testing
import TiesTestSupport

extension MailImportEndToEndTests {
    @Test("an .eml of headers only, without a final newline, is a whole message, not one cut off")
    func headerOnlyMessage() throws {
        let out = try imported(
            "header-only.eml", me: "jordan.ellis@newmail.example",
            known: ("Priya Natarajan", "priya.natarajan@quayside.example"))
        #expect(out.contains("messages: 1 read = 1 imported + 0 left out + 0 listed"), "\(out)")
        #expect(!out.contains("cut off"), "\(out)")
        #expect(out.contains("interactions: 1 added"), "\(out)")
    }

    @Test("Outlook's winmail.dat (TNEF) is named as such, not as binary data")
    func tnefAttachment() throws {
        try store.ok("init")
        let result = try store.ties(["import", "mail", fixture("winmail.dat"), "--me", "jordan.ellis@newmail.example"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("winmail.dat: not mail: it is an Outlook TNEF attachment (winmail.dat)"),
            "\(result.stderr)")
    }
}
