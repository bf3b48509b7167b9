import Foundation
import Vietnamese
import ZIPFoundation

/// A Word document built from paragraphs and tables, in the NĐ 30/2020 layout by default: A4, margins 20 mm top and
/// bottom, 30 mm left, 15 mm right, Times New Roman 14 pt. Enough of WordprocessingML for the commune's documents
/// (decisions, letters, receipts) to open in Word and LibreOffice as if typed there, and be edited before signing.
package struct DOCXDocument: Sendable {
    package enum Alignment: String, Sendable { case left, center, right, both }

    /// A run of text with its emphasis.
    package struct Run: Sendable {
        package let text: String
        package let bold: Bool
        package let italic: Bool
        package let underline: Bool
        /// Half-points (28 = 14 pt); nil for the document's size.
        package let size: Int?
        package init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Int? = nil) {
            self.text = text; self.bold = bold; self.italic = italic; self.underline = underline; self.size = size
        }
    }

    package struct Paragraph: Sendable {
        package let runs: [Run]
        package let alignment: Alignment
        /// Space after, in twentieths of a point.
        package let spaceAfter: Int
        /// Space before, in twentieths of a point (a heading after a table).
        package let spaceBefore: Int
        package let indentFirstLine: Bool
        /// A rule in place of text: a line drawn under an empty paragraph, narrowed by this much on each side (twips).
        package var ruleInset: Int? = nil
        package init(_ runs: [Run], alignment: Alignment = .both, spaceAfter: Int = 120, spaceBefore: Int = 0, indentFirstLine: Bool = false) {
            self.runs = runs; self.alignment = alignment; self.spaceAfter = spaceAfter; self.spaceBefore = spaceBefore; self.indentFirstLine = indentFirstLine
        }
        package init(_ text: String, bold: Bool = false, italic: Bool = false, alignment: Alignment = .both, spaceAfter: Int = 120) {
            self.init([Run(text, bold: bold, italic: italic)], alignment: alignment, spaceAfter: spaceAfter)
        }
    }

    /// A table: column widths in twips, each cell a list of paragraphs; `borders` false for the layout tables of the
    /// heading (agency beside the national motto) and the signature block.
    package struct Table: Sendable {
        package let widths: [Int]
        package let rows: [[[Paragraph]]]
        package let borders: Bool
        package let headerRows: Int
        package init(widths: [Int], rows: [[[Paragraph]]], borders: Bool = true, headerRows: Int = 0) {
            self.widths = widths; self.rows = rows; self.borders = borders; self.headerRows = headerRows
        }
    }

    package enum Block: Sendable { case paragraph(Paragraph), table(Table), pageBreak }

    package var blocks: [Block]
    package let title: String
    package let landscape: Bool

    package init(title: String, landscape: Bool = false, blocks: [Block] = []) {
        self.title = title; self.landscape = landscape; self.blocks = blocks
    }

    /// The text width between the margins, in twips (for tables that fill it).
    package var textWidth: Int { (landscape ? 16_838 : 11_906) - 1_701 - 850 }

    // MARK: Writing

    /// The .docx bytes.
    package func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (name, text) in parts() {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    func parts() -> [(String, String)] {
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let created = ISO8601DateFormatter().string(from: Date())
        return [
            ("[Content_Types].xml", head + #"""
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\#
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\#
                <Default Extension="xml" ContentType="application/xml"/>\#
                <Override PartName="/word/document.xml" \#
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\#
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\#
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
                """#),
            ("_rels/.rels", head + #"""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \#
                Target="word/document.xml"/>\#
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \#
                Target="docProps/core.xml"/></Relationships>
                """#),
            ("word/_rels/document.xml.rels", head + #"""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\#
                </Relationships>
                """#),
            ("word/styles.xml", head + #"""
                <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>\#
                <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>\#
                <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\#
                <w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\#
                <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\#
                <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar>\#
                <w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>
                """#),
            ("docProps/core.xml", head + #"""
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \#
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \#
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\#(XLSXWriter.escaped(title))</dc:title><dc:creator>\#
                Đèn Sách</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">\#(created)</dcterms:created></cp:coreProperties>
                """#),
            ("word/document.xml", head + document()),
        ]
    }

    func document() -> String {
        var xml = #"""
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \#
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
            """#
        for block in blocks {
            switch block {
            case .paragraph(let paragraph): xml += Self.xml(paragraph)
            case .table(let table): xml += Self.xml(table)
            case .pageBreak: xml += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            }
        }
        let (width, height) = landscape ? (16_838, 11_906) : (11_906, 16_838)
        xml += #"<w:sectPr><w:pgSz w:w="\#(width)" w:h="\#(height)"\#(landscape ? #" w:orient="landscape""# : "")/>"#
        xml += #"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
        return xml + "</w:body></w:document>"
    }

    static func xml(_ paragraph: Paragraph) -> String {
        var xml = #"<w:p><w:pPr><w:jc w:val="\#(paragraph.alignment.rawValue)"/><w:spacing w:before="\#(paragraph.spaceBefore)" w:after="\#(paragraph.spaceAfter)"/>"#
        if paragraph.indentFirstLine { xml += #"<w:ind w:firstLine="567"/>"# }
        if let inset = paragraph.ruleInset {
            // A real line, not an underlined space (which prints as nothing): a bottom border on a paragraph a
            // few points high, narrowed to the length NĐ 30 asks for.
            xml = #"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>"#
                + #"<w:spacing w:before="0" w:after="80" w:line="100" w:lineRule="exact"/><w:ind w:left="\#(inset)" w:right="\#(inset)"/>"#
        }
        xml += "</w:pPr>"
        for run in paragraph.runs {
            var properties = ""
            if run.bold { properties += "<w:b/><w:bCs/>" }
            if run.italic { properties += "<w:i/><w:iCs/>" }
            if run.underline { properties += #"<w:u w:val="single"/>"# }
            if let size = run.size { properties += #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"# }
            // A line break inside a run is Word's <w:br/>, not a newline in the text.
            let lines = run.text.components(separatedBy: "\n").map { #"<w:t xml:space="preserve">\#(XLSXWriter.escaped($0))</w:t>"# }
            xml += "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + lines.joined(separator: "<w:br/>") + "</w:r>"
        }
        return xml + "</w:p>"
    }

    static func xml(_ table: Table) -> String {
        let border = table.borders ? "single" : "nil"
        var xml = #"<w:tbl><w:tblPr><w:tblW w:w="\#(table.widths.reduce(0, +))" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>"#
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += #"<w:\#(side) w:val="\#(border)" w:sz="4" w:space="0" w:color="000000"/>"#
        }
        xml += "</w:tblBorders></w:tblPr><w:tblGrid>" + table.widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        for (index, row) in table.rows.enumerated() {
            // Header rows repeat at the top of each page, as a long list of recipients needs.
            xml += "<w:tr>" + (index < table.headerRows ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
            for (column, cell) in row.enumerated() {
                let width = column < table.widths.count ? table.widths[column] : 0
                xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/></w:tcPr>"#
                xml += (cell.isEmpty ? [Paragraph("")] : cell).map { Self.xml($0) }.joined() + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }
}

extension DOCXDocument {
    /// NĐ 30/2020's heading, a borderless two-column table: the issuing body in capitals ("ỦY BAN NHÂN DÂN" over
    /// "XÃ …", as documents are headed, rather than wherever the line breaks) with what stands under it (the number,
    /// the receiving unit), beside the national motto with the place and date under it.
    package func heading(agency: String, under: [String] = [], placeAndDate: String? = nil) -> Block {
        let agencyLines = Self.agencyLines(agency)
        var left = [Paragraph([Run(agencyLines, bold: true, size: 24)], alignment: .center, spaceAfter: 0), Self.rule(width: 3_900, share: 1.0 / 3)]
        left += under.map { Paragraph([Run($0, size: 26)], alignment: .center, spaceAfter: 0) }
        var right = [Paragraph([Run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24)], alignment: .center, spaceAfter: 0),
                     Paragraph([Run("Độc lập - Tự do - Hạnh phúc", bold: true, underline: true)], alignment: .center, spaceAfter: 0)]
        if let placeAndDate { right.append(Paragraph([Run(placeAndDate, italic: true)], alignment: .center, spaceAfter: 0)) }
        return .table(Table(widths: [3_900, textWidth - 3_900], rows: [[left, right]], borders: false))
    }
}

extension DOCXDocument {
    /// The issuing body in capitals, "ỦY BAN NHÂN DÂN" over "XÃ …" (never broken mid-name).
    static func agencyLines(_ agency: String) -> String {
        agency.uppercased().replacingOccurrences(of: " XÃ ", with: "\nXÃ ")
    }

    /// A centred rule of `share` of a column `width` wide: under the issuing body (a third), under a summary line.
    package static func rule(width: Int, share: Double) -> Paragraph {
        var paragraph = Paragraph([], alignment: .center, spaceAfter: 60)
        paragraph.ruleInset = Int(Double(width) * (1 - share) / 2)
        return paragraph
    }

    /// The signer's side: the lines of authority in bold ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    /// room to sign and seal, the name.
    package static func signatureBlock(_ lines: [String], name: String, placeAndDate: String? = nil) -> [Paragraph] {
        var block = placeAndDate.map { [Paragraph([Run($0, italic: true)], alignment: .center, spaceAfter: 0)] } ?? []
        for (index, line) in lines.enumerated() {
            block.append(Paragraph([Run(line, bold: true)], alignment: .center, spaceAfter: index == lines.count - 1 ? 1_400 : 0))
        }
        block.append(Paragraph([Run(name, bold: true)], alignment: .center))
        return block
    }

    /// A table cell's text at 12 pt, as lists in documents are set.
    package static func cell(_ text: String, bold: Bool = false, alignment: Alignment = .left) -> [Paragraph] {
        [Paragraph([Run(text, bold: bold, size: 24)], alignment: alignment, spaceAfter: 0)]
    }

    /// One side of a two-party signature block: the role, "(Ký, ghi rõ họ tên)", room to sign, the name.
    package static func signature(_ role: String, _ name: String) -> [Paragraph] {
        [Paragraph([Run(role, bold: true)], alignment: .center, spaceAfter: 0),
         Paragraph([Run("(Ký, ghi rõ họ tên)", italic: true, size: 24)], alignment: .center, spaceAfter: 1_400),
         Paragraph([Run(name)], alignment: .center)]
    }
}
