import Foundation
import Testing
import TiesCore
import TiesInterchange
import TiesTestSupport

@Suite("Career: journal export")
struct CareerJournalExportTests {
    let entries = [
        JournalEntry(
            id: 1, kind: .employment, text: "Ran operations", day: Fixtures.day("2020-01-06"),
            endDay: Fixtures.day("2023-12-31"), organisation: "St. Anne", title: "Director of Operations"),
        JournalEntry(
            id: 2, kind: .employment, text: "Runs three hospitals", day: Fixtures.day("2024-01-08"),
            organisation: "Mercy Health", title: "COO"),
        JournalEntry(
            id: 3, kind: .accomplishment, text: "Cut readmissions by 18%", day: Fixtures.day("2025-05-20"),
            organisation: "Mercy Health", amount: 18, tags: ["quality"]),
        JournalEntry(
            id: 4, kind: .review, text: "Exceeds expectations", day: Fixtures.day("2025-12-15"),
            organisation: "Mercy Health"),
        JournalEntry(
            id: 5, kind: .salary, text: "Raise after *the* review", day: Fixtures.day("2026-01-01"), amount: 185_000.5),
        JournalEntry(id: 6, kind: .accomplishment, text: "Opened a clinic", day: Fixtures.day("2021-03-01")),
    ]
    let card = ContactCard(name: "Alex Kim", email: "alex@new.example", address: "12 Elm St", linkedin: "alexkim")

    @Test(
        "JSON Resume: basics from my card, work from jobs with highlights, awards from accomplishments outside any job, no review, meta"
    )
    func jsonResume() {
        let beforeAnyJob = JournalEntry(
            id: 7, kind: .accomplishment, text: "Chaired the regional college", day: Fixtures.day("2019-06-01"),
            organisation: "ACHE")
        #expect(
            JournalExport.jsonResume(entries + [beforeAnyJob], card: card) == """
                {
                  "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
                  "basics": {
                    "name": "Alex Kim",
                    "email": "alex@new.example",
                    "location": {
                      "address": "12 Elm St"
                    },
                    "profiles": [
                      {
                        "network": "LinkedIn",
                        "url": "https://www.linkedin.com/in/alexkim"
                      }
                    ]
                  },
                  "work": [
                    {
                      "name": "Mercy Health",
                      "position": "COO",
                      "startDate": "2024-01-08",
                      "summary": "Runs three hospitals",
                      "highlights": [
                        "Cut readmissions by 18%"
                      ]
                    },
                    {
                      "name": "St. Anne",
                      "position": "Director of Operations",
                      "startDate": "2020-01-06",
                      "endDate": "2023-12-31",
                      "summary": "Ran operations",
                      "highlights": [
                        "Opened a clinic"
                      ]
                    }
                  ],
                  "awards": [
                    {
                      "title": "Chaired the regional college",
                      "date": "2019-06-01",
                      "awarder": "ACHE"
                    }
                  ],
                  "meta": {
                    "version": "v1.0.0"
                  }
                }

                """)
    }

    @Test("JSON Resume parses as JSON, leaves out private entries and basics without a card")
    func jsonResumeParses() throws {
        let text = JournalExport.jsonResume(
            entries + [
                JournalEntry(
                    id: 7, kind: .counselling, text: "Mentor: \"delegate more\"\n\tand say no",
                    day: Fixtures.day("2026-02-01"))
            ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["$schema", "work", "awards", "meta"])
        #expect(!text.contains("185000") && !text.contains("delegate") && !text.contains("Exceeds expectations"))
        let empty = try #require(
            try JSONSerialization.jsonObject(with: Data(JournalExport.jsonResume([]).utf8)) as? [String: Any])
        #expect((empty["work"] as? [Any])?.isEmpty == true)
    }

    @Test("Markdown: grouped by year, newest first, every entry, user text escaped")
    func markdown() {
        #expect(
            JournalExport.markdown(entries) == """
                # Career journal

                6 entries, 2020-01-06 to 2026-01-01.

                ## 2026

                - **2026-01-01** · Salary · 185000.5 — Raise after \\*the\\* review

                ## 2025

                - **2025-12-15** · Review · Mercy Health — Exceeds expectations
                - **2025-05-20** · Accomplishment · Mercy Health · 18 — Cut readmissions by 18% · #quality

                ## 2024

                - **2024-01-08 – present** · Employment · COO · Mercy Health — Runs three hospitals

                ## 2021

                - **2021-03-01** · Accomplishment — Opened a clinic

                ## 2020

                - **2020-01-06 – 2023-12-31** · Employment · Director of Operations · St. Anne — Ran operations

                """)
    }

    @Test("Markdown of an empty journal says how to start; line breaks in text stay on one line")
    func markdownEdges() {
        #expect(JournalExport.markdown([]) == "# Career journal\n\nNo entries yet. Add one with `ties journal add`.\n")
        let one = JournalExport.markdown([
            JournalEntry(kind: .note, text: "line one\r\nline two <b>", day: Fixtures.day("2026-01-01"))
        ])
        #expect(one.hasSuffix("- **2026-01-01** · Note — line one line two \\<b\\>\n"))
    }
}
