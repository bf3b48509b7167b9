import Foundation
@testable import Office
import Testing
import ZIPFoundation

/// Word documents as Word reads them (python-docx reads a decision in the browser suite: Tests/browser/test_excel.py).
@Suite("Word documents")
struct DOCXWriterTests {
    func document(_ doc: DOCXDocument) throws -> String {
        let archive = try Archive(data: try doc.data(), accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        #expect(archive["word/styles.xml"] != nil && archive["[Content_Types].xml"] != nil && archive["docProps/core.xml"] != nil)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("A4 with NĐ 30 margins, runs with their emphasis, line breaks, tables with a repeating header, hostile text escaped")
    func layout() throws {
        var doc = DOCXDocument(title: "Quyết định")
        doc.blocks = [
            .paragraph(.init([.init("Điều 1. ", bold: true), .init("A & <B> \"C\"\nD")], indentFirstLine: true)),
            .table(.init(widths: [1000, 2000], rows: [[[.init("STT")], [.init("Họ và tên")]], [[.init("1")], []]], headerRows: 1)),
            .table(.init(widths: [4000, 4000], rows: [[[.init("trái")], [.init("phải")]]], borders: false)),
        ]
        let xml = try document(doc)
        #expect(xml.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4 portrait")
        #expect(xml.contains(#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#), "20 mm top and bottom, 15 right, 30 left")
        #expect(xml.contains(#"<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Điều 1. </w:t></w:r>"#))
        #expect(xml.contains("A &amp; &lt;B&gt; &quot;C&quot;</w:t><w:br/><w:t xml:space=\"preserve\">D"))
        #expect(xml.contains("<w:trPr><w:tblHeader/></w:trPr>"), "the recipients' header repeats on each page")
        #expect(xml.contains(#"<w:insideV w:val="nil""#), "a layout table has no borders")
        #expect(xml.components(separatedBy: "<w:tc>").count - 1 == 6, "an empty cell still holds a paragraph")
    }

    @Test("A landscape document (certificates) turns the page")
    func landscape() throws {
        let xml = try document(DOCXDocument(title: "Giấy khen", landscape: true, blocks: [.paragraph(.init("GIẤY KHEN")), .pageBreak]))
        #expect(xml.contains(#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#))
        #expect(xml.contains(#"<w:br w:type="page"/>"#))
    }
}
