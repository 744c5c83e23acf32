/// The word lists the role classifier reads, in one place so that each can be read, tested and argued with.
///
/// Every entry is folded text (lower case, no accents, punctuation as single spaces) matched as whole words.
/// The lists were written from the labelled titles described in `Tests/TiesCoreTests/Fixtures/RoleTitles/README.md`.
public enum RecruiterRules {
    /// Words or phrases in a title that say the person recruits people for jobs.
    public static let recruitingPhrases = [
        "talent acquisition", "recruiter", "recruiters", "recruiting", "recruitment", "recruit",
        "headhunter", "head hunter", "headhunting", "executive search", "sourcer", "talent sourcing",
        "resourcing", "resourcer", "talent search", "talent partner", "candidate attraction", "talent attraction",
        "interview coordinator", "staffing consultant", "hr staffing", "rpo", "ta specialist", "ta partner",
        "ta manager", "ta lead", "ta coordinator",
    ]

    /// Phrases that turn a recruiting word into something else: marketing to candidates, recruiting
    /// patients into a study, students into a school, donors, volunteers or soldiers, or managing the
    /// vendors of recruitment. A title holding one of these is not a recruiter's.
    public static let vetoPhrases = [
        "recruitment marketing", "recruiting marketing", "recruiter marketing", "talent acquisition marketing",
        "employer brand", "employer branding", "patient", "patients", "participant", "participants", "subject",
        "study", "studies", "trial", "trials", "donor", "donors", "volunteer", "volunteers", "student",
        "students", "admission", "admissions", "enrollment", "enrolment", "membership", "dealer",
        "dealers", "franchise", "military", "army", "navy", "marine", "marines", "air force", "athletic",
        "athletics", "football", "basketball", "vendor manager", "vendor management", "church",
    ]

    /// Staffing words that make a recruiter only at a staffing agency (at a hospital, a staffing office
    /// schedules shifts).
    public static let agencyOnlyPhrases = ["staffing specialist", "staffing manager", "staffing coordinator"]

    /// Generic titles that, at an executive-search firm, are the people who run searches.
    public static let searchFirmDeliveryWords: Set<Substring> = [
        "partner", "consultant", "principal", "associate", "researcher", "research",
    ]

    /// Words that keep a generic title at a search firm from counting (its own finance, IT, office staff).
    public static let searchFirmNonDeliveryWords: Set<Substring> = [
        "chief", "cfo", "ceo", "coo", "cto", "finance", "financial", "accountant", "accounting", "assistant",
        "administrative", "marketing", "it", "engineer", "developer", "legal", "counsel", "office", "payroll",
    ]

    /// Title cues for a recruiter employed by the organisation they hire for.
    public static let inHouseTitlePhrases = [
        "in house", "inhouse", "internal", "corporate", "campus", "college", "graduate", "university",
        "business partner", "human resources", "hr",
    ]

    /// Title cues for executive search.
    public static let searchFirmTitlePhrases = ["executive search", "search consultant", "retained search"]

    /// Title cues for an agency: the British "recruitment consultant", recruitment process outsourcing,
    /// placements, the account side of a recruitment business.
    public static let agencyTitlePhrases = [
        "recruitment consultant", "recruiting consultant", "rpo", "placement", "placements", "recruitment account",
    ]

    /// Title cues for talent acquisition, the in-house function's own name.
    public static let talentAcquisitionPhrases = [
        "talent acquisition", "ta specialist", "ta partner", "ta manager", "ta lead",
    ]

    /// Organisation words that name an executive-search firm.
    public static let searchFirmOrganisationPhrases = [
        "executive search", "search", "korn ferry", "spencer stuart", "heidrick", "egon zehnder", "russell reynolds",
        "wittkieffer", "witt kieffer", "diversified search", "odgers berndtson", "boyden", "stanton chase",
        "dhr global", "grant cooper",
        "kaye bassman", "furst group", "b e smith", "zrg", "isaacson miller", "buffkin", "quick leonard kieffer",
        "caldwell partners",
    ]

    /// Organisation words that name a staffing or recruitment agency.
    public static let agencyOrganisationPhrases = [
        "staffing", "recruitment", "recruiting", "recruiters", "personnel", "locum", "locums", "locumtenens",
        "placement", "placements", "robert half", "randstad", "adecco", "manpower",
        "manpowergroup", "kelly services", "hays", "michael page", "pagegroup", "aya healthcare", "amn healthcare",
        "cross country", "comphealth", "weatherby", "barton associates", "merritt hawkins", "medical solutions",
        "teksystems", "aerotek", "insight global", "kforce", "allegis", "vista staffing", "trustaff",
        "fastaff", "ingenovis", "soliant", "maxim healthcare",
    ]
}
