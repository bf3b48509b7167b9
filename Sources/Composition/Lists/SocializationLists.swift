import Socialization
import Store
import Vietnamese

/// Gifts, the public disclosure, sponsors, pledges, volunteers and their hours.
package enum SocializationLists {
    package static let all = [donations, disclosure, sponsors, pledges, volunteers, volunteerHours]

    /// Donations in the import's own format (voided receipts kept, marked): `--year`, `--campaign-id`, `--unit-id`, `--kind`.
    package static let donations = ListExport(
        "donations", summary: "Các khoản ủng hộ, cả biên lai đã hủy (cùng cột với tệp nhập)", entity: "donation",
        file: { q in "ung-ho-\(Cells.fileYear(q))" }, title: { _, q in "Các khoản ủng hộ\(Cells.inYear(q))" }, sheet: { _ in "Ủng hộ" }
    ) { db, query, principal, _, sink in
        let filter = DonationStore.Filter(year: query.year, campaignId: query.campaignId, kind: query.kind.flatMap(DonationKind.init(rawValue:)),
                                          recipientUnitId: query.unitId)
        let items = try DonationStore.list(db, filter, for: principal)
        try DonationCSV.export(items, into: sink)
        return items.count
    }

    /// The list posted on the notice board (TT 41/2022): no phone, no address; anonymous donors stay anonymous.
    package static let disclosure = ListExport(
        "disclosure", summary: "Danh sách công khai các khoản ủng hộ của một năm (--year) hoặc một chiến dịch (--campaign-id)", entity: "disclosure",
        file: { q in "cong-khai-\(q.year.map(String.init) ?? "chien-dich-\(q.campaignId ?? 0)")" },
        title: { _, _ in "Danh sách công khai các khoản ủng hộ" }, sheet: { _ in "Công khai" }
    ) { db, query, principal, data, sink in
        let year = query.campaignId == nil ? (query.year ?? data.today.year) : query.year
        let lines = try Disclosure.lines(db, year: year, campaignId: query.campaignId, for: principal)
        try sink.begin([TableColumn("STT", width: 5), TableColumn("Ngày", width: 11), TableColumn("Nhà tài trợ", width: 30),
                        TableColumn("Tiền hoặc hiện vật", width: 30), TableColumn("Giá trị (đồng)", width: 15), TableColumn("Mục đích", width: 30)])
        for (index, line) in lines.enumerated() {
            try sink.row([.integer(Int64(index + 1)), .date(line.date), .text(line.name), .text(line.gift), .money(line.value), .text(line.purpose)])
        }
        return lines.count
    }

    package static let sponsors = ListExport(
        "sponsors", summary: "Nhà tài trợ: loại, liên hệ, số lần và tổng giá trị ủng hộ", entity: "sponsor",
        file: { _ in "nha-tai-tro" }, title: { _, _ in "Danh sách nhà tài trợ" }, sheet: { _ in "Nhà tài trợ" }
    ) { db, _, principal, _, sink in
        let items = try SponsorStore.list(db, for: principal)
        try sink.begin([TableColumn("Nhà tài trợ", width: 30), TableColumn("Loại", width: 16), TableColumn("Thôn", width: 14),
                        TableColumn("Điện thoại", width: 13), TableColumn("Nhóm", width: 20), TableColumn("Số lần ủng hộ", width: 10),
                        TableColumn("Tổng giá trị (đồng)", width: 16), TableColumn("Lần gần nhất", width: 11)])
        for item in items {
            try sink.row([.text(item.name), .text(item.sponsor.kind.label), Cells.text(item.village), Cells.text(item.phone.map(PhoneNumber.national)),
                          Cells.text(item.sponsor.tagList.joined(separator: ", ")), .integer(Int64(item.donations)), .money(item.total),
                          Cells.date(item.lastDonation)])
        }
        return items.count
    }

    package static let pledges = ListExport(
        "pledges", summary: "Cam kết ủng hộ: hạn, đã thực hiện, còn lại, tình trạng", entity: "pledge",
        file: { _ in "cam-ket-ung-ho" }, title: { _, _ in "Các cam kết ủng hộ" }, sheet: { _ in "Cam kết" }
    ) { db, _, principal, data, sink in
        let items = try PledgeStore.list(db, on: data.today, for: principal)
        try sink.begin([TableColumn("Ngày cam kết", width: 11), TableColumn("Nhà tài trợ", width: 28), TableColumn("Đơn vị nhận", width: 22),
                        TableColumn("Mục đích", width: 30), TableColumn("Giá trị (đồng)", width: 15), TableColumn("Đã thực hiện (đồng)", width: 15),
                        TableColumn("Còn lại (đồng)", width: 15), TableColumn("Hạn", width: 11), TableColumn("Tình trạng", width: 14)])
        for item in items {
            let p = item.pledge
            try sink.row([.date(p.date), .text(item.sponsorName), .text(item.recipientUnit), .text(p.purpose), .money(p.value), .money(item.fulfilled),
                          .money(item.remaining), .date(p.dueOn), .text(item.status(on: data.today).label)])
        }
        return items.count
    }

    package static let volunteers = ListExport(
        "volunteers", summary: "Tình nguyện viên: kỹ năng, thời gian rảnh, giờ đã duyệt trong năm (--year)", entity: "volunteer",
        file: { q in "tinh-nguyen-vien-\(Cells.fileYear(q))" }, title: { _, q in "Danh sách tình nguyện viên\(Cells.inYear(q))" },
        sheet: { _ in "Tình nguyện viên" }
    ) { db, query, principal, data, sink in
        let items = try VolunteerStore.list(db, year: query.year ?? data.today.year, for: principal)
        try sink.begin([TableColumn("Họ và tên", width: 26), TableColumn("Thôn", width: 14), TableColumn("Đơn vị", width: 22),
                        TableColumn("Kỹ năng", width: 30), TableColumn("Thời gian rảnh", width: 20), TableColumn("Từ ngày", width: 11),
                        TableColumn("Giờ đã duyệt", width: 10), TableColumn("Giờ chờ duyệt", width: 10)])
        for item in items {
            let v = item.volunteer
            try sink.row([.text(item.fullName), Cells.text(item.village), .text(item.unit), .text(v.skillList.map(\.label).joined(separator: ", ")),
                          Cells.text(v.availability), .date(v.since), .number(Double(item.approvedMinutes) / 60), .number(Double(item.pendingMinutes) / 60)])
        }
        return items.count
    }

    /// Hours logged, approved or not (a year with `--year`): hours as numbers Excel can add up (1,5 h = 1.5).
    package static let volunteerHours = ListExport(
        "volunteer-hours", summary: "Giờ tình nguyện đã ghi, theo ngày (--year)", entity: "volunteerHours",
        file: { q in "gio-tinh-nguyen-\(Cells.fileYear(q))" }, title: { _, _ in "Giờ tình nguyện" }, sheet: { _ in "Giờ tình nguyện" }
    ) { db, query, principal, _, sink in
        let items = try VolunteerStore.hours(db, year: query.year, for: principal)
        try sink.begin([TableColumn("Ngày", width: 11), TableColumn("Tình nguyện viên", width: 24), TableColumn("Đơn vị", width: 22),
                        TableColumn("Số giờ", width: 8), TableColumn("Hoạt động", width: 28), TableColumn("Nội dung", width: 28),
                        TableColumn("Tình trạng", width: 12), TableColumn("Người nhập", width: 14), TableColumn("Người duyệt", width: 14)])
        for item in items {
            let h = item.hours
            try sink.row([.date(h.date), .text(item.fullName), .text(item.unit), .number(Double(h.minutes) / 60), Cells.text(item.what),
                          Cells.text(h.description), .text(h.status.label), .text(h.enteredBy), Cells.text(h.reviewedBy)])
        }
        return items.count
    }
}
