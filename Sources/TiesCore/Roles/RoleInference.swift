/// A role read from a person's title and organisation, with the words that led to it.
///
/// An inference is a guess: Ties stores it as *inferred*, shows its evidence, and lets the user confirm or
/// reject it (`ties person roles --review`). A role the user states always wins over an inferred one.
public struct RoleInference: Sendable, Equatable, Codable {
    /// The role inferred. Only ``Role/recruiter`` is inferred today: the other roles (mentor, manager,
    /// sponsor, colleague, friend, client) say what a person is *to the user*, which no job title states.
    public var role: Role
    /// For a recruiter: in-house, agency or executive search, when the title or organisation says which.
    public var recruiterKind: RecruiterKind?
    /// The words that matched, as they read after folding (`"physician recruiter"`,
    /// `"organisation: staffing agency (comphealth)"`), in the order the rules found them.
    public var evidence: [String]

    public init(role: Role, recruiterKind: RecruiterKind? = nil, evidence: [String]) {
        self.role = role
        self.recruiterKind = recruiterKind
        self.evidence = evidence
    }

    /// The evidence as one line, `; `-separated, as stored and shown.
    public var evidenceText: String { evidence.joined(separator: "; ") }
}
