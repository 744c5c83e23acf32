import Foundation
import Testing

@testable import TiesCore

/// The role classifier: rules on single titles, and precision and recall on the labelled titles.
@Suite("Roles: the recruiter classifier")
struct RoleClassifierTests {
    @Test(
        "recruiting titles are recruiters, with the kind the title or organisation says",
        arguments: [
            ("Senior Physician Recruiter", "CompHealth", RecruiterKind?.some(.agency)),
            ("Talent Acquisition Partner", nil, .inHouse),
            ("Recruiter", "Mayo Clinic", .inHouse),
            ("Executive Search Consultant", nil, .searchFirm),
            ("Associate Partner", "Spencer Stuart", .searchFirm),
            ("Staffing Specialist", "Aya Healthcare", .agency),
            ("Recruitment Consultant", nil, .agency),
            ("Inhouse Recruitment Consultant", nil, .inHouse),
            ("Recruiter", nil, nil),
            ("Analista de Reclutamiento y Selección", "Grupo Bimbo", .inHouse),
            ("Chargée de recrutement", "Adecco", .agency),
            ("Personalberaterin", nil, .agency),
            ("Chasseur de têtes", nil, .searchFirm),
            ("Recrutadora", nil, nil),
            ("Interim Talent Acquisition Manager", nil, .inHouse),
            // US IT staffing: the offshore desks' titles at firms unnamed here, and firms known by name.
            ("Sr. US IT Recruiter", "Harbourline Infotech Inc", .agency),
            ("Bench Sales Recruiter", "Quillmark Systems", .agency), ("Benchsales Recruiter", "Tovana Labs", .agency),
            ("Technical Recruiter", "Mindlance", .agency),
            ("Sr. Recruitment Specialist", "The Judge Group", .agency),
            ("US Talent Acquisition Specialist", "Cloudera", .inHouse),
            // A firm not named: of unknown kind, not an employer's in-house recruiter.
            ("Sr. Technical Recruiter", "Confidential", nil), ("Recruiter", "Stealth Startup", nil),
        ] as [(String, String?, RecruiterKind?)])
    func recruiters(title: String, organisation: String?, kind: RecruiterKind?) throws {
        let inference = try #require(RoleClassifier.classify(title: title, organisation: organisation))
        #expect(inference.role == .recruiter)
        #expect(inference.recruiterKind == kind)
        #expect(!inference.evidence.isEmpty)
    }

    @Test(
        "hard negatives stay unclassified",
        arguments: [
            ("Recruitment Marketing Manager", nil), ("Patient Recruitment Specialist", "Mayo Clinic"),
            ("Physician Relations Manager", nil), ("Staffing Coordinator", "Baptist Health"),
            ("Staffing Specialist", "Sutter Health"), ("Head of Student Recruitment", nil),
            ("Chief Financial Officer", "Korn Ferry"), ("Account Manager", "Robert Half"),
            ("Director of Talent Management", nil), ("Human Resources Business Partner", nil), ("", nil),
            ("Reclutamiento de pacientes", nil), ("Consultor de Captação de Alunos", nil),
            ("Responsable de licitaciones y selección de proveedores", nil), ("Personalreferentin", nil),
            ("Personalsachbearbeiter", nil), ("Gestor de talentos", nil), ("Chargée de marque employeur", nil),
        ] as [(String, String?)])
    func negatives(title: String, organisation: String?) {
        #expect(RoleClassifier.classify(title: title, organisation: organisation) == nil)
    }

    @Test("the evidence names the words that matched, and the organisation when it decided the kind")
    func evidence() throws {
        let inference = try #require(
            RoleClassifier.classify(title: "Senior Physician Recruiter", organisation: "CompHealth"))
        #expect(inference.evidence == ["recruiter", "organisation: staffing agency (comphealth)"])
        let employer = try #require(RoleClassifier.classify(title: "Sourcer", organisation: "Amazon"))
        #expect(employer.evidenceText == "sourcer; organisation: an employer (amazon)")
    }

    // MARK: - The labelled titles

    /// One labelled title: `label` is `in-house`, `agency`, `executive-search`, `recruiter` (a recruiter of
    /// unknown kind) or `none`.
    struct Labelled {
        var line: Int
        var title: String
        var company: String?
        var label: String
        var isRecruiter: Bool { label != "none" }
        var kind: RecruiterKind? {
            switch label {
            case "in-house": .inHouse
            case "agency": .agency
            case "executive-search": .searchFirm
            default: nil
            }
        }
        /// Every fourth row is held out: the rules were written looking only at the other rows' errors.
        var isHeldOut: Bool { line % 4 == 0 }
    }

    static func labelled(_ name: String) throws -> [Labelled] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/RoleTitles"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [Labelled] = []
        for (index, line) in text.split(separator: "\n").enumerated() where index > 0 {
            let fields = splitCSV(String(line))
            try #require(fields.count == 4, "line \(index + 1): \(line)")
            rows.append(
                Labelled(
                    line: index + 1, title: fields[0], company: fields[1].isEmpty ? nil : fields[1], label: fields[2]))
        }
        return rows
    }

    /// Splits one RFC 4180 line (quoted fields may hold commas; no embedded newlines in this file).
    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    struct Measures: CustomStringConvertible {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0
        var kindRight = 0, kindScored = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        var kindAccuracy: Double { Double(kindRight) / Double(max(1, kindScored)) }
        var count: Int { truePositives + falsePositives + falseNegatives + trueNegatives }
        var description: String {
            "\(count) titles: precision \(String(format: "%.3f", precision)) recall \(String(format: "%.3f", recall)) "
                + "(tp \(truePositives) fp \(falsePositives) fn \(falseNegatives) tn \(trueNegatives)); "
                + "kind right \(kindRight)/\(kindScored) = \(String(format: "%.3f", kindAccuracy))"
        }
    }

    static func measure(_ rows: [Labelled], errors: inout [String]) -> Measures {
        var m = Measures()
        for row in rows {
            let inference = RoleClassifier.classify(title: row.title, organisation: row.company)
            switch (row.isRecruiter, inference != nil) {
            case (true, true): m.truePositives += 1
            case (false, true): m.falsePositives += 1
            case (true, false): m.falseNegatives += 1
            case (false, false): m.trueNegatives += 1
            }
            if inference == nil && row.isRecruiter || inference != nil && !row.isRecruiter {
                errors.append("line \(row.line): \(row.title) @ \(row.company ?? "-") labelled \(row.label)")
            }
            if let kind = row.kind, let inference {
                m.kindScored += 1
                if inference.recruiterKind == kind {
                    m.kindRight += 1
                } else {
                    errors.append(
                        "line \(row.line): \(row.title) @ \(row.company ?? "-") kind \(inference.recruiterKind?.rawValue ?? "nil") labelled \(row.label)"
                    )
                }
            }
        }
        return m
    }

    @Test("precision ≥ 0.95 and recall ≥ 0.85 on the labelled titles, the held-out quarter and the fresh titles")
    func labelledTitles() throws {
        let rows = try Self.labelled("titles")
        let freshRows = try Self.labelled("fresh")
        #expect(rows.count + freshRows.count >= 300)
        var devErrors: [String] = []
        var unseen: [String] = []
        let all = Self.measure(rows + freshRows, errors: &unseen)
        let development = Self.measure(rows.filter { !$0.isHeldOut }, errors: &devErrors)
        let heldOut = Self.measure(rows.filter(\.isHeldOut), errors: &unseen)
        let fresh = Self.measure(freshRows, errors: &unseen)
        // The figures the README states; printed so that a run shows them.
        print("role classifier, all: \(all)")
        print("role classifier, development: \(development)")
        print("role classifier, held out: \(heldOut)")
        print("role classifier, fresh: \(fresh)")
        if ProcessInfo.processInfo.environment["TIES_SHOW_ROLE_ERRORS"] != nil {
            for error in devErrors { print("  development error: \(error)") }
        }
        #expect(all.precision >= 0.95, "\(all)")
        #expect(all.recall >= 0.85, "\(all)")
        #expect(heldOut.precision >= 0.95, "\(heldOut)")
        #expect(heldOut.recall >= 0.85, "\(heldOut)")
        #expect(fresh.precision >= 0.95, "\(fresh)")
        #expect(fresh.recall >= 0.85, "\(fresh)")
        #expect(all.kindAccuracy >= 0.8, "\(all)")
        // What the README states for the English sets; the other languages' rules must not lower it.
        #expect(all.precision == 1, "\(all)")
        #expect(all.recall >= 0.99, "\(all)")
        #expect(fresh.precision == 1, "\(fresh)")
    }

    @Test("Spanish, Portuguese, French, German, Italian, Dutch: precision ≥ 0.95 and recall ≥ 0.85 held out")
    func internationalTitles() throws {
        let development = try Self.labelled("titles-intl")
        let heldOut = try Self.labelled("fresh-intl")
        #expect(development.count + heldOut.count >= 150)
        var devErrors: [String] = []
        var unseen: [String] = []
        let dev = Self.measure(development, errors: &devErrors)
        let held = Self.measure(heldOut, errors: &unseen)
        print("role classifier, international development: \(dev)")
        print("role classifier, international held out: \(held)")
        if ProcessInfo.processInfo.environment["TIES_SHOW_ROLE_ERRORS"] != nil {
            for error in devErrors { print("  international development error: \(error)") }
        }
        // fresh-intl.csv was labelled before the classifier ever ran on it, and no rule was changed for it.
        #expect(held.precision >= 0.95, "\(held)")
        #expect(held.recall >= 0.85, "\(held)")
    }

    @Test("titles from real LinkedIn exports: precision ≥ 0.95 and recall ≥ 0.85")
    func realExportTitles() throws {
        // real-exports.csv: 300 titles of 15 real exports of other projects, labelled and committed before the
        // classifier ran on them (Fixtures/RoleTitles/README.md).
        let rows = try Self.labelled("real-exports")
        #expect(rows.count == 300)
        var errors: [String] = []
        let real = Self.measure(rows, errors: &errors)
        print("role classifier, real exports: \(real)")
        if ProcessInfo.processInfo.environment["TIES_SHOW_ROLE_ERRORS"] != nil {
            for error in errors { print("  real-export error: \(error)") }
        }
        #expect(real.precision >= 0.95, "\(real)")
        #expect(real.recall >= 0.85, "\(real)")
    }
}
