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

/// LinkedIn's older profile address, `linkedin.com/profile/view?id=N` (the form of the 2010s: on personal
/// pages, READMEs and vCards in public repositories, found with the code-search tool), and the pages of
/// LinkedIn that are no one's.
@Suite("Profile URLs: who a LinkedIn address names")
struct ProfileURLMemberTests {
    @Test("profile/view keeps its member id, and two of them are two people")
    func profileView() {
        let a = "http://www.linkedin.com/profile/view?id=52220364&trk=nav_responsive_tab_profile"
        #expect(ProfileURL.normalised(a) == "https://www.linkedin.com/profile/view?id=52220364")
        #expect(ProfileURL.key(a) != ProfileURL.key("https://www.linkedin.com/profile/view?id=93515047"))
        #expect(ProfileURL.key(a) == ProfileURL.key("linkedin.com/profile/view?trk=x&id=52220364#top"))
        #expect(ProfileURL.normalised("https://example.com/profile/view?id=1") == "https://example.com/profile/view")
        #expect(ProfileService(key: ProfileURL.identityKey(a)) == .linkedin)
    }

    @Test(
        "only a member's LinkedIn address identifies: not a company's page, a bare path or the site",
        arguments: [
            ("https://www.linkedin.com/in/dana-reyes", true), ("https://uk.linkedin.com/pub/dana-reyes/1/2/3", true),
            ("https://www.linkedin.com/profile/view?id=1", true), ("https://www.linkedin.com/in", false),
            ("https://www.linkedin.com/profile/view", false), ("https://www.linkedin.com/company/hale", false),
            ("https://www.linkedin.com/school/mercy", false), ("https://www.linkedin.com", false),
            ("https://dana.example/about", true), ("https://hale.example", false),
        ])
    func identifies(url: String, expected: Bool) {
        #expect(ProfileURL.canIdentify(key: ProfileURL.identityKey(url)) == expected)
    }
}
