/// Where a sheet's header is and what it says, as clerks lay lists out: a title row above the table (one cell
/// merged across it) is not the header; the header is the first row with two or more filled cells; a header of two
/// rows (a name merged down both rows beside a group title merged over its columns) reads as one row, each column
/// named by its lowest filled header cell.
struct SheetHeader {
    /// A merged range, rows and columns counted as in the sheet (rows from 1, columns from 0).
    struct Merge: Equatable {
        let firstRow: Int, lastRow: Int, firstColumn: Int, lastColumn: Int

        /// "A1:B2".
        init?(_ reference: String) {
            let ends = reference.split(separator: ":").map(String.init)
            guard ends.count == 2, let top = SheetHeader.rowNumber(ends[0]), let bottom = SheetHeader.rowNumber(ends[1]) else { return nil }
            firstRow = top; lastRow = bottom
            firstColumn = SheetHeader.columnIndex(ends[0]); lastColumn = SheetHeader.columnIndex(ends[1])
        }
    }

    /// The row the header is written on (its last row).
    let row: Int
    /// Column index → header text.
    let names: [Int: String]

    /// Title rows are looked for among the first rows only: a list starts near its top.
    static let searchedRows = 10

    static func find(_ rows: [Int: [XLSXReader.Cell?]], merges: [Merge]) -> SheetHeader {
        func filled(_ row: Int) -> Int { (rows[row] ?? []).compactMap { $0 }.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }.count }
        let first = (1...searchedRows).first { filled($0) >= 2 } ?? (rows.keys.min() ?? 1)
        // A header cell merged downwards makes the header as tall as the merge (two rows, at most three).
        let last = min(merges.filter { $0.firstRow == first && $0.lastRow > first }.map(\.lastRow).max() ?? first, first + 2)
        var names: [Int: String] = [:]
        let columns = Set((first...last).flatMap { row in (rows[row] ?? []).indices.filter { rows[row]![$0] != nil } })
        for column in columns {
            for row in stride(from: last, through: first, by: -1) {
                let cells = rows[row] ?? []
                if column < cells.count, let text = cells[column]?.text.trimmingCharacters(in: .whitespaces), !text.isEmpty { names[column] = text; break }
            }
        }
        return SheetHeader(row: last, names: names)
    }

    /// "C12" → 2.
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value) - 64
        }
        return max(index - 1, 0)
    }

    /// "C12" → 12.
    static func rowNumber(_ reference: String) -> Int? { Int(String(reference.drop { $0.isLetter })) }
}
