import Foundation
import TiesCore

extension Fixtures {
    /// Names that try to break out of every format: markup, quotes, terminal escapes, newlines and a
    /// right-to-left override.
    public static let hostileNames = [
        "<script>alert('x')</script>", "Eve \"Quote\" O'Brien", "Mallory\u{1B}[2J\u{1B}[31mRED",
        "Line\nBreak & <b>bold</b>", "Trudy \u{202E}gnp.exe", "[link](http://evil.example) *em* `code`",
    ]

    /// Names in scripts a terminal draws two columns wide (Chinese, Japanese, Korean) and with combining marks.
    public static let wideNames = ["張偉", "鈴木 花子", "김민준", "Zoë Brontë-Łukasiewicz", "Nguyễn Thị Minh Khai", "黃美玲"]

    /// A weekly report of a small, fixed network with every kind of section filled in.
    /// - Parameters:
    ///   - hostile: use ``hostileNames`` for the people.
    ///   - cjk: use ``wideNames`` for the people.
    public static func weeklyReport(hostile: Bool = false, cjk: Bool = false) -> WeeklyReport {
        let base = Day(year: 2026, month: 1, day: 1)!
        let names =
            hostile
            ? hostileNames
            : cjk
                ? wideNames
                : ["Mae Mentor", "Ava Strong", "Ben Bridge", "Rae Recruiter", "Cal Colleague", "Dee Distant"]
        let roles: [Set<Role>] = [[.mentor], [.colleague], [.peer], [.recruiter], [.colleague], [.peer]]
        var people: [Person] = []
        for i in 0..<6 {
            let organisation = i == 3 ? "Hale <Search>" : "Mercy & Co"
            let points = i == 0 ? [ContactPoint(kind: .email, value: "m@x.example")] : []
            people.append(
                Person(
                    id: Int64(i + 1), name: names[i], roles: roles[i], organisation: organisation, contactPoints: points
                ))
        }
        func regular(_ from: Int, _ to: Int, every: Int, _ w: Double) -> RelationshipState {
            RelationshipState(
                history: stride(from: from, through: to, by: every).map {
                    (day: base + $0, weight: w, direction: Direction.mutual)
                },
                halfLife: 90, activityHalfLife: 30)!
        }
        let states: [Person.ID: RelationshipState] = [
            1: regular(100, 198, every: 7, 3), 2: regular(0, 140, every: 5, 3), 3: regular(0, 120, every: 7, 1),
            4: regular(150, 190, every: 20, 1), 5: regular(120, 199, every: 6, 2), 6: regular(190, 195, every: 5, 1),
        ]
        let asOf = base + 200
        let configuration = ScoringConfiguration()
        let analysis = NetworkAnalysis.analyse(
            people: people, states: states, ties: [Tie(1, 2), Tie(2, 5), Tie(1, 5), Tie(3, 6)], asOf: asOf,
            configuration: configuration)
        let facts = NetworkFacts(
            unanswered: [4: UnansweredContact(day: base + 195, kind: .call)],
            openCommitments: [
                Commitment(
                    id: 1, personID: 5, text: hostile ? "<img src=x onerror=alert(1)>" : "send the article",
                    owner: .me, createdAt: Date(timeIntervalSince1970: 0), due: base + 190)
            ],
            staleDisclosures: [
                StaleDisclosure(
                    personID: 4, kind: .email, held: "old@x.example", current: "new@x.example", since: base + 100)
            ],
            journalDays: [base + 150])
        let gaps = GapFinder.find(in: analysis, facts: facts, configuration: configuration, timeZone: utc)
        let actions = Array(WhoNext.rank(analysis, facts: facts, configuration: configuration).prefix(5))
        let trend = (1...11).reversed().map {
            WeeklyReport.TrendPoint(day: asOf - 7 * $0, health: 40 + Double($0 * 3 % 17))
        }
        return WeeklyReport.build(
            analysis: analysis, facts: facts, gaps: gaps, recommendations: actions, trend: trend,
            firstContact: base, configuration: configuration)
    }
}
