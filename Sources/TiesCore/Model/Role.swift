/// What a person is to the user. A person can hold several roles (a former colleague who is now a mentor).
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    case recruiter
    case mentor
    case manager
    case colleague
    case formerColleague = "former-colleague"
    case peer
    case sponsor
    case friend
    case client
    case other

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Where a recruiter works: an executive-search firm, a staffing or recruitment agency, or in-house at an
/// employer (talent acquisition).
public enum RecruiterKind: String, CaseIterable, Sendable, Codable {
    /// An executive-search firm (retained search for leaders: Korn Ferry, WittKieffer, ...).
    case searchFirm = "search-firm"
    /// Talent acquisition at the employer that hires.
    case inHouse = "in-house"
    /// A staffing or recruitment agency (contingency, locums, travel nursing, RPO).
    case agency
}

/// What kind of organisation this is.
public enum OrganisationKind: String, CaseIterable, Sendable, Codable {
    case searchFirm = "search-firm"
    case hospital
    case healthSystem = "health-system"
    case employer
    case association
    case school
    case other
}
