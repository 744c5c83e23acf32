import Foundation
import Testing
import TiesCore

@testable import TiesInterchange

/// Dates written with numbers only, read in the order their column tells (``LinkedInDateColumn``): a file that a
/// spreadsheet set to a day-first language re-saved whole is read day first, not refused.
@Suite("Interchange: LinkedIn numeric dates in the order the file tells")
struct InterchangeLinkedInDateColumnTests {
    static func days(_ texts: [String]) -> [String] {
        let column = LinkedInDateColumn(texts)
        return texts.map { text in
            switch column.day(text) {
            case .success(let day): day.description
            case .failure(let failure): "\(failure)"
            }
        }
    }

    @Test("a first number over 12 makes the whole column day first; a second one, month first")
    func evidence() {
        #expect(Self.days(["03/04/2024", "25/01/2024", "07-11-2023"]) == ["2024-04-03", "2024-01-25", "2023-11-07"])
        #expect(Self.days(["03-04-2024 18:12", "24-01-2024 09:40"]) == ["2024-04-03", "2024-01-24"])
        // A day-first spreadsheet's rewrite of LinkedIn's 9/4/21 beside the 9/27/21 it left alone: 4 September.
        #expect(Self.days(["9/27/21", "09-04-2021", "8/30/21"]) == ["2021-09-27", "2021-09-04", "2021-08-30"])
        #expect(Self.days(["4/3/2024", "1/25/2024"]) == ["2024-04-03", "2024-01-25"])
    }

    @Test("LinkedIn's own form decides alone; dates with words, dots or year first are read as ever")
    func linkedInForm() {
        #expect(Self.days(["2/12/18, 5:55 AM", "3/1/18, 9:02 PM"]) == ["2018-02-12", "2018-03-01"])
        #expect(
            Self.days(["27-Sep-21", "12.03.2024", "2024-03-12", "06 Nov 2023"]) == [
                "2021-09-27", "2024-03-12", "2024-03-12", "2023-11-06",
            ])
        #expect(LinkedInDateColumn([]).dayFirst == false)
    }

    @Test("every date 12 or under: the order that lists them newest first, as LinkedIn does, or a refusal")
    func undecided() {
        // Day first: 10 Apr, 3 Apr, 5 Feb (newest first); month first: 4 Oct, 4 Mar, 2 May.
        #expect(Self.days(["10-04-2022", "03-04-2022", "05-02-2022"]) == ["2022-04-10", "2022-04-03", "2022-02-05"])
        // Month first: 12 Apr, 3 Apr, 5 Feb; day first: 4 Dec, 4 Mar, 2 May.
        #expect(Self.days(["04/12/2022", "04/03/2022", "02/05/2022"]) == ["2022-04-12", "2022-04-03", "2022-02-05"])
        // In no order either way, or too few dates: nothing tells.
        #expect(Self.days(["03-04-2022", "05-02-2022", "04-06-2022"]) == ["undecided", "undecided", "undecided"])
        #expect(Self.days(["03/04/2022"]) == ["undecided"])
        #expect(LinkedInDateColumn.expected(.undecided, "03/04/2022").contains("year first (2021-04-03)"))
        // Both orders in one column: each date that tells is read so, the others refused.
        #expect(Self.days(["25/01/2024", "1/25/2024", "03/04/2024"]) == ["2024-01-25", "2024-01-25", "undecided"])
    }
}
