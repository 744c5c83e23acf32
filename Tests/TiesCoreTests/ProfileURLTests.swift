import Testing
import TiesCore

@Suite("Profile URLs: one normaliser")
struct ProfileURLTests {
    @Test(
        "scheme, host case, trailing slash, query and fragment; http is https",
        arguments: [
            ("https://WWW.LinkedIn.com/in/Dana-Reyes/", "https://www.linkedin.com/in/Dana-Reyes"),
            ("  www.linkedin.com/in/dana?trk=people-guest#x ", "https://www.linkedin.com/in/dana"),
            ("HTTP://linkedin.com/in/dana//", "https://linkedin.com/in/dana"),
            ("linkedin.com/in/dana", "https://linkedin.com/in/dana"),
        ])
    func forms(text: String, expected: String) {
        #expect(ProfileURL.normalised(text) == expected)
    }

    @Test("the raw non-ASCII and the percent-encoded form of one profile are the same URL")
    func percentEncoding() {
        let raw = "https://www.linkedin.com/in/zoë-ärlig-123"
        let encoded = "https://www.linkedin.com/in/zo%C3%AB-%C3%A4rlig-123/"
        let lowerHex = "www.linkedin.com/in/zo%c3%ab-%c3%a4rlig-123"
        #expect(ProfileURL.normalised(encoded) == raw)
        #expect(ProfileURL.normalised(lowerHex) == raw)
        #expect(ProfileURL.key(encoded) == ProfileURL.key(raw))
    }

    @Test("delimiters and bytes that are not UTF-8 stay encoded (upper-case hex); a stray % is kept")
    func keptEncoded() {
        #expect(ProfileURL.normalised("https://x.example/a%2fb") == "https://x.example/a%2Fb")
        #expect(ProfileURL.normalised("https://x.example/%e9t%C3") == "https://x.example/%E9t%C3")
        #expect(ProfileURL.normalised("https://x.example/100%") == "https://x.example/100%")
        #expect(ProfileURL.normalised("https://x.example/%41") == "https://x.example/A")
    }

    @Test("the comparison key drops scheme and www and ignores case")
    func key() {
        #expect(ProfileURL.key("http://www.LinkedIn.com/in/Zoe-Arlig/") == "linkedin.com/in/zoe-arlig")
        #expect(ProfileURL.key("https://linkedin.com/in/zoe-arlig?x=1") == "linkedin.com/in/zoe-arlig")
        #expect(
            ProfileURL.key("https://linkedin.com/in/zoe-arlig-2") != ProfileURL.key("https://linkedin.com/in/zoe-arlig")
        )
    }
}
