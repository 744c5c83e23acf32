/// What to do about one person (a row of "who next", which names the person), as data: an action and its
/// arguments. The reports put it into words and command lines (`AdviceText` in TiesReports), so the same
/// advice can be a sentence on a terminal, a Markdown code span, or a link in HTML. The core never names a
/// command.
public enum Advice: Hashable, Sendable {

    /// The person reached out and is waiting: answer on the channel they used (call back, reply to the email,
    /// answer the message). A recruiter's networking call is taken even when the user is not looking.
    case answer(channel: InteractionKind, recruiter: Bool)
    /// Keep the promise `commitment` made to the person, then mark it done.
    case keepPromise(commitment: Commitment.ID?)
    /// Send the person the user's new details, then record that they hold the current ones.
    case sendNewDetails(PendingDisclosure)
    /// Give a recruiter a short update and ask about the market.
    case updateRecruiter
    /// Ask a mentor, sponsor or manager for a short catch-up.
    case askForCatchUp
    /// Reconnect with a bridge through their work, at `organisation` when known.
    case reconnectThroughWork(organisation: String?)
    /// Call a friend.
    case call
    /// Suggest a coffee or a call, and offer help.
    case suggestCoffee
    /// A recruiter the user is connected with and has never spoken with: send a first message (the
    /// organisation, the user's field and when they connected make it personal).
    case warmUpRecruiter(organisation: String?, field: String?, since: Day?)
    /// Their birthday (else their work anniversary) is on `on`, within the week: send them a note.
    case greet(birthday: Bool, on: Day)
}

/// What to do about a gap, as data (see ``Advice``).
public enum GapAdvice: Hashable, Sendable {
    /// No active recruiter or too few: take the next networking call, and reconnect.
    case takeRecruiterCalls
    /// Every active recruiter at one firm: build a relationship elsewhere.
    case recruiterAtAnotherFirm
    /// People hold old details: write the drafts, send them, record the disclosures (`example` is the first).
    case notifyStaleDetails(example: PendingDisclosure)
    /// Recruiters are waiting: answer them this week, the way they reached out.
    case answerRecruiters
    /// Others are waiting: reply, even briefly.
    case replyBriefly
    /// Promises past due: follow up, then mark them done (`commitment` is the first, as an example).
    case followUpOnPromises(commitment: Commitment.ID?)
    /// Promises open: keep them; they can be listed.
    case keepOpenPromises
    /// Promises made to the user past due: a reminder is a reason to be in touch.
    case remindThem
    /// Strong ties going quiet: reach out; "who next" suggests how.
    case reachOutToQuietTies
    /// Bridges gone cold: reconnect.
    case reconnectBridges
    /// No active mentor: ask a senior person for a regular conversation.
    case findMentor
    /// No active sponsor: nurture one senior advocate.
    case findSponsor
    /// One organisation dominates: invest in people outside it.
    case investOutside(organisation: String)
    /// A closed network: meet people the user's contacts do not know.
    case meetOutsideCircle
    /// Nothing in the journal this quarter (or ever, when `first`): record an entry.
    case recordJournalEntry(first: Bool)
    /// Contact details not verified in a year: check them at the next contact (`person` is the first).
    case verifyContactDetails(person: Person.ID)
    /// Too few ties between the user's contacts are recorded to tell how closed the network is.
    case recordWhoKnowsWhom
    /// Recruiters among the connections never spoken with: warm up the best placed; "who next" names them.
    case warmUpDormantRecruiters
}

/// A disclosure to record once the user has sent their current details: who now holds what, and for a resume
/// which version.
public struct PendingDisclosure: Hashable, Sendable {
    public var person: Person.ID
    public var kind: DisclosureKind
    /// The resume version to record; nil for other details.
    public var version: String?

    /// What to record once `stale` is put right: the holder gets the current detail.
    public init(_ stale: StaleDisclosure) {
        person = stale.personID
        kind = stale.kind
        version = stale.kind == .resume ? stale.current : nil
    }
}
