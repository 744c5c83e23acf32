extension InteractionKind {
    /// Whether an interaction of this kind is real contact between the user and the person.
    ///
    /// A connection on a professional network (or an invitation to connect) says that two people know of
    /// each other; it is not a conversation. It counts for a little strength (``ScoringConfiguration/Weights/connected``)
    /// but never makes a relationship active: a person whose only interactions are of a non-contact kind is
    /// *dormant* (``RelationshipStatus/dormant``), and silence is measured from the last real contact.
    public var isContact: Bool {
        switch self {
        case .meeting, .call, .video, .email, .message, .event, .intro, .referral, .favour, .reaction: true
        case .connected: false
        }
    }
}
