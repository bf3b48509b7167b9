import Office

/// Certificates as one Word document, one A4 landscape page each, in the words of
/// `Templates/documents/certificate.mustache`: motto, issuing authority, title, recipient, achievement, decision and
/// book numbers beside the signature.
enum CertificateWord {
    typealias P = DOCXDocument.Paragraph
    typealias R = DOCXDocument.Run

    static func document(_ certificates: [DecisionsController.CertificateModel]) -> DOCXDocument {
        var doc = DOCXDocument(title: "Giấy khen", landscape: true)
        for (index, c) in certificates.enumerated() {
            if index > 0 { doc.blocks.append(.pageBreak) }
            doc.blocks += [
                .paragraph(P([R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 28)], alignment: .center, spaceAfter: 0)),
                .paragraph(P([R("Độc lập - Tự do - Hạnh phúc", bold: true, underline: true, size: 28)], alignment: .center, spaceAfter: 360)),
                .paragraph(P([R(c.signerAuthority, bold: true, size: 28)], alignment: .center, spaceAfter: 240)),
                .paragraph(P([R(c.title, bold: true, size: 56)], alignment: .center, spaceAfter: 240)),
                .paragraph(P([R("Tặng", italic: true, size: 30)], alignment: .center, spaceAfter: 120)),
                .paragraph(P([R(c.name, bold: true, size: 40)], alignment: .center, spaceAfter: 120)),
            ]
            if !c.place.isEmpty { doc.blocks.append(.paragraph(P([R(c.place, size: 28)], alignment: .center))) }
            doc.blocks.append(.paragraph(P([R("Đã có thành tích: " + c.achievement, size: 28)], alignment: .center, spaceAfter: 360)))
            let signature = DOCXDocument.signatureBlock(c.signature, name: c.signerName, placeAndDate: "\(c.commune), \(c.dateLong)")
            let half = doc.textWidth / 2
            doc.blocks.append(.table(.init(widths: [half, half], rows: [[
                [P([R("Quyết định số \(c.number)\(c.date.isEmpty ? "" : " ngày \(c.date)")\nSổ vàng số: \(c.book)", size: 24)], alignment: .left)],
                signature,
            ]], borders: false)))
        }
        return doc
    }
}
