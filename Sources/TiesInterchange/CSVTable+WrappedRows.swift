import Foundation

extension CSVTable {
    /// The table with each row that a spreadsheet wrote as one quoted cell read as the row it holds.
    ///
    /// A spreadsheet set to a language whose list separator is `;` (Portuguese, French, German...) opens a
    /// comma-separated file with each line in one cell; saved as CSV again, a line holding a quote is written
    /// whole between quotes, its own quotes doubled, and the other lines as they were. A real Brazilian
    /// Connections.csv of 2021 (ClaytonRafael/binderaula: 4 of 173 rows) holds
    /// `"Kaene,…,""Tandem Pilot, TBBF e Coach pela USPA"",22 Mar 2020"`: one field where the header has six.
    /// A row of one field that, read as CSV itself, is one record as wide as the header is that record; any
    /// other stays ragged.
    func unwrappingWholeLineRows() -> CSVTable {
        let width = header.count
        guard width > 1, rows.contains(where: { $0.fields.count == 1 }) else { return self }
        var table = self
        var changed = false
        for (k, row) in rows.enumerated() where row.fields.count == 1 && row.fields[0].contains(",") {
            guard let inner = try? CSVReader.records(in: Array(row.fields[0].utf8)), inner.count == 1,
                !CSVTable.isRagged(inner[0].fields, width: width)
            else { continue }
            table.rows[k].fields = inner[0].fields
            changed = true
        }
        guard changed else { return self }
        let headerRecord = CSVRecord(line: headerLine, fields: header)
        return CSVTable(header: headerRecord, rows: table.rows)
    }
}
