import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// The reading thread's shortcuts for a large messages file must give what the work they skip gives: a profile
/// URL taken as its own form, a message's counterparts judged once per sender or list, a stored id made from a
/// counterpart read in place, a second message of one id told by its digest. Made-up people.
@Suite("Interchange: LinkedIn messages, shortcuts of the reading thread")
struct InterchangeMessageShortcutTests {
    @Test("a URL taken as its own form is its normalised form; others are left to the normalisation")
    func normalisedURLs() {
        let own = [
            "https://www.linkedin.com/in/ann-lee-1", "https://www.linkedin.com/in/Ann-Lee", "https://x",
            "https://linkedin.com/in/ann_lee.2", "https://www.linkedin.com/in/ann-lee/details", "https:///in/a",
        ]
        for url in own {
            #expect(URLForms.isNormalised(url), "\(url)")
            #expect(ProfileURL.normalised(url) == url, "\(url)")
        }
        let others = [
            "https://www.linkedin.com/in/ann-lee/", "http://www.linkedin.com/in/ann-lee", "www.linkedin.com/in/ann",
            "https://WWW.LinkedIn.com/in/ann", "https://www.linkedin.com/in/ann?trk=x",
            "https://www.linkedin.com/in/a#b",
            "https://www.linkedin.com/in/%C3%ABl", " https://www.linkedin.com/in/ann",
            "https://www.linkedin.com/in/a b",
            "https://www.linkedin.com/in/ann\t", "https://www.linkedin.com/in/ëlo", "HTTPS://www.linkedin.com/in/a",
            "https://", "", "https://www.linkedin.com/profile/view?id=52220364",
        ]
        for url in others { #expect(!URLForms.isNormalised(url), "\(url)") }
        // Every other URL still comes to its normalised form.
        let forms = URLForms()
        for url in own + others { #expect(forms.normalised(url) == ProfileURL.normalised(url), "\(url)") }
    }

    @Test("a list's counterpart facts are what looking through it says")
    func counterpartFacts() {
        let member = LinkedInParticipant(name: "LinkedIn Member")
        let ann = LinkedInParticipant(name: "Ann Lee", profileURL: "https://www.linkedin.com/in/ann-lee-1")
        let blank = LinkedInParticipant(name: "")
        let cases: [([LinkedInParticipant], withheld: Bool, blank: Bool)] = [
            ([ann], false, false), ([member], true, true), ([member, ann], true, false), ([blank], false, true),
            ([member, blank], true, true), ([], false, true),
            ([LinkedInParticipant(name: "LinkedIn Member", profileURL: "https://www.linkedin.com/in/m")], false, false),
        ]
        for (list, withheld, isBlank) in cases {
            let facts = MessageBuilder.CounterpartFacts(list)
            #expect(facts.withheld == withheld && facts.blank == isBlank, "\(list.map(\.name))")
            // As the builder looked before: withheld ones left out, then none with a name or URL.
            var left = list
            left.removeAll(where: MessageBuilder.isWithheld)
            #expect(facts.blank == left.allSatisfy { $0.name.isEmpty && $0.profileURL == nil })
        }
    }

    static let header =
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"

    @Test("a counterpart's stored id is the same made in place as from a copy, in both readings")
    func storedIDsInPlace() throws {
        let text =
            Self.header
            + "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee-1,Robin Vale,https://www.linkedin.com/in/robin-vale,2024-01-02 10:00:00 UTC,,hi,INBOX\n"
            + "c1,,Robin Vale,https://www.linkedin.com/in/robin-vale,\"Ann Lee, Bo Ek\",\"https://www.linkedin.com/in/ann-lee-1, https://www.linkedin.com/in/bo-ek\",2024-01-02 10:00:00 UTC,,hi,SENT\n"
            + "c1,,Robin Vale,https://www.linkedin.com/in/robin-vale,\"Ann Lee, Bo Ek\",\"https://www.linkedin.com/in/ann-lee-1, https://www.linkedin.com/in/bo-ek\",2024-01-02 10:00:00 UTC,,again,SENT\n"
        let me = LinkedInIdentity(names: ["Robin Vale"])
        var ids: [[String]] = []
        var ordinals: [Int] = []
        let read = try LinkedInMessages.forEachInOnePass(in: .bytes(Array(text.utf8)), me: me) { m in
            ids.append(
                m.counterparts.indices.map { LinkedInMessages.storedSourceID(of: m, counterpart: $0) })
            #expect(ids.last == m.counterparts.map { LinkedInMessages.storedSourceID(of: m, with: $0) })
            ordinals.append(m.ordinal)
            return true
        }
        #expect(read != nil)
        #expect(ids.map(\.count) == [1, 2, 2])
        // The second message of one id (one date, one sender) is told apart, by its digest.
        #expect(ordinals == [1, 1, 2])
        #expect(Set(ids.joined()).count == 5)
        var twoPass: [[String]] = []
        _ = try LinkedInMessages.forEach(in: Array(text.utf8), me: me) { m in
            twoPass.append(m.counterparts.indices.map { LinkedInMessages.storedSourceID(of: m, counterpart: $0) })
            return true
        }
        #expect(twoPass == ids)
    }

}
