import Composition
import Foundation
import Hummingbird
import Office
import Store

/// A list a page offers as CSV and as an Excel workbook (`Lists`): the same typed rows into either sink, read with
/// the account's scope, logged in the same transaction. The workbook is written to a temporary file by
/// `XLSXWriter` (packed only when complete), read back as the body, and removed.
enum Spreadsheet {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    enum Format: String { case csv, xlsx }

    /// The format a route was asked for, from its path's extension.
    static func format(of request: Request) -> Format { request.uri.path.hasSuffix(".xlsx") ? .xlsx : .csv }
}

extension ControllerEnvironment {
    /// The data files lists read, on today's date.
    var listData: ListData { ListData(forms: honourForms, sets: criteriaSets, programme: programme, today: clock.today()) }

    /// `/…/name.csv` or `/…/name.xlsx` of a list, for the signed-in account.
    func listDownload(_ list: ListExport, _ request: Request, context: SignedInContext, query: ListQuery) async throws -> Response {
        let principal = context.principal
        let format = Spreadsheet.format(of: request)
        let fileName = list.fileName(query) + "." + format.rawValue
        let data = listData
        // Read in one snapshot (a list of a million people does not hold the write lock while it is written out),
        // then logged.
        let body: Data
        let rows: Int
        switch format {
        case .csv:
            let text = TextBox()
            rows = try await database.read { db in try list.write(db, query, by: principal, data: data, into: try CSVTableSink { text.append($0) }) }
            body = Data(text.value.utf8)
        case .xlsx:
            let path = NSTemporaryDirectory() + "densach-\(UUID().uuidString).xlsx"
            defer { try? FileManager.default.removeItem(atPath: path) }
            rows = try await database.read { db in
                let commune = try Settings.value(db, Settings.communeName)
                let workbook = try XLSXWriter(path: path, properties: .init(title: try list.title(db, query), sheet: list.sheetName(query),
                                                                            company: "UBND xã \(commune)"))
                let rows = try list.write(db, query, by: principal, data: data, into: workbook)
                try workbook.finish()
                return rows
            }
            body = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        try await database.write { db in try list.logExport(db, query, by: principal, rows: rows, format: format.rawValue, to: fileName) }
        return Views.attachment(body, type: format == .csv ? "text/csv; charset=utf-8" : Spreadsheet.mediaType, fileName: fileName)
    }

    /// The CSV text as it is written (rows arrive in order from one database closure).
    final class TextBox: @unchecked Sendable {
        private(set) var value = ""
        func append(_ text: String) { value += text }
    }
}

extension RouterGroup where Context == SignedInContext {
    /// Serves a list at `path.csv` and `path.xlsx`, the query read from the request by `query`.
    func list(_ path: String, _ list: ListExport, env: ControllerEnvironment,
              query: @escaping @Sendable (Request, SignedInContext) throws -> ListQuery = { _, _ in ListQuery() }) {
        for format in ["csv", "xlsx"] {
            get(RouterPath(path + "." + format)) { request, context in
                try await env.listDownload(list, request, context: context, query: try query(request, context))
            }
        }
    }
}
