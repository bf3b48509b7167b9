import Office

/// A decision as a Word document in the NĐ 30/2020 layout — the same model and words as the printed page
/// (`Templates/documents/decision.mustache`): heading with the issuing body beside the national motto, title,
/// grounds, articles with the recipients' table, recipients of copies beside the signature.
enum DecisionWord {
    typealias P = DOCXDocument.Paragraph
    typealias R = DOCXDocument.Run

    static func document(_ m: DecisionsController.DecisionModel) -> DOCXDocument {
        var doc = DOCXDocument(title: "Quyết định số \(m.number)")
        let half = doc.textWidth / 2
        doc.blocks.append(doc.heading(agency: m.issuer, under: ["Số: \(m.number)"], placeAndDate: "\(m.commune), \(m.dateLong)"))
        if !m.issued { doc.blocks.append(.paragraph(P([R("DỰ THẢO — chưa ban hành", bold: true)], alignment: .center))) }
        doc.blocks.append(.paragraph(P([R("QUYẾT ĐỊNH", bold: true)], alignment: .center, spaceAfter: 0)))
        doc.blocks.append(.paragraph(P([R(m.subject, bold: true)], alignment: .center, spaceAfter: 0)))
        doc.blocks.append(.paragraph(DOCXDocument.rule(width: doc.textWidth, share: 0.2)))
        doc.blocks.append(.paragraph(P([R(m.signerAuthority, bold: true)], alignment: .center)))
        for ground in m.grounds { doc.blocks.append(.paragraph(P([R(ground, italic: true)], indentFirstLine: true))) }
        doc.blocks.append(.paragraph(P([R("QUYẾT ĐỊNH:", bold: true)], alignment: .center)))
        if m.revoke {
            doc.blocks.append(article(1, "Thu hồi Quyết định số \(m.corrects)\(m.correctsDate.isEmpty ? "" : " ngày \(m.correctsDate)")."))
        } else {
            let amend = m.amend ? "Sửa đổi Quyết định số \(m.corrects)\(m.correctsDate.isEmpty ? "" : " ngày \(m.correctsDate)") như sau: " : ""
            doc.blocks.append(article(1, amend + m.articleOne))
            // No award column (and no "0 đ" rows) where no money is awarded.
            let award = m.hasAward ? 1_500 : 0
            var widths = [750, 2300, 1500, doc.textWidth - 750 - 2300 - 1500 - award]
            var header = ["STT", m.recipientHeading, "Thôn, đơn vị", "Thành tích"]
            if m.hasAward { widths.append(award); header.append("Tiền thưởng") }
            var rows = [header.map { DOCXDocument.cell($0, bold: true, alignment: .center) }]
            rows += m.recipients.map { recipient in
                [DOCXDocument.cell(String(recipient.number), alignment: .center), DOCXDocument.cell(recipient.name), DOCXDocument.cell(recipient.place),
                 DOCXDocument.cell(recipient.achievement)] + (m.hasAward ? [DOCXDocument.cell(recipient.award, alignment: .right)] : [])
            }
            if m.hasAward {
                rows.append([DOCXDocument.cell(""), DOCXDocument.cell("Tổng cộng", bold: true), DOCXDocument.cell(""), DOCXDocument.cell(""),
                             DOCXDocument.cell(m.total, bold: true, alignment: .right)])
            }
            doc.blocks.append(.table(.init(widths: widths, rows: rows, headerRows: 1)))
            if m.hasAward {
                doc.blocks.append(article(2, "Tiền thưởng tổng cộng \(m.total) (\(m.totalInWords)) chi từ Quỹ thi đua, khen thưởng của xã."))
            }
        }
        doc.blocks.append(article(m.lastArticle, "Quyết định có hiệu lực kể từ ngày ký. Văn phòng HĐND và UBND xã, công chức Văn hóa – Xã hội, "
                                      + "các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."))
        let signer = DOCXDocument.signatureBlock(m.signature, name: m.signerName)
        doc.blocks.append(.table(.init(widths: [half, half], rows: [[
            [P([R("Nơi nhận:", bold: true, italic: true, size: 24)], alignment: .left, spaceAfter: 0),
             P([R("- Như Điều \(m.lastArticle);", size: 22)], alignment: .left, spaceAfter: 0), P([R("- Lưu: VT.", size: 22)], alignment: .left)],
            signer,
        ]], borders: false)))
        return doc
    }

    static func article(_ number: Int, _ text: String) -> DOCXDocument.Block {
        .paragraph(P([R("Điều \(number). ", bold: true), R(text)], indentFirstLine: true))
    }
}
