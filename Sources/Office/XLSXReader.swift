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
package enum XLSXReader {
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    /// CSV text of the sheet, and the name to give the file in messages ("danh-sach.xlsx, Sheet1").
    package static func csv(data: Data, file: String, sheet wanted: String? = nil) throws -> (text: String, file: String) {
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
            data.reserveCapacity(Int(clamping: entry.uncompressedSize))
            // ZIPFoundation's CRC-32 is computed in Swift a byte at a time: a fifth of an import's time for a large
            // sheet. A damaged deflate stream still fails here and a damaged sheet in the scanner, with the same message.
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { data.append($0) }
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
        let width = rows.values.map(\.count).max() ?? 0
        // What each column holds, decided once from its header, not for every cell.
        let roles = (0..<width).map { Cell.Role(header: header.names[$0].map { VietnameseText.searchWords($0).joined(separator: " ") }) }
        var output = ""
        output.reserveCapacity(rows.count * width * 12)
        CSVWriter(bom: false) { output += $0 }.writeRows(1...last) { number in
            if number < header.row { return nil }
            if number == header.row { return (0..<width).map { header.names[$0] ?? "" } }
            guard let cells = rows[number], cells.contains(where: { $0 != nil }) else { return nil }
            return (0..<width).map { column in column < cells.count ? cells[column].map { $0.text(as: roles[column]) } ?? "" : "" }
        }
        return output
    }

    /// A cell as Excel stored it.
    enum Cell {
        case text(String), number(String), date(CivilDate)

        /// What a column holds, by its header (folded to lower case without tones).
        enum Role {
            case phone, birthYear, other
            init(header: String?) {
                guard let header else { self = .other; return }
                if header.contains("dien thoai") || header == "phone" { self = .phone }
                else if header.contains("nam sinh") || header == "birth_year" { self = .birthYear }
                else { self = .other }
            }
        }

        var text: String {
            switch self {
            case .text(let text): return text
            case .number(let value): return value
            case .date(let date): return date.display
            }
        }

        /// What the importer should read in a column of this role.
        func text(as role: Role) -> String {
            switch (self, role) {
            case (.number(let value), .phone):
                // Typed as a number, 0905 123 456 became 905123456.
                let digits = value.hasSuffix(".0") ? String(value.dropLast(2)) : value
                return digits.count == 9 && digits.allSatisfy(\.isNumber) ? "0" + digits : digits
            case (.date(let date), .birthYear):
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
    /// Rows by number, each its cells by column (nil where a cell is empty).
    struct Sheet { let rows: [Int: [XLSXReader.Cell?]]; let merges: [SheetHeader.Merge] }

    /// Nil when the sheet's XML is not well formed where it matters (a damaged or cut-off file).
    static func parse(_ data: Data, strings: [String], dateStyles: Set<Int>) -> Sheet? {
        var scanner = SheetScanner(strings: strings, dateStyles: dateStyles)
        return data.withUnsafeBytes { scanner.scan($0.bindMemory(to: UInt8.self)) } ? Sheet(rows: scanner.rows, merges: scanner.merges) : nil
    }

    /// A cell's value as its type and style say: a shared string, inline text, a boolean, a date (a number in a date
    /// style), or a number; nil for an error value or nothing.
    static func cell(type: String, style: Int, value: String, strings: [String], dateStyles: Set<Int>) -> XLSXReader.Cell? {
        switch type {
        case "s": return Int(value).flatMap { $0 >= 0 && $0 < strings.count ? .text(strings[$0]) : nil }
        case "inlineStr", "str": return .text(value)
        case "b": return .text(value == "1" ? "TRUE" : "FALSE")
        case "e": return nil
        default:
            if value.isEmpty { return nil }
            if dateStyles.contains(style), let serial = Double(value) { return date(serial).map { .date($0) } ?? .number(value) }
            return .number(value)
        }
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// Excel's day number (from 30/12/1899) as a date.
    static func date(_ serial: Double) -> CivilDate? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        let day = Date(timeIntervalSince1970: (serial.rounded(.down) - 25_569) * 86_400)
        let parts = utc.dateComponents([.year, .month, .day], from: day)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

/// Reads a worksheet's XML byte by byte for what an import needs — rows, cells (their reference, type, style and
/// value, inline text runs joined, formulas' cached values), merged ranges — about ten times faster than a general
/// XML parser (issue #17: an .xlsx import at least half as fast as the same CSV). Element names are matched
/// without their namespace prefix; entities and character references are decoded; anything unknown is skipped.
struct SheetScanner {
    let strings: [String]
    let dateStyles: Set<Int>
    var rows: [Int: [XLSXReader.Cell?]] = [:]
    var merges: [SheetHeader.Merge] = []
    /// The row being read, stored when the next one starts or the sheet ends.
    private var current: [XLSXReader.Cell?] = []
    private var currentNumber = 0

    init(strings: [String], dateStyles: Set<Int>) { self.strings = strings; self.dateStyles = dateStyles }

    /// False when a tag never closes (a cut-off or damaged part).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        var row = 0, nextColumn = 0
        // The cell being read.
        var column = 0, type = "", style = 0, value: [UInt8] = [], inCell = false, capturing = false
        var sawSheetData = false
        while i < count {
            guard bytes[i] == 0x3C else {  // text between tags
                if capturing {
                    let start = i
                    while i < count && bytes[i] != 0x3C { i += 1 }
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                } else {
                    while i < count && bytes[i] != 0x3C { i += 1 }
                }
                continue
            }
            // A tag: find its end, its name (without prefix), whether it closes or is empty.
            var end = i + 1
            while end < count && bytes[end] != 0x3E { end += 1 }
            guard end < count else { return false }
            let closing = bytes[i + 1] == 0x2F
            let special = bytes[i + 1] == 0x3F || bytes[i + 1] == 0x21  // <?xml …?>, <!-- … -->, <![CDATA[
            if special {
                if bytes[i + 1] == 0x21, end - i > 8, bytes[i + 2] == 0x5B {  // CDATA: its text as is
                    let close = Self.find([0x5D, 0x5D, 0x3E], in: bytes, from: i + 9)
                    guard let close else { return false }
                    if capturing { value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(i + 9)..<close])) }
                    i = close + 3
                } else if bytes[i + 1] == 0x21, end - i > 3, bytes[i + 2] == 0x2D {  // a comment may hold ">"
                    guard let close = Self.find([0x2D, 0x2D, 0x3E], in: bytes, from: i + 4) else { return false }
                    i = close + 3
                } else {
                    i = end + 1
                }
                continue
            }
            let selfClosing = bytes[end - 1] == 0x2F
            var nameStart = i + (closing ? 2 : 1), nameEnd = nameStart
            while nameEnd < end && !Self.isSpace(bytes[nameEnd]) && bytes[nameEnd] != 0x2F { nameEnd += 1 }
            if let colon = (nameStart..<nameEnd).first(where: { bytes[$0] == 0x3A }) { nameStart = colon + 1 }
            let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
            let tag = UnsafeBufferPointer(rebasing: bytes[nameEnd..<end])
            if closing {
                if Self.equal(name, "c"), inCell {
                    let text = Self.decoded(value)
                    if let cell = SheetRows.cell(type: type, style: style, value: text, strings: strings, dateStyles: dateStyles), column < 16_384 {
                        if column >= current.count { current += Array(repeating: nil, count: column - current.count + 1) }
                        current[column] = cell
                    }
                    inCell = false
                } else if Self.equal(name, "v") || Self.equal(name, "t") {
                    capturing = false
                } else if Self.equal(name, "sheetData") {
                    sawSheetData = true
                }
            } else if Self.equal(name, "row") {
                storeRow()
                row = Self.number(Self.attribute("r", in: tag), in: tag) ?? row + 1
                currentNumber = row
                nextColumn = 0
            } else if Self.equal(name, "c") {
                column = Self.columnIndex(Self.attribute("r", in: tag), in: tag) ?? nextColumn
                nextColumn = column + 1
                type = Self.attribute("t", in: tag).map { String(decoding: UnsafeBufferPointer(rebasing: tag[$0]), as: UTF8.self) } ?? ""
                style = Self.number(Self.attribute("s", in: tag), in: tag) ?? 0
                value.removeAll(keepingCapacity: true)
                inCell = !selfClosing
            } else if (Self.equal(name, "v") || Self.equal(name, "t")) && inCell && !selfClosing {
                capturing = true
            } else if Self.equal(name, "mergeCell") {
                if let range = Self.attribute("ref", in: tag),
                   let merge = SheetHeader.Merge(String(decoding: UnsafeBufferPointer(rebasing: tag[range]), as: UTF8.self)) { merges.append(merge) }
            } else if Self.equal(name, "sheetData") && selfClosing {
                sawSheetData = true
            }
            i = end + 1
        }
        storeRow()
        return sawSheetData && !inCell
    }

    private mutating func storeRow() {
        if !current.isEmpty { rows[currentNumber] = current }
        current = []
    }

    /// A whole number written in a tag ("12"), without making a string of it.
    static func number(_ range: Range<Int>?, in tag: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let range, !range.isEmpty, range.count < 10 else { return nil }
        var value = 0
        for index in range {
            let digit = Int(tag[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The column of a cell reference ("C12" → 2).
    static func columnIndex(_ range: Range<Int>?, in tag: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let range, !range.isEmpty else { return nil }
        var index = 0
        for position in range {
            let byte = tag[position]
            guard (65...90).contains(byte) else { break }
            index = index * 26 + Int(byte) - 64
        }
        return index > 0 ? index - 1 : nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func equal(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard name.count == literal.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        return name.elementsEqual(expected)
    }

    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i + 1] == needle[1] && bytes[i + 2] == needle[2] { return i }
            i += 1
        }
        return nil
    }

    /// Where an attribute's value lies in a tag's inside (` r="A1" s="3"`); the values read here (references,
    /// numbers, types) hold no entities.
    static func attribute(_ name: StaticString, in tag: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let key = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var i = 0
        while i < tag.count {
            while i < tag.count && isSpace(tag[i]) { i += 1 }
            let keyStart = i
            while i < tag.count && tag[i] != 0x3D && !isSpace(tag[i]) && tag[i] != 0x2F { i += 1 }
            var keyName = UnsafeBufferPointer(rebasing: tag[keyStart..<i])
            if let colon = keyName.firstIndex(of: 0x3A) { keyName = UnsafeBufferPointer(rebasing: keyName[(colon + 1)...]) }
            while i < tag.count && (isSpace(tag[i]) || tag[i] == 0x3D) { i += 1 }
            guard i < tag.count, tag[i] == 0x22 || tag[i] == 0x27 else { i += 1; continue }
            let quote = tag[i]
            let valueStart = i + 1
            i = valueStart
            while i < tag.count && tag[i] != quote { i += 1 }
            if keyName.elementsEqual(key) { return valueStart..<min(i, tag.count) }
            i += 1
        }
        return nil
    }

    /// Text with its entities decoded (`XMLText`).
    static func decoded(_ bytes: [UInt8]) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        return XMLText.decoded(String(decoding: bytes, as: UTF8.self))
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
