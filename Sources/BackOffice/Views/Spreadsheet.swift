import Foundation
import Hummingbird
import Office
import Store

/// A list a page offers as CSV and as an Excel workbook: the same typed rows through a `TableSink`, so the two
/// downloads never drift apart. The workbook is written to a temporary file by `XLSXWriter` (packed only when
/// complete), read back as the body, and removed.
enum Spreadsheet {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    enum Format: String { case csv, xlsx }

    /// The format a route was asked for, from its path's extension.
    static func format(of request: Request) -> Format { request.uri.path.hasSuffix(".xlsx") ? .xlsx : .csv }

    /// `name` without extension; `rows` writes the list (and its audit entry) into the sink.
    static func download(_ format: Format, name: String, title: String, sheet: String, commune: String,
                         rows: @escaping @Sendable (any TableSink & Sendable) async throws -> Void) async throws -> Response {
        switch format {
        case .csv:
            let text = TextBox()
            try await rows(try CSVTableSink { text.append($0) })
            return Views.attachment(text.value, type: "text/csv; charset=utf-8", fileName: name + ".csv")
        case .xlsx:
            let data = try await make(title: title, sheet: sheet, commune: commune, rows: rows)
            return Views.attachment(data, type: mediaType, fileName: name + ".xlsx")
        }
    }

    private static func make(title: String, sheet: String, commune: String, rows: (XLSXWriter) async throws -> Void) async throws -> Data {
        let path = NSTemporaryDirectory() + "densach-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try XLSXWriter(path: path, properties: .init(title: title, sheet: sheet, company: "UBND xã \(commune)"))
        try await rows(workbook)
        try workbook.finish()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The CSV text as it is written (rows arrive in order from one database closure).
    final class TextBox: @unchecked Sendable {
        private(set) var value = ""
        func append(_ text: String) { value += text }
    }
}
