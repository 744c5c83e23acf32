import Foundation

/// The files of a LinkedIn export that `ties import linkedin` does not read, told by their header rows (as
/// LinkedIn writes them in the exports of 2018–2026 tried: Rich_Media.csv, Company Follows.csv,
/// Ad_Targeting.csv, SavedJobs.csv, Education.csv, Skills.csv…), so that a listing says what each is and why
/// it is not read, rather than only that it is not.
public enum LinkedInOtherFile {
    /// What the file holds, as a clause after its name, or nil when its header is none of these.
    public static func reason(_ bytes: [UInt8], name: String) -> String? {
        guard let header = try? CSVTable.header(of: bytes) else { return nil }
        let keys = Set(header.fields.map(CSVTable.key).filter { !$0.isEmpty })
        if keys.isSuperset(of: ["source", "firstname", "lastname", "emails"]) {
            return "LinkedIn's copy of the address-book contacts you once let it read; not read here: "
                + "import the address book itself (its vCard or CSV export)"
        }
        let base = name.split(separator: "/").last.map(String.init)?.lowercased() ?? name.lowercased()
        if keys == ["name"], base.contains("skill") { return notPeople("your skills") }
        if keys == ["date", "status", "fullname"] {
            return "LinkedIn's list of the members you follow, by name alone: following someone is no contact"
        }
        for (signature, exact, what) in kinds where exact ? keys == signature : keys.isSuperset(of: signature) {
            return notPeople(what)
        }
        return nil
    }

    private static func notPeople(_ what: String) -> String {
        "LinkedIn's list of \(what), which names no one to import"
    }

    /// Columns of each file, whether they must be all its columns (short headers) or only among them, and
    /// what the file lists.
    private static let kinds: [(Set<String>, Bool, String)] = [
        (["school name", "degree name"], false, "your education"),
        (["authority", "license number"], false, "your certifications"),
        (["organization", "followed on"], false, "the companies you follow"),
        (["content title", "content type"], false, "your LinkedIn Learning courses"),
        (["registered at", "registration ip"], false, "your account's registration"),
        (["member age", "buyer groups"], false, "what advertisers reach you by"),
        (["open to recruiters", "dream companies"], false, "your job-seeking preferences"),
        (["media description", "media link"], false, "the images and videos you posted"),
        (["profile summary"], true, "your profile's summary"),
        (["event name", "event time"], false, "the events you answered"),
        (["saved date", "job url"], false, "the jobs you saved"),
        (["application date", "resume name"], false, "your job applications"),
        (["alert_parameters", "saved_search_id"], false, "your job alerts"),
        (["saved search date", "jobs search url"], false, "your saved job searches"),
        (["published on", "publisher"], false, "your publications"),
        (["name", "proficiency"], true, "your languages"),
        (["hashtag", "createdtime"], false, "the hashtags you follow"),
        (["date", "link", "message"], true, "your comments"),
        (["date", "type", "link"], true, "your reactions"),
        (["title", "description", "issued on"], true, "your honours and awards"),
        (["time", "search query"], true, "your searches"),
        (["sharelink", "sharecommentary"], false, "your posts"),
        (["date", "link", "optiontext"], true, "your votes in polls"),
        (["login date", "user agent"], false, "your sign-ins"),
        (["question", "answer"], true, "your saved answers to application questions"),
        (["marketplace type", "profinder service category"], false, "the services you offer"),
        (["title", "description", "url", "started on", "finished on"], true, "your projects"),
    ]
}
