import Office

/// A handover record of gifts in kind as a Word document, in the words of `Templates/documents/handover.mustache`.
enum HandoverWord {
    typealias P = DOCXDocument.Paragraph
    typealias R = DOCXDocument.Run

    static func document(_ m: DonationsController.HandoverModel) -> DOCXDocument {
        var doc = DOCXDocument(title: "Biên bản bàn giao — biên nhận \(m.receipt)")
        let half = doc.textWidth / 2
        let widths = [700, doc.textWidth - 700 - 2000 - 1700 - 1200 - 1000, 2000, 1700, 1200, 1000]
        var rows = [["STT", "Tên hiện vật", "Tác giả", "ISBN", "Đơn vị tính", "Số lượng"].map { DOCXDocument.cell($0, bold: true, alignment: .center) }]
        rows += m.items.map { [DOCXDocument.cell(String($0.number), alignment: .center), DOCXDocument.cell($0.description),
                               DOCXDocument.cell($0.author), DOCXDocument.cell($0.isbn), DOCXDocument.cell($0.unit),
                               DOCXDocument.cell(String($0.quantity), alignment: .right)] }
        doc.blocks = [
            doc.heading(agency: m.committee),
            .paragraph(P([R("\(m.commune), \(m.dateLong)", italic: true)], alignment: .right)),
            .paragraph(P([R("BIÊN BẢN BÀN GIAO", bold: true, size: 30)], alignment: .center, spaceAfter: 0)),
            .paragraph(P([R("Hiện vật ủng hộ theo biên nhận số \(m.receipt)", bold: true)], alignment: .center)),
            .paragraph(P("Hôm nay, \(m.dateLong), chúng tôi gồm:")),
            .paragraph(P([R("Bên giao: ", bold: true), R("\(m.deliveredBy) — \(m.fromUnit)")])),
            .paragraph(P([R("Bên nhận: ", bold: true), R("\(m.receivedBy) — \(m.toUnit)")])),
            .paragraph(P("Cùng thống nhất bàn giao các hiện vật do \(m.sponsor) ủng hộ, gồm:")),
            .table(.init(widths: widths, rows: rows, headerRows: 1)),
        ]
        if !m.notes.isEmpty { doc.blocks.append(.paragraph(P("Ghi chú: \(m.notes)"))) }
        doc.blocks.append(.paragraph(P("Biên bản lập thành hai bản, mỗi bên giữ một bản.")))
        doc.blocks.append(.table(.init(widths: [half, half],
                                       rows: [[DOCXDocument.signature("BÊN GIAO", m.deliveredBy), DOCXDocument.signature("BÊN NHẬN", m.receivedBy)]],
                                       borders: false)))
        return doc
    }
}
