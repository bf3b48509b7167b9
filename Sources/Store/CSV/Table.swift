import Vietnamese

/// One cell of an exported list, typed, so a spreadsheet gets real numbers and dates and a CSV their usual text.
package enum TableCell: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    /// Whole đồng.
    case money(Int64)
    case date(CivilDate)
    /// 0.727 for 72,7%.
    case percent(Double)
    /// A quantity with decimals (hours: 1.5).
    case number(Double)
    case empty

    /// As the CSV files have always written it (and their imports read it back): dates dd/MM/yyyy, money in digits.
    package var csvText: String {
        switch self {
        case .text(let text): return text
        case .integer(let value), .money(let value): return String(value)
        case .date(let date): return date.display
        case .percent(let share): return DecimalText.percent(share * 100)
        case .number(let value): return DecimalText.number(value)
        case .empty: return ""
        }
    }
}

/// A column of an exported list: its Vietnamese header and a width in characters that fits its usual values.
package struct TableColumn: Sendable, Equatable {
    package let title: String
    package let width: Int
    package init(_ title: String, width: Int = 14) { self.title = title; self.width = width }
}

/// Where an export's rows go, one at a time (a CSV or a spreadsheet), so a million rows never sit in memory.
package protocol TableSink {
    /// Starts another part of a list made of several (the yearly report's sections): a sheet of its own in a
    /// workbook, a titled block after an empty line in a CSV. Lists of one part never call it.
    func sheet(_ name: String) throws
    func begin(_ columns: [TableColumn]) throws
    func row(_ cells: [TableCell]) throws
}

/// The CSV form of a list: UTF-8 with BOM, quoted where needed, formula-guarded (`CSVWriter`).
/// Fed by one export at a time (rows in order from one read), hence unchecked Sendable like its output.
package final class CSVTableSink: TableSink, @unchecked Sendable {
    let writer: CSVWriter
    private var parts = 0
    package init(output: @escaping (String) throws -> Void) throws { writer = try CSVWriter(output: output) }
    package init(writer: CSVWriter) { self.writer = writer }
    package func sheet(_ name: String) throws {
        if parts > 0 { try writer.write([]) }
        parts += 1
        try writer.write([name])
    }
    package func begin(_ columns: [TableColumn]) throws { try writer.write(columns.map(\.title)) }
    package func row(_ cells: [TableCell]) throws { try writer.write(cells.map(\.csvText)) }
}
