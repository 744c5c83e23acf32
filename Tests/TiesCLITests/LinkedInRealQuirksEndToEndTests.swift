import Foundation
import Testing
import TiesTestSupport

/// `ties import linkedin` on quirks of real exports found after the first ones (fixtures with made-up people;
/// see Fixtures/exports/README.md for the real file each imitates).
@Suite("ties import linkedin: quirks of real exports")
struct LinkedInRealQuirksEndToEndTests {
    let store = StoreUnderTest()

    func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/exports/" + name, withExtension: nil)!.path
    }

    @Test("two messages a sender wrote within one second are two interactions; importing again adds nothing")
    func sameSecond() throws {
        try store.ok("init")
        let out = try store.ok("import", "linkedin", fixture("linkedin-same-second"), "--create-people")
        #expect(out.contains("messages, 6 rows = 6 read + 0 left out on purpose"), "\(out)")
        #expect(out.contains("interactions: 6 added, 0 already present"), "\(out)")
        let nadia = try store.ok("person", "show", "Nadia Brook")
        #expect(nadia.components(separatedBy: "2021-03-02").count >= 3, "\(nadia)")
        let again = try store.ok("import", "linkedin", fixture("linkedin-same-second"), "--create-people")
        #expect(again.contains("interactions: 0 added, 6 already present"), "\(again)")
    }
}
