import Foundation
import Testing
import TiesCore
import TiesTestSupport

private func day(_ text: String) -> Day { Fixtures.day(text) }

@Suite("Career: commitments")
struct CareerCommitmentTests {
    let made = Fixtures.noon("2026-03-01")

    @Test("a promise is open from when it is made until it is done")
    func open() {
        var c = Commitment(personID: 1, text: "Intro to the CFO", createdAt: made, due: day("2026-03-10"))
        #expect(!c.isOpen(asOf: made.addingTimeInterval(-1)))
        #expect(c.isOpen(asOf: made))
        #expect(c.isOpen(asOf: Fixtures.noon("2027-01-01")))
        c.doneAt = Fixtures.noon("2026-03-05")
        #expect(c.isOpen(asOf: Fixtures.noon("2026-03-04")))
        #expect(!c.isOpen(asOf: Fixtures.noon("2026-03-05")))
        #expect(!c.isOpen(asOf: Fixtures.noon("2026-04-01")))
    }

    @Test("overdue from the day after the due day, never without one, never once done")
    func overdue() {
        var c = Commitment(personID: 1, text: "Send the article", owner: .them, createdAt: made, due: day("2026-03-10"))
        #expect(!c.isOverdue(asOf: day("2026-03-09")))
        #expect(!c.isOverdue(asOf: day("2026-03-10")))
        #expect(c.isOverdue(asOf: day("2026-03-11")))
        c.doneAt = Fixtures.noon("2026-03-20")
        #expect(!c.isOverdue(asOf: day("2026-03-11")), "the day-only form treats a done promise as kept")
        let noDue = Commitment(personID: 1, text: "Some time", createdAt: made)
        #expect(!noDue.isOverdue(asOf: day("2030-01-01")))
    }

    @Test("the exact form asks about a past moment: done later means overdue then")
    func overdueInThePast() {
        let c = Commitment(
            personID: 1, text: "Send the article", createdAt: made, due: day("2026-03-10"),
            doneAt: Fixtures.noon("2026-03-20"))
        #expect(c.isOverdue(asOf: Fixtures.noon("2026-03-15"), timeZone: Fixtures.utc))
        #expect(!c.isOverdue(asOf: Fixtures.noon("2026-03-21"), timeZone: Fixtures.utc))
        #expect(!c.isOverdue(asOf: Fixtures.noon("2026-03-10"), timeZone: Fixtures.utc))
        // 2026-03-11 01:00 UTC is still 2026-03-10 in Chicago.
        let early = Date(timeIntervalSince1970: TimeInterval(day("2026-03-11").ordinal * 86_400 + 3600))
        #expect(c.isOverdue(asOf: early, timeZone: Fixtures.utc))
        #expect(!c.isOverdue(asOf: early, timeZone: TimeZone(identifier: "America/Chicago")!))
    }
}

@Suite("Career: stale disclosures")
struct CareerDisclosureTests {
    let oldEmail = MyDetail(id: 1, kind: .email, value: "alex@old.example", since: day("2020-01-01"))
    let newEmail = MyDetail(id: 2, kind: .email, value: "alex@new.example", since: day("2026-03-01"))
    let phone = MyDetail(id: 3, kind: .phone, value: "+1 312 555 0100", since: day("2020-01-01"))

    @Test("the current detail is the latest since on or before the day, then the larger id")
    func current() {
        let same = MyDetail(id: 9, kind: .email, value: "alex@same-day.example", since: day("2026-03-01"))
        let details = [oldEmail, newEmail, phone]
        #expect(MyDetail.current(of: .email, in: details, asOf: day("2026-02-28")) == oldEmail)
        #expect(MyDetail.current(of: .email, in: details, asOf: day("2026-03-01")) == newEmail)
        #expect(MyDetail.current(of: .email, in: details + [same], asOf: day("2026-03-01")) == same)
        #expect(MyDetail.current(of: .address, in: details, asOf: day("2026-03-01")) == nil)
        #expect(MyDetail.current(of: .email, in: details, asOf: day("2019-12-31")) == nil)
    }

    @Test("someone holding a replaced email is stale from the day the new one took effect")
    func staleEmail() {
        let given = Disclosure(id: 1, personID: 7, kind: .email, myDetailID: 1, day: day("2026-01-10"))
        let details = [oldEmail, newEmail, phone]
        #expect(Disclosures.stale(disclosures: [given], details: details, asOf: day("2026-02-28")).isEmpty)
        #expect(
            Disclosures.stale(disclosures: [given], details: details, asOf: day("2026-03-01")) == [
                StaleDisclosure(
                    personID: 7, kind: .email, held: "alex@old.example", current: "alex@new.example",
                    since: day("2026-03-01"))
            ])
    }

    @Test("telling them again clears it; only the latest disclosure per person and kind counts")
    func cleared() {
        let details = [oldEmail, newEmail]
        let first = Disclosure(id: 1, personID: 7, kind: .email, myDetailID: 1, day: day("2026-01-10"))
        let again = Disclosure(id: 2, personID: 7, kind: .email, myDetailID: 2, day: day("2026-03-05"))
        #expect(Disclosures.stale(disclosures: [again, first], details: details, asOf: day("2026-04-01")).isEmpty)
        // Before the second disclosure happened, they were stale.
        #expect(Disclosures.stale(disclosures: [first, again], details: details, asOf: day("2026-03-04")).count == 1)
    }

    @Test("changing a detail back to the value they hold makes nobody stale")
    func changedBack() {
        let back = MyDetail(id: 4, kind: .email, value: "alex@old.example", since: day("2026-05-01"))
        let given = Disclosure(id: 1, personID: 7, kind: .email, myDetailID: 1, day: day("2026-01-10"))
        #expect(
            Disclosures.stale(disclosures: [given], details: [oldEmail, newEmail, back], asOf: day("2026-04-01")).count
                == 1)
        #expect(
            Disclosures.stale(disclosures: [given], details: [oldEmail, newEmail, back], asOf: day("2026-05-01"))
                .isEmpty)
    }

    @Test("a disclosure that points at no known detail is skipped; other kinds are independent")
    func unknownDetail() {
        let details = [oldEmail, newEmail, phone]
        let lost = Disclosure(id: 1, personID: 7, kind: .email, myDetailID: 99, day: day("2026-01-10"))
        let phoneGiven = Disclosure(id: 2, personID: 7, kind: .phone, myDetailID: 3, day: day("2026-01-10"))
        #expect(Disclosures.stale(disclosures: [lost, phoneGiven], details: details, asOf: day("2026-06-01")).isEmpty)
    }

    @Test("resume versions are ordered by when each was first given to anyone")
    func resume() {
        let disclosures = [
            Disclosure(id: 1, personID: 1, kind: .resume, version: "v1", day: day("2025-01-01")),
            Disclosure(id: 2, personID: 2, kind: .resume, version: "v3", day: day("2026-02-01")),
            // An old version handed out later does not become the latest.
            Disclosure(id: 3, personID: 3, kind: .resume, version: "v1", day: day("2026-03-01")),
            Disclosure(id: 4, personID: 4, kind: .resume, version: "v3", day: day("2026-03-02")),
        ]
        let stale = Disclosures.stale(disclosures: disclosures, details: [], asOf: day("2026-04-01"))
        #expect(
            stale == [
                StaleDisclosure(personID: 1, kind: .resume, held: "v1", current: "v3", since: day("2026-02-01")),
                StaleDisclosure(personID: 3, kind: .resume, held: "v1", current: "v3", since: day("2026-02-01")),
            ])
        // Before v3 existed, nobody was stale.
        #expect(Disclosures.stale(disclosures: disclosures, details: [], asOf: day("2026-01-31")).isEmpty)
    }

    @Test("the result is ordered by person, then kind, whatever the input order", arguments: [0, 1, 2, 3, 4])
    func ordering(seed: Int) {
        var disclosures = [
            Disclosure(id: 1, personID: 9, kind: .email, myDetailID: 1, day: day("2026-01-10")),
            Disclosure(id: 2, personID: 2, kind: .email, myDetailID: 1, day: day("2026-01-10")),
            Disclosure(id: 3, personID: 9, kind: .resume, version: "a", day: day("2026-01-01")),
            Disclosure(id: 4, personID: 5, kind: .resume, version: "b", day: day("2026-02-01")),
        ]
        // A fixed rotation per argument, so every order is reproducible.
        disclosures = Array(disclosures[(seed % 4)...] + disclosures[..<(seed % 4)])
        if seed == 4 { disclosures.reverse() }
        let stale = Disclosures.stale(disclosures: disclosures, details: [oldEmail, newEmail], asOf: day("2026-06-01"))
        #expect(stale.map { "\($0.personID) \($0.kind.rawValue)" } == ["2 email", "9 resume", "9 email"])
    }
}

@Suite("Career: journal as a resume")
struct CareerHistoryTests {
    let entries = [
        JournalEntry(
            id: 1, kind: .employment, text: "Ran operations", day: day("2020-01-06"), endDay: day("2023-12-31"),
            organisation: "St. Anne", title: "Director of Operations"),
        JournalEntry(
            id: 2, kind: .employment, text: "Runs three hospitals", day: day("2024-01-08"),
            organisation: "Mercy Health", title: "COO"),
        JournalEntry(
            id: 3, kind: .accomplishment, text: "Cut readmissions by 18%", day: day("2025-05-20"),
            organisation: "mercy health", amount: 18),
        JournalEntry(id: 4, kind: .accomplishment, text: "Opened a clinic", day: day("2021-03-01")),
        JournalEntry(
            id: 5, kind: .accomplishment, text: "Chaired the regional college", day: day("2022-06-01"),
            organisation: "ACHE"),
        JournalEntry(
            id: 6, kind: .review, text: "Exceeds expectations", day: day("2025-12-15"), organisation: "Mercy Health"),
        JournalEntry(id: 7, kind: .salary, text: "Raise", day: day("2026-01-01"), amount: 185_000),
        JournalEntry(id: 8, kind: .accomplishment, text: "Saved $2M in supply costs", day: day("2024-09-01")),
        JournalEntry(id: 9, kind: .accomplishment, text: "Before any job", day: day("2019-01-01")),
    ]

    @Test("jobs newest first, each with the accomplishments of its period and organisation, oldest first")
    func positions() {
        let history = CareerHistory(entries: entries.reversed())
        #expect(history.positions.map { $0.employment.id } == [2, 1])
        #expect(history.positions[0].highlights.map(\.id) == [8, 3])
        #expect(history.positions[1].highlights.map(\.id) == [4])
    }

    @Test("accomplishments outside any job are awards; reviews and salary stay private")
    func awards() {
        let history = CareerHistory(entries: entries)
        #expect(history.awards.map(\.id) == [5, 9])
        let all = history.positions.flatMap { [$0.employment] + $0.highlights } + history.awards
        #expect(!all.contains { $0.kind == .salary || $0.kind == .review })
    }

    @Test("with overlapping jobs, an accomplishment without an organisation goes to the later one")
    func overlapping() {
        let history = CareerHistory(entries: [
            JournalEntry(id: 1, kind: .employment, text: "Board seat", day: day("2020-01-01"), organisation: "Board"),
            JournalEntry(id: 2, kind: .employment, text: "Day job", day: day("2022-01-01"), organisation: "Mercy"),
            JournalEntry(id: 3, kind: .accomplishment, text: "Something", day: day("2023-01-01")),
            JournalEntry(
                id: 4, kind: .accomplishment, text: "Board thing", day: day("2023-02-01"), organisation: "board"),
        ])
        #expect(history.positions.map { $0.highlights.map(\.id) } == [[3], [4]])
    }

    @Test("an entry covers the days from its start to its end, open-ended without one")
    func covers() {
        #expect(entries[0].covers(day("2020-01-06")) && entries[0].covers(day("2023-12-31")))
        #expect(!entries[0].covers(day("2020-01-05")) && !entries[0].covers(day("2024-01-01")))
        #expect(entries[1].covers(day("2099-01-01")))
    }
}
