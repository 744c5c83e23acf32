/// Facts from the store that turn into reasons and gaps beyond the scores.
public struct NetworkFacts: Sendable, Equatable {
    /// The latest inbound contact with no reply after it, per person.
    public var unanswered: [Person.ID: UnansweredContact]
    /// Commitments not yet done as of the day.
    public var openCommitments: [Commitment]
    /// People holding details of the user's that have changed since.
    public var staleDisclosures: [StaleDisclosure]
    /// The days of the user's career-journal entries.
    public var journalDays: [Day]
    /// The field the user works in (`ties me set field`, else read from their own titles and employers),
    /// for choosing the recruiters to warm up; nil when unknown.
    public var field: String?
    /// Every snooze recorded (``Snooze``); those in effect on the day keep their people out of "who next"
    /// and the gaps.
    public var snoozes: [Snooze] = []
    /// The people a listing is limited to (`--tag`), or nil for everyone. Scores stay those of the whole
    /// network; "who next" and the gaps name only these people, and leave out the gaps about the whole
    /// network (coverage, role gaps, concentration, the journal).
    public var focus: Set<Person.ID>? = nil

    public init(
        unanswered: [Person.ID: UnansweredContact] = [:], openCommitments: [Commitment] = [],
        staleDisclosures: [StaleDisclosure] = [], journalDays: [Day] = [], field: String? = nil,
        snoozes: [Snooze] = [], focus: Set<Person.ID>? = nil
    ) {
        self.unanswered = unanswered
        self.openCommitments = openCommitments
        self.staleDisclosures = staleDisclosures
        self.journalDays = journalDays
        self.field = field
        self.snoozes = snoozes
        self.focus = focus
    }
}

/// An inbound contact the user has not answered.
public struct UnansweredContact: Sendable, Equatable {
    public var day: Day
    public var kind: InteractionKind

    public init(day: Day, kind: InteractionKind) {
        self.day = day
        self.kind = kind
    }
}

extension NetworkFacts {
    /// The facts with only what is really waiting for an answer: an inbound contact at most
    /// ``ScoringConfiguration/waitingWindowDays`` old, from someone the user has a relationship with — a
    /// role, a stated closeness, or contact both ways. An older silence is history, and an unsolicited
    /// message from a stranger is not a to-do.
    public func waiting(in analysis: NetworkAnalysis, configuration: ScoringConfiguration) -> NetworkFacts {
        var facts = self
        guard !unanswered.isEmpty else { return facts }
        let twoWay = Set(analysis.score.scores.filter { $0.reciprocity > 0 }.map(\.personID))
        facts.unanswered = unanswered.filter { id, contact in
            guard analysis.score.asOf - contact.day <= configuration.waitingWindowDays,
                let person = analysis.people[id]
            else { return false }
            return !person.roles.isEmpty || person.closeness != nil || twoWay.contains(id)
        }
        return facts
    }
}
