/// The field a person works in (healthcare, finance, ...), as read from titles and organisation names.
///
/// Used to find the recruiters who place people like the user: a recruiter is *in the user's field* when
/// their title or organisation holds one of the field's words (`Physician Recruiter`, `Aya Healthcare`,
/// `Talent Acquisition Partner` at `Mayo Clinic`) or names a search firm known for it. A field the table
/// does not know matches its own words.
public enum ProfessionalField {
    /// Words (folded, whole words) that place a title or organisation in a field.
    public static let vocabulary: [String: [String]] = [
        "healthcare": [
            "health", "healthcare", "health care", "hospital", "hospitals", "medical", "medicine", "physician",
            "physicians", "nurse", "nurses", "nursing", "clinic", "clinical", "clinician", "care", "locum", "locums",
            "pharmacy", "provider", "providers", "surgical", "surgery", "patient", "dental", "behavioral",
            "rehabilitation", "hospice", "radiology", "oncology", "cardiology", "wittkieffer", "witt kieffer",
            "b e smith", "kaye bassman", "comphealth", "weatherby", "merritt hawkins", "aya", "amn",
            "cross country", "medical solutions", "barton associates", "locumtenens", "vista staffing",
        ],
        "finance": [
            "finance", "financial", "bank", "banking", "capital", "investment", "investments", "accounting",
            "accountant", "insurance", "wealth", "fintech", "treasury", "audit",
        ],
        "technology": [
            "technology", "technical", "tech", "software", "engineering", "engineer", "it", "data", "cloud",
            "cyber", "security", "developer", "digital", "saas", "teksystems", "insight global",
        ],
        "legal": ["legal", "law", "lawyer", "lawyers", "attorney", "attorneys", "counsel", "paralegal", "litigation"],
        "education": ["education", "school", "schools", "university", "college", "academic", "faculty", "teacher"],
    ]

    /// The words of `field`: the vocabulary's, or the field's own words when it is not in the table.
    public static func words(of field: String) -> [String] {
        let key = MatchKey.fold(field)
        return vocabulary[key] ?? [key]
    }

    /// True when the title or the organisation holds a word of `field`.
    public static func matches(_ field: String, title: String?, organisation: String?) -> Bool {
        let words = words(of: field)
        return [title, organisation].contains { text in
            guard let text else { return false }
            return TitleText(text).first(of: words) != nil
        }
    }

    /// The field whose words occur in the most of `texts` (the user's own titles and employers), or nil when
    /// none occurs; each of `current` (what the user says of their work now: the headline, the industry
    /// LinkedIn records) counts twice. Ties are broken by the field's name.
    ///
    /// Why twice: a real export's member, a product leader whose industry is "Software Development", had one
    /// past employer named "… Capital" among fourteen positions; counted alike, finance and technology tied
    /// and the name made them a financier.
    public static func infer(from texts: [String], current: [String] = []) -> String? {
        let weighted = texts.map { (TitleText($0), 1) } + current.map { (TitleText($0), 2) }
        let counts = vocabulary.keys.sorted().map { field in
            (field, weighted.filter { $0.0.first(of: vocabulary[field] ?? []) != nil }.reduce(0) { $0 + $1.1 })
        }
        guard let best = counts.max(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 > $1.0 }), best.1 > 0 else { return nil }
        return best.0
    }
}
