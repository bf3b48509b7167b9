import Foundation
import Office

/// A list downloaded as an Excel workbook: written to a temporary file by `XLSXWriter` (which packs it only when
/// complete), read back as the response's body, and removed.
enum Spreadsheet {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func make(title: String, sheet: String, commune: String, rows: (XLSXWriter) async throws -> Void) async throws -> Data {
        let path = NSTemporaryDirectory() + "densach-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try XLSXWriter(path: path, properties: .init(title: title, sheet: sheet, company: "UBND xã \(commune)"))
        try await rows(workbook)
        try workbook.finish()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
