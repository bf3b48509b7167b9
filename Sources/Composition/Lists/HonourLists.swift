import GRDB
import Honours
import Store
import Vietnamese

/// The honour roll of a year and the recipients of one decision.
package enum HonourLists {
    package static let all = [roll, recipients]

    /// Honours in force (`--year`, else every year): names, place, form, achievement, the decision — never a phone.
    package static let roll = ListExport(
        "honour-roll", summary: "Bảng vàng: các danh hiệu, khen thưởng còn hiệu lực (--year)", entity: "honourRoll",
        file: { q in "bang-vang-\(Cells.fileYear(q))" }, title: { _, q in "Bảng vàng\(Cells.inYear(q))" }, sheet: { q in "Bảng vàng" + (q.year.map { " \($0)" } ?? "") }
    ) { db, query, _, data, sink in
        let entries = try HonourRoll.entries(db, .init(year: query.year), forms: try data.forms)
        try sink.begin([TableColumn("Năm", width: 6), TableColumn("Hình thức", width: 30), TableColumn("Đối tượng", width: 12),
                        TableColumn("Họ tên, tên tập thể", width: 28), TableColumn("Thôn, đơn vị", width: 18), TableColumn("Thành tích", width: 40),
                        TableColumn("Tiền thưởng (đồng)", width: 14), TableColumn("Quyết định số", width: 16), TableColumn("Ngày quyết định", width: 12)])
        for e in entries {
            try sink.row([.integer(Int64(e.year)), .text(e.formName), .text(e.recipientKind.label), .text(e.name), Cells.text(e.place),
                          Cells.text(e.achievement), e.award > 0 ? .money(e.award) : .empty, .text(e.decisionNumber), .date(e.decisionDate)])
        }
        return entries.count
    }

    /// The table attached to a decision (`--id`): who is honoured, for what, with which award — all of them, as the
    /// decision's page and printed document show them to every signed-in account.
    package static let recipients = ListExport(
        "decision-recipients", summary: "Danh sách được khen thưởng kèm một quyết định (--id)", entity: "decisionRecipients", needsId: true,
        file: { q in "danh-sach-khen-thuong-qd-\(q.id ?? 0)" },
        title: { db, q in
            let decision = try DecisionStore.get(db, id: q.id ?? 0)
            return "Danh sách khen thưởng kèm Quyết định" + (decision.number.map { " số \($0)" } ?? " (dự thảo)")
        },
        sheet: { _ in "Danh sách khen thưởng" }
    ) { db, query, _, data, sink in
        let decision = try DecisionStore.get(db, id: query.id ?? 0)
        let items = try NominationStore.list(db, .init(decisionId: decision.id!), forms: try data.forms, for: .system)
        try sink.begin([TableColumn("STT", width: 5), TableColumn("Họ tên, tên tập thể", width: 28), TableColumn("Thôn, đơn vị", width: 18),
                        TableColumn("Hình thức", width: 28), TableColumn("Thành tích", width: 44), TableColumn("Tiền thưởng (đồng)", width: 14)])
        for (index, item) in items.enumerated() {
            try sink.row([.integer(Int64(index + 1)), .text(item.recipient), Cells.text(item.place), .text(item.formName),
                          Cells.text(item.nomination.achievement), item.nomination.award > 0 ? .money(item.nomination.award) : .empty])
        }
        return items.count
    }
}
