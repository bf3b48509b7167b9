import Office

/// A donation's receipt as a Word document, in the words of `Templates/documents/receipt.mustache`: heading,
/// number, the giver and the gift (money with its amount in words, or the items' table), both signatures.
enum ReceiptWord {
    typealias P = DOCXDocument.Paragraph
    typealias R = DOCXDocument.Run

    static func document(_ m: DonationsController.ReceiptModel) -> DOCXDocument {
        var doc = DOCXDocument(title: "Biên nhận \(m.number)")
        let half = doc.textWidth / 2
        doc.blocks = [
            doc.heading(agency: m.committee, under: [m.recipientUnit]),
            .paragraph(P([R("PHIẾU THU / BIÊN NHẬN ỦNG HỘ", bold: true, size: 30)], alignment: .center, spaceAfter: 0)),
            .paragraph(P([R("Số: "), R(m.number, bold: true)], alignment: .center)),
        ]
        if m.voided { doc.blocks.append(.paragraph(P([R("ĐÃ HỦY ngày \(m.voidedOn) — \(m.voidedBy): \(m.voidReason)", bold: true)], alignment: .center))) }
        func line(_ label: String, _ value: [R]) -> DOCXDocument.Block { .paragraph(P([R(label + ": ")] + value, alignment: .left)) }
        doc.blocks.append(line("Họ tên người (đơn vị) ủng hộ", [R(m.sponsor, bold: true)]))
        doc.blocks.append(line("Nội dung", [R("Ủng hộ \(m.purpose)" + (m.campaign.isEmpty ? "" : " — \(m.campaign)"))]))
        if m.cash {
            doc.blocks.append(line("Số tiền", [R(m.amount, bold: true), R(" (\(m.channel))")]))
            doc.blocks.append(line("Viết bằng chữ", [R(m.amountInWords, italic: true)]))
        }
        if m.hasItems {
            func cell(_ text: String, bold: Bool = false, alignment: DOCXDocument.Alignment = .left) -> [P] {
                [P([R(text, bold: bold, size: 24)], alignment: alignment, spaceAfter: 0)]
            }
            let widths = [700, doc.textWidth - 700 - 1300 - 1100 - 1900, 1300, 1100, 1900]
            var rows = [["STT", "Tên hiện vật", "Đơn vị tính", "Số lượng", "Giá trị ước tính"].map { cell($0, bold: true, alignment: .center) }]
            rows += m.items.map { item in
                let description = item.description + (item.author.isEmpty ? "" : " — \(item.author)") + (item.isbn.isEmpty ? "" : " (ISBN \(item.isbn))")
                return [cell(String(item.number), alignment: .center), cell(description), cell(item.unit), cell(String(item.quantity), alignment: .right),
                        cell(item.value, alignment: .right)]
            }
            rows.append([cell(""), cell("Tổng giá trị ước tính", bold: true), cell(""), cell(""), cell(m.total, bold: true, alignment: .right)])
            doc.blocks.append(.table(.init(widths: widths, rows: rows, headerRows: 1)))
            doc.blocks.append(line("Tổng giá trị bằng chữ", [R(m.amountInWords, italic: true)]))
        }
        doc.blocks.append(.paragraph(P([R("\(m.commune), \(m.dateLong)", italic: true)], alignment: .right)))
        func signature(_ role: String, _ name: String) -> [P] {
            [P([R(role, bold: true)], alignment: .center, spaceAfter: 0), P([R("(Ký, ghi rõ họ tên)", italic: true, size: 24)], alignment: .center, spaceAfter: 1_400),
             P([R(name)], alignment: .center)]
        }
        doc.blocks.append(.table(.init(widths: [half, half], rows: [[signature("NGƯỜI NỘP", m.payer), signature("NGƯỜI NHẬN", m.receivedBy)]], borders: false)))
        return doc
    }
}
