/// Where in an imported file a problem is, said as its reader knows the file: `danh-sach.csv:5: [Năm sinh] …` for a
/// CSV (the form editors and `grep` understand), `danh-sach.xlsx, Sheet1, dòng 5, cột "Năm sinh": …` for a sheet
/// of a workbook (the words a clerk looking at Excel's row numbers and headers understands).
package enum ImportPlace {
    /// Joins a workbook's name and its sheet's in the file name the importers carry.
    static let sheetMark = " › "

    /// The name an importer is given for a sheet of a workbook.
    package static func workbook(_ file: String, sheet: String) -> String { file + sheetMark + sheet }

    /// "danh-sach.xlsx, Sheet1" or the CSV's name, for messages about the whole file.
    package static func fileName(_ file: String) -> String { file.replacingOccurrences(of: sheetMark, with: ", ") }

    /// A problem at a line (and a column, when the problem is one cell's).
    package static func describe(file: String, line: Int, field: String? = nil, _ message: String) -> String {
        if let mark = file.range(of: sheetMark) {
            let place = "\(file[..<mark.lowerBound]), \(file[mark.upperBound...]), dòng \(line)"
            return place + (field.map { ", cột \"\($0)\"" } ?? "") + ": " + message
        }
        return "\(file):\(line): " + (field.map { "[\($0)] " } ?? "") + message
    }
}
