import Foundation

/// Which file of a LinkedIn export a CSV is, told by its header row (never by its name alone).
public enum LinkedInFileKind: String, Sendable, CaseIterable {
    case connections, messages, invitations
    case recommendationsReceived, recommendationsGiven, endorsementsReceived, endorsementsGiven
    case emailAddresses, phoneNumbers, profile, positions
    /// Conversations with LinkedIn's AI coach and assistants (``isCoachFile(_:)``): not with people, not read.
    case coachMessages

    /// What the kind is called in listings.
    public var label: String {
        switch self {
        case .connections: "connections"
        case .messages: "messages"
        case .invitations: "invitations"
        case .recommendationsReceived: "recommendations received"
        case .recommendationsGiven: "recommendations given"
        case .endorsementsReceived: "endorsements received"
        case .endorsementsGiven: "endorsements given"
        case .emailAddresses: "your email addresses"
        case .phoneNumbers: "your phone numbers"
        case .profile: "your profile"
        case .positions: "your positions"
        case .coachMessages: "conversations with LinkedIn's AI coach or assistant"
        }
    }

    /// Whether a file's name is that of LinkedIn Learning's coach (`learning_coach_messages.csv`,
    /// `coach_messages.csv`, `LearningCoachMessages.csv`), its role play (`learning_role_play_messages.csv`) or
    /// LinkedIn's guide (`guide_messages.csv`). These files have the messages header, but their rows are the
    /// user's questions to an AI, with an empty `TO`, and its answers, with an empty `FROM`
    /// (Unigalactix/RESUME-GEN, 2026: 8 rows titled `Learning Coach Conversation`); only their names tell them
    /// from the user's messages.
    public static func isCoachFile(_ name: String) -> Bool {
        let key = String(name.lowercased().unicodeScalars.filter { !"_- ".unicodeScalars.contains($0) })
        return ["coachmessages.csv", "roleplaymessages.csv", "guidemessages.csv"].contains { key.hasSuffix($0) }
    }

    /// The kind of the file whose bytes are `bytes`, or nil when its header is none of an export's files
    /// this importer reads (Skills.csv, Shares.csv, a vCard...).
    ///
    /// Recommendations received and given have the same columns; only there the file's name decides
    /// (`Given` in it means given), and for the AI coach's conversations (``isCoachFile(_:)``).
    public static func detect(_ bytes: [UInt8], name: String) -> LinkedInFileKind? {
        if isCoachFile(name) { return .coachMessages }  // `No conversations found` in some, without a header
        if CSVTable.locateHeader(in: bytes, hint: "from", isHeader: LinkedInMessages.isHeader) != nil {
            return .messages
        }
        guard let header = try? CSVTable.header(of: bytes) else { return nil }
        let keys = Set(header.fields.map(CSVTable.key))
        if LinkedInInvitations.isHeader(header.fields) { return .invitations }
        if keys.contains("endorsement date") {
            if keys.contains("endorser first name") || keys.contains("endorser public url") {
                return .endorsementsReceived
            }
            if keys.contains("endorsee first name") || keys.contains("endorsee public url") {
                return .endorsementsGiven
            }
        }
        if keys.contains("text"), keys.contains("job title") || keys.contains("company"),
            keys.contains(where: { $0.hasPrefix("creation date") }) || keys.contains("status")
        {
            return name.lowercased().contains("given") ? .recommendationsGiven : .recommendationsReceived
        }
        if keys.contains("email address"), keys.contains("confirmed") || keys.contains("primary") {
            return .emailAddresses
        }
        if keys.contains("number"), keys.contains("extension") || keys.contains("type"), keys.count <= 4 {
            return .phoneNumbers
        }
        if LinkedInPositions.isHeader(header.fields) { return .positions }
        // `Maiden Name` alone is not enough: address books have one too (Outlook's, Roundcube's).
        if keys.contains("first name"), keys.contains("last name"),
            keys.contains("headline") || keys.contains("maiden name") && keys.contains("geo location")
        {
            return .profile
        }
        if CSVTable.locateHeader(
            in: bytes, hint: LinkedInConnections.headerHint, isHeader: LinkedInConnections.isHeader) != nil
        {
            return .connections
        }
        return nil
    }
}
