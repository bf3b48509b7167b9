import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Store
import Vietnamese
import ZIPFoundation

/// The first sheet (or a named one) of an Excel workbook as CSV text for the importers, so an .xlsx obeys the very
/// rules, messages and all-or-nothing behaviour of a CSV. Sheet row N becomes CSV line N, so an error's line is the
/// row Excel shows. Cells typed by Excel are read back as a clerk meant them: a phone stored as a number gets its
/// leading 0 again, a date serial becomes dd/MM/yyyy (or its year under "Năm sinh"), whole numbers lose ".0".
public enum XLSXReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// CSV text of the sheet, and the name to give the file in messages ("danh-sach.xlsx, Sheet1").
    public static func csv(data: Data, file: String, sheet wanted: String? = nil) throws -> (text: String, file: String) {
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw Failure(message: "\(file): tệp Excel cũ (.xls) hoặc đặt mật khẩu. Mở trong Excel, bỏ mật khẩu nếu có, rồi lưu lại dạng .xlsx (Excel Workbook).")
        }
        let notWorkbook = Failure(message: "\(file): không phải tệp Excel .xlsx (hoặc tệp bị hỏng). Lưu lại dạng .xlsx hoặc CSV UTF-8.")
        guard data.starts(with: [0x50, 0x4B]) else { throw notWorkbook }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw notWorkbook }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else { throw Failure(message: "\(file): tệp .xlsx thiếu phần workbook (tệp hỏng).") }
        let sheets = SheetList.parse(workbook, relationships: try part("xl/_rels/workbook.xml.rels") ?? Data())
        let chosen = wanted.map { name in sheets.first { $0.name == name } } ?? sheets.first
        guard let chosen else {
            let names = sheets.map(\.name).joined(separator: ", ")
            throw Failure(message: "\(file): không có trang tính \"\(wanted ?? "")\" (có: \(names)).")
        }
        let broken = Failure(message: "\(file): không đọc được trang tính \"\(chosen.name)\" (tệp hỏng).")
        let target = chosen.target.hasPrefix("/") ? String(chosen.target.dropFirst()) : "xl/" + chosen.target
        guard let sheetData = try part(target) else { throw broken }
        let strings = SharedStrings.parse(try part("xl/sharedStrings.xml") ?? Data())
        let dateStyles = DateStyles.parse(try part("xl/styles.xml") ?? Data())
        guard let rows = SheetRows.parse(sheetData, strings: strings, dateStyles: dateStyles) else { throw broken }
        return (csvText(rows), ImportPlace.workbook(file, sheet: chosen.name))
    }

    /// Rows to CSV, keeping row numbers (missing rows become empty lines) and reading cells by their column's header.
    /// Title rows above the header become empty lines too, and a header of two rows is written as one, on its
    /// last row (`SheetHeader`), so an error's line is still the row Excel shows.
    static func csvText(_ sheet: SheetRows.Sheet) -> String {
        let rows = sheet.rows
        guard let last = rows.keys.max() else { return "" }
        let header = SheetHeader.find(rows, merges: sheet.merges)
        let folded = header.names.mapValues { VietnameseText.searchWords($0).joined(separator: " ") }
        let width = (rows.values.flatMap(\.keys).max() ?? 0) + 1
        var output = ""
        CSVWriter(bom: false) { output += $0 }.writeRows(1...last) { number in
            if number < header.row { return nil }
            if number == header.row { return (0..<width).map { header.names[$0] ?? "" } }
            let cells = rows[number] ?? [:]
            if cells.isEmpty { return nil }
            return (0..<width).map { column in cells[column].map { $0.text(under: folded[column]) } ?? "" }
        }
        return output
    }

    /// A cell as Excel stored it.
    enum Cell {
        case text(String), number(String), date(CivilDate)

        var text: String {
            switch self {
            case .text(let text): return text
            case .number(let value): return value
            case .date(let date): return date.display
            }
        }

        /// What the importer should read under a header (folded to lower case without tones).
        func text(under header: String?) -> String {
            switch (self, header) {
            case (.number(let value), let header?) where header.contains("dien thoai") || header == "phone":
                // Typed as a number, 0905 123 456 became 905123456.
                let digits = value.hasSuffix(".0") ? String(value.dropLast(2)) : value
                return digits.count == 9 && digits.allSatisfy(\.isNumber) ? "0" + digits : digits
            case (.date(let date), let header?) where header.contains("nam sinh") || header == "birth_year":
                return String(date.year)
            case (.number(let value), _):
                return value.hasSuffix(".0") ? String(value.dropLast(2)) : value
            default:
                return text
            }
        }
    }
}

extension CSVWriter {
    /// Lines for row numbers in order; nil writes an empty line so that line numbers stay the sheet's.
    fileprivate func writeRows(_ numbers: ClosedRange<Int>, _ row: (Int) -> [String]?) {
        for number in numbers {
            if let fields = row(number) { try? write(fields) } else { try? write([]) }
        }
    }
}

// MARK: Parts of the workbook

/// The sheets in the workbook's order, with the part each lives in.
struct SheetList {
    struct Sheet { let name: String; let target: String }

    static func parse(_ workbook: Data, relationships: Data) -> [Sheet] {
        let targets = Dictionary(XMLElements.attributes(of: "Relationship", in: relationships).compactMap { attributes -> (String, String)? in
            guard let id = attributes["Id"], let target = attributes["Target"] else { return nil }
            return (id, target)
        }, uniquingKeysWith: { first, _ in first })
        return XMLElements.attributes(of: "sheet", in: workbook).compactMap { attributes in
            guard let name = attributes["name"], let id = attributes["r:id"], let target = targets[id] else { return nil }
            return Sheet(name: name, target: target)
        }
    }
}

/// The workbook's shared strings, in order (rich text runs joined).
enum SharedStrings {
    static func parse(_ data: Data) -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var strings: [String] = []
            var current = "", inText = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "si" { current = "" } else if name == "t" { inText = true }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "t" { inText = false } else if name == "si" { strings.append(current) }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()  // a damaged part leaves what was read; the sheet's own parse decides
        return collector.strings
    }
}

/// Which cell styles show a date: built-in formats 14–22 and 45–47, or a custom format with d, m and y in it.
enum DateStyles {
    static func parse(_ data: Data) -> Set<Int> {
        var custom: [Int: String] = [:]
        for attributes in XMLElements.attributes(of: "numFmt", in: data) {
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code.lowercased() }
        }
        func isDate(_ id: Int) -> Bool {
            if (14...22).contains(id) || (45...47).contains(id) { return true }
            guard let code = custom[id] else { return false }
            let plain = code.replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression)
            return plain.contains("d") && plain.contains("m") && plain.contains("y")
        }
        // The style index of a cell is its position among cellXfs' xf elements.
        let formats = XMLElements.attributes(of: "xf", in: data, inside: "cellXfs").map { $0["numFmtId"].flatMap(Int.init) ?? 0 }
        return Set(formats.enumerated().filter { isDate($0.element) }.map(\.offset))
    }
}

/// The sheet's cells by row number and column index, and its merged ranges.
enum SheetRows {
    struct Sheet { let rows: [Int: [Int: XLSXReader.Cell]]; let merges: [SheetHeader.Merge] }

    /// Nil when the sheet's XML does not parse (a damaged file).
    static func parse(_ data: Data, strings: [String], dateStyles: Set<Int>) -> Sheet? {
        final class Collector: NSObject, XMLParserDelegate {
            let strings: [String], dateStyles: Set<Int>
            var rows: [Int: [Int: XLSXReader.Cell]] = [:]
            var merges: [SheetHeader.Merge] = []
            var row = 0, column = 0, type = "", style = 0, value = "", inValue = false, nextColumn = 0
            init(strings: [String], dateStyles: Set<Int>) { self.strings = strings; self.dateStyles = dateStyles }

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                switch name {
                case "row":
                    row = attributes["r"].flatMap(Int.init) ?? row + 1
                    nextColumn = 0
                case "c":
                    column = attributes["r"].map(Self.columnIndex) ?? nextColumn
                    nextColumn = column + 1
                    type = attributes["t"] ?? ""
                    style = attributes["s"].flatMap(Int.init) ?? 0
                    value = ""
                case "v", "t":
                    inValue = true
                case "mergeCell":
                    if let merge = attributes["ref"].flatMap(SheetHeader.Merge.init) { merges.append(merge) }
                default: break
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                switch name {
                case "v", "t": inValue = false
                case "c":
                    let cell: XLSXReader.Cell?
                    switch type {
                    case "s": cell = Int(value).flatMap { $0 < strings.count ? .text(strings[$0]) : nil }
                    case "inlineStr", "str": cell = .text(value)
                    case "b": cell = .text(value == "1" ? "TRUE" : "FALSE")
                    case "e": cell = nil
                    default:
                        if value.isEmpty { cell = nil }
                        else if dateStyles.contains(style), let serial = Double(value) { cell = Self.date(serial).map { .date($0) } ?? .number(value) }
                        else { cell = .number(value) }
                    }
                    if let cell { rows[row, default: [:]][column] = cell }
                default: break
                }
            }

            /// "C12" → 2.
            static func columnIndex(_ reference: String) -> Int { SheetHeader.columnIndex(reference) }

            /// Excel's day number (from 30/12/1899) as a date.
            static func date(_ serial: Double) -> CivilDate? {
                guard serial >= 1, serial < 2_958_466 else { return nil }
                let day = Date(timeIntervalSince1970: (serial.rounded(.down) - 25_569) * 86_400)
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(secondsFromGMT: 0)!
                let parts = calendar.dateComponents([.year, .month, .day], from: day)
                return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
            }
        }
        let collector = Collector(strings: strings, dateStyles: dateStyles)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        return parser.parse() ? Sheet(rows: collector.rows, merges: collector.merges) : nil
    }
}

/// The attributes of every element of one name (optionally only inside another), for the small parts.
enum XMLElements {
    static func attributes(of element: String, in data: Data, inside parent: String? = nil) -> [[String: String]] {
        final class Collector: NSObject, XMLParserDelegate {
            let element: String, parent: String?
            var found: [[String: String]] = [], depthInside = 0
            init(element: String, parent: String?) { self.element = element; self.parent = parent }
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == parent { depthInside += 1 }
                if name == element && (parent == nil || depthInside > 0) { found.append(attributes) }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == parent { depthInside -= 1 }
            }
        }
        let collector = Collector(element: element, parent: parent)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.found
    }
}
