import Foundation
import Store
import Vietnamese
import ZIPFoundation

/// An Excel workbook written row by row, one sheet or several: each sheet's XML goes to a temporary file as rows arrive (constant
/// memory for a million people), and `finish()` packs it with the workbook's parts into the .xlsx at `path`, beside
/// it first and renamed when complete, so a half-written file is never left under the name.
///
/// Real cells: numbers as numbers, money as whole đồng shown `#,##0` (Excel shows the dots of a Vietnamese
/// locale), dates as date serials shown dd/mm/yyyy, shares as percentages; a bold header row, frozen, with an
/// autofilter; columns as wide as declared; the sheet named after the list; title, commune and date in the file's
/// properties. Text goes inline in each cell (no shared-string table to hold in memory).
///
/// Used by one export at a time (rows arrive in order from one database read), hence unchecked Sendable.
package final class XLSXWriter: TableSink, @unchecked Sendable {
    package struct Properties: Sendable {
        package let title: String
        package let sheet: String
        package let company: String
        package let created: Date
        package init(title: String, sheet: String, company: String, created: Date = Date()) {
            self.title = title; self.sheet = sheet; self.company = company; self.created = created
        }
    }

    let path: String
    let properties: Properties
    /// The sheets written so far; the last one takes the rows.
    var sheets: [SheetFile] = []

    /// One sheet's XML in a temporary file, and what its workbook entry needs.
    final class SheetFile {
        let name: String
        let url: URL
        let handle: FileHandle
        var columns: [TableColumn] = []
        var rows = 0
        var buffer = ""
        var closed = false

        init(name: String) throws {
            self.name = name
            url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("densach-sheet-\(UUID().uuidString).xml")
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            handle = try FileHandle(forWritingTo: url)
        }

        deinit {
            try? handle.close()
            try? FileManager.default.removeItem(at: url)
        }

        /// "A1:F120", the range the autofilter covers.
        var range: String { "A1:" + XLSXWriter.column(max(columns.count - 1, 0)) + String(max(rows, 1)) }

        func append(_ text: String) throws {
            buffer += text
            if buffer.utf8.count > 1 << 16 { try flush() }
        }

        func flush() throws {
            try handle.write(contentsOf: Data(buffer.utf8))
            buffer = ""
        }

        func close() throws {
            guard !closed else { return }
            closed = true
            try append(#"</sheetData><autoFilter ref="\#(range)"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
                       + #"<pageSetup paperSize="9" orientation="landscape"/></worksheet>"#)
            try flush()
            try handle.close()
        }
    }

    package init(path: String, properties: Properties) throws {
        self.path = path
        self.properties = properties
    }

    /// Starts another sheet (a workbook of several lists, such as the yearly report's sections); the next `begin`
    /// gives its header. Without it, the first `begin` opens the one sheet named in the properties.
    package func sheet(_ name: String) throws {
        try sheets.last?.close()
        sheets.append(try SheetFile(name: Self.uniqueSheetName(name, among: sheets.map(\.name))))
    }

    package func begin(_ columns: [TableColumn]) throws {
        if sheets.isEmpty { try sheet(properties.sheet) }
        let sheet = sheets[sheets.count - 1]
        sheet.columns = columns
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        xml += "<cols>"
        for (index, column) in columns.enumerated() {
            xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(max(column.width, column.title.count + 2))" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        try sheet.append(xml)
        try row(columns.map { .text($0.title) }, style: .header)
    }

    package func row(_ cells: [TableCell]) throws { try row(cells, style: nil) }

    enum Style: Int { case plain = 0, header = 1, money = 2, date = 3, percent = 4 }

    private func row(_ cells: [TableCell], style: Style?) throws {
        guard let sheet = sheets.last else { preconditionFailure("XLSXWriter.row before begin") }
        sheet.rows += 1
        let number = String(sheet.rows)
        var xml = #"<row r="\#(number)">"#
        for (index, cell) in cells.enumerated() {
            let reference = Self.column(index) + number
            switch cell {
            case .empty:
                continue
            case .text(let text):
                let styleAttribute = style.map { #" s="\#($0.rawValue)""# } ?? ""
                xml += #"<c r="\#(reference)"\#(styleAttribute) t="inlineStr"><is><t xml:space="preserve">\#(Self.escaped(text))</t></is></c>"#
            case .integer(let value):
                xml += #"<c r="\#(reference)"><v>\#(value)</v></c>"#
            case .money(let value):
                xml += #"<c r="\#(reference)" s="\#(Style.money.rawValue)"><v>\#(value)</v></c>"#
            case .date(let date):
                xml += #"<c r="\#(reference)" s="\#(Style.date.rawValue)"><v>\#(Self.serial(date))</v></c>"#
            case .percent(let share):
                xml += #"<c r="\#(reference)" s="\#(Style.percent.rawValue)"><v>\#(share)</v></c>"#
            case .number(let value):
                xml += #"<c r="\#(reference)"><v>\#(value)</v></c>"#
            }
        }
        try sheet.append(xml + "</row>")
    }

    /// Packs the workbook; returns the number of data rows of all its sheets (headers left out).
    @discardableResult
    package func finish() throws -> Int {
        if sheets.isEmpty { try begin([]) }
        try sheets.last?.close()
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        let archive = try Archive(url: URL(fileURLWithPath: partial), accessMode: .create)
        for (name, text) in packageParts() {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        for (index, sheet) in sheets.enumerated() {
            try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: sheet.url, compressionMethod: .deflate)
        }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        return sheets.reduce(0) { $0 + max($1.rows - 1, 0) }
    }

    // MARK: Cells

    /// "A", "B", … "Z", "AA".
    static func column(_ index: Int) -> String {
        var index = index, name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    /// Days since 30/12/1899, Excel's date serial (the 1900 leap-year bug is behind every date we store).
    static func serial(_ date: CivilDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let origin = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
        let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
        return calendar.dateComponents([.day], from: origin, to: day).day!
    }

    /// XML text: the project's scalar-wise escaping (`&`, `<`, `>`, quotes), with the control characters XML 1.0
    /// cannot carry dropped first (imports refuse them anyway).
    static func escaped(_ text: String) -> String {
        let allowed = text.unicodeScalars.filter { scalar in
            scalar == "\t" || scalar == "\n" || scalar == "\r" || (scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value))
        }
        return HTMLEscape.text(String(String.UnicodeScalarView(allowed)))
    }

    // MARK: The workbook's other parts

    func packageParts() -> [(String, String)] {
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let created = ISO8601DateFormatter().string(from: properties.created)
        let numbered = sheets.enumerated().map { (number: $0.offset + 1, sheet: $0.element) }
        let sheetTypes = numbered.map {
            #"<Override PartName="/xl/worksheets/sheet\#($0.number).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        // Sheet i is relationship rId(i); the styles come after them.
        let sheetEntries = numbered.map { #"<sheet name="\#(Self.escaped($0.sheet.name))" sheetId="\#($0.number)" r:id="rId\#($0.number)"/>"# }.joined()
        let filters = numbered.map {
            #"""
                <definedName name="_xlnm._FilterDatabase" localSheetId="\#($0.number - 1)" hidden="1">\#
                '\#(Self.escaped($0.sheet.name).replacingOccurrences(of: "'", with: "''"))'!\#(Self.absolute($0.sheet.range))</definedName>
                """#
        }.joined()
        let sheetRelationships = numbered.map {
            #"""
                <Relationship Id="rId\#($0.number)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \#
                Target="worksheets/sheet\#($0.number).xml"/>
                """#
        }.joined()
        let stylesId = "rId\(sheets.count + 1)"
        return [
            ("[Content_Types].xml", head + #"""
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\#
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\#
                <Default Extension="xml" ContentType="application/xml"/>\#
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\#
                \#(sheetTypes)<Override PartName="/xl/styles.xml" \#
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\#
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\#
                <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
                """#),
            ("_rels/.rels", head + #"""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \#
                Target="xl/workbook.xml"/>\#
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \#
                Target="docProps/core.xml"/>\#
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" \#
                Target="docProps/app.xml"/></Relationships>
                """#),
            ("docProps/core.xml", head + #"""
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \#
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \#
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\#(Self.escaped(properties.title))</dc:title><dc:creator>\#
                Đèn Sách</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">\#(created)</dcterms:created></cp:coreProperties>
                """#),
            ("docProps/app.xml", head + #"""
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Đèn Sách</Application>\#
                <Company>\#(Self.escaped(properties.company))</Company></Properties>
                """#),
            ("xl/workbook.xml", head + #"""
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \#
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(sheetEntries)</sheets><definedNames>\#
                \#(filters)</definedNames></workbook>
                """#),
            ("xl/_rels/workbook.xml.rels", head + #"""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#
                \#(sheetRelationships)<Relationship Id="\#(stylesId)" \#
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """#),
            ("xl/styles.xml", head + #"""
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2">\#
                <numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><fonts count="2"><font>\#
                <sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts><fills count="3"><fill>\#
                <patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">\#
                <fgColor rgb="FFF2E6D9"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>\#
                </borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5">\#
                <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\#
                <xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>\#
                <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\#
                <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\#
                <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1">\#
                <cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """#),
        ]
    }

    /// Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ].
    static func sheetName(_ name: String) -> Substring {
        let cleaned = String(name.unicodeScalars.filter { !":\\/?*[]".unicodeScalars.contains($0) })
        return (cleaned.isEmpty ? "Sheet1" : cleaned).prefix(31)
    }

    /// A valid name no other sheet of the workbook has (Excel refuses two alike, whatever their case).
    static func uniqueSheetName(_ name: String, among taken: [String]) -> String {
        let base = String(sheetName(name))
        let folded = Set(taken.map { $0.lowercased() })
        var candidate = base, number = 2
        while folded.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        return candidate
    }

    /// "A1:F9" as "$A$1:$F$9".
    static func absolute(_ range: String) -> String {
        range.split(separator: ":").map { part in
            let letters = part.prefix { $0.isLetter }
            return "$\(letters)$\(part.dropFirst(letters.count))"
        }.joined(separator: ":")
    }
}
