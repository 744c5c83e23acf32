extension NetworkFacts {
    /// The people snoozed on `day`, with the day each is back.
    public func snoozed(on day: Day) -> [Person.ID: Day] { snoozes.inEffect(on: day) }

    /// Whether "who next" and the gaps may name this person on `day`: not snoozed, and in the ``focus``.
    func shows(_ id: Person.ID, snoozed: [Person.ID: Day]) -> Bool {
        snoozed[id] == nil && (focus?.contains(id) ?? true)
    }

    /// The facts without what concerns the given people: their unanswered contacts, open promises both ways
    /// and the details of mine they hold. What the gaps of a snoozed person would be made from.
    func leavingOut(_ people: Set<Person.ID>) -> NetworkFacts {
        guard !people.isEmpty else { return self }
        var facts = self
        facts.unanswered = unanswered.filter { !people.contains($0.key) }
        facts.openCommitments = openCommitments.filter { !people.contains($0.personID) }
        facts.staleDisclosures = staleDisclosures.filter { !people.contains($0.personID) }
        return facts
    }
}
