import Office

/// A donation's receipt as a Word document, in the words of `Templates/documents/receipt.mustache`: heading,
/// number, the giver and the gift (money with its amount in words, or the items' table), both signatures.
enum ReceiptWord {
    typealias P = DOCXDocument.Paragraph
    typealias R = DOCXDocument.Run

    /// What the paper is and is not, as the printed page says it.
    static let notAVoucher = "Giấy biên nhận của đơn vị nhận ủng hộ, giao cho người ủng hộ; không thay phiếu thu (mẫu C40-BB, Thông tư 107/2017/TT-BTC) do kế toán lập khi ghi sổ."

    static func document(_ m: DonationsController.ReceiptModel) -> DOCXDocument {
        var doc = DOCXDocument(title: "Biên nhận \(m.number)")
        let half = doc.textWidth / 2
        doc.blocks = [
            doc.heading(agency: m.committee, under: [m.recipientUnit]),
            .paragraph(P([R("GIẤY BIÊN NHẬN ỦNG HỘ", bold: true, size: 30)], alignment: .center, spaceAfter: 0)),
            .paragraph(P([R("Số biên nhận: "), R(m.number, bold: true)], alignment: .center)),
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
            let widths = [700, doc.textWidth - 700 - 1300 - 1100 - 1900, 1300, 1100, 1900]
            var rows = [["STT", "Tên hiện vật", "Đơn vị tính", "Số lượng", "Giá trị ước tính"].map { DOCXDocument.cell($0, bold: true, alignment: .center) }]
            rows += m.items.map { item in
                let description = item.description + (item.author.isEmpty ? "" : " — \(item.author)") + (item.isbn.isEmpty ? "" : " (ISBN \(item.isbn))")
                return [DOCXDocument.cell(String(item.number), alignment: .center), DOCXDocument.cell(description), DOCXDocument.cell(item.unit),
                        DOCXDocument.cell(String(item.quantity), alignment: .right),
                        DOCXDocument.cell(item.value, alignment: .right)]
            }
            rows.append([DOCXDocument.cell(""), DOCXDocument.cell("Tổng giá trị ước tính", bold: true), DOCXDocument.cell(""), DOCXDocument.cell(""),
                         DOCXDocument.cell(m.total, bold: true, alignment: .right)])
            doc.blocks.append(.table(.init(widths: widths, rows: rows, headerRows: 1)))
            doc.blocks.append(line("Tổng giá trị bằng chữ", [R(m.amountInWords, italic: true)]))
        }
        doc.blocks.append(.paragraph(P([R("\(m.commune), \(m.dateLong)", italic: true)], alignment: .right)))
        doc.blocks.append(.table(.init(widths: [half, half],
                                       rows: [[DOCXDocument.signature("NGƯỜI NỘP", m.payer), DOCXDocument.signature("NGƯỜI NHẬN", m.receivedBy)]],
                                       borders: false)))
        doc.blocks.append(.paragraph(P([R(Self.notAVoucher, italic: true, size: 22)], spaceBefore: 240)))
        return doc
    }
}
