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

    @Test("NĐ 30's rules are real lines: a third of the issuing body's column under it, a short one under a summary line")
    func rules() throws {
        var doc = DOCXDocument(title: "Quyết định")
        doc.blocks = [doc.heading(agency: "Ủy ban nhân dân xã Đăk Tờ Re", under: ["Số: 01/QĐ-UBND"]), .paragraph(DOCXDocument.rule(width: doc.textWidth, share: 0.2))]
        let xml = try document(doc)
        // 3,900 twips wide, a third kept: 1,300 inset on each side.
        #expect(xml.contains(#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>"#))
        #expect(xml.contains(#"<w:ind w:left="1300" w:right="1300"/>"#))
        let inset = Int(Double(doc.textWidth) * 0.4)
        #expect(xml.contains(#"<w:ind w:left="\#(inset)" w:right="\#(inset)"/>"#), "a fifth of the text's width under the summary")
        #expect(xml.components(separatedBy: "<w:pBdr>").count - 1 == 2)
        #expect(DOCXDocument.signatureBlock(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "Trần Thị Phụng").map { $0.runs.map(\.text).joined() }
                == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Phụng"])
    }

    @Test("A landscape document (certificates) turns the page")
    func landscape() throws {
        let xml = try document(DOCXDocument(title: "Giấy khen", landscape: true, blocks: [.paragraph(.init("GIẤY KHEN")), .pageBreak]))
        #expect(xml.contains(#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#))
        #expect(xml.contains(#"<w:br w:type="page"/>"#))
    }
}

extension DOCXWriterTests {
    @Test("Letters printed from a template's HTML become one Word document, a letter per page, in the same words")
    func lettersFromHTML() throws {
        let letter = """
            <section class="letter">
            <header class="letter-head"><p class="agency">Ủy ban nhân dân xã Đăk Tờ Re</p>\
            <p class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p></header>
            <p class="place-date">Đăk Tờ Re, ngày 01 tháng 12 năm 2026</p>
            <h2>THƯ MỜI</h2>
            <p>Kính gửi: Bà <strong>Nguyễn Thị Lan</strong> &amp; gia đình, &quot;Thôn 1&quot;</p>
            <div class="signature"><p><strong>CHỦ TỊCH</strong></p><p class="sign-space"></p><p><strong>Trần Văn A</strong></p></div>
            </section>
            """
        let document = LetterHTML.document("<html><body>" + letter + "\n" + letter.replacingOccurrences(of: "Nguyễn Thị Lan", with: "Y Bình") + "</body></html>", title: "Thư mời")
        let xml = document.document()
        #expect(xml.components(separatedBy: #"<w:br w:type="page"/>"#).count - 1 == 1, "two letters, one page break")
        #expect(xml.contains("Nguyễn Thị Lan") && xml.contains("Y Bình") && xml.contains("THƯ MỜI"))
        #expect(xml.contains(#"<w:t xml:space="preserve">ỦY BAN NHÂN DÂN</w:t><w:br/><w:t xml:space="preserve">XÃ ĐĂK TỜ RE</w:t>"#), "the agency over its commune")
        #expect(xml.contains("&amp; gia đình, &quot;Thôn 1&quot;"), "entities decoded once, escaped again for Word")
        #expect(xml.contains(#"<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Nguyễn Thị Lan</w:t>"#), "bold kept")
        #expect(xml.contains(#"<w:jc w:val="right"/>"#), "the place and date set right")
        let tables = xml.components(separatedBy: "<w:tbl>").count - 1
        #expect(tables == 4, "heading and signature laid out as borderless tables in each letter")
    }
}
