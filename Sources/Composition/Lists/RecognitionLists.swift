import GRDB
import Recognition
import Store
import Vietnamese

/// Assessments of a learning-model title, the programme's indicators, and the yearly report's tables.
package enum RecognitionLists {
    package static let all = [assessments, indicators, annualReport]

    static let statusLabels = ["registered": "Đã đăng ký", "assessed": "Đã đánh giá", "approved": "Đã duyệt", "rejected": "Trả lại"]

    /// The set a query names (`--kind`), or the first one.
    static func set(_ query: ListQuery, _ data: ListData) throws -> CriteriaSet? {
        let sets = try data.sets
        return query.kind.flatMap(sets.set) ?? sets.sets.first
    }

    /// Registrations of a year for one title, with their points per criterion, score and result.
    package static let assessments = ListExport(
        "assessments", summary: "Đăng ký, đánh giá một danh hiệu học tập trong năm (--year, --kind khóa bộ tiêu chí): điểm từng tiêu chí",
        entity: "assessment",
        file: { q in "danh-gia-\(q.kind ?? "")-\(Cells.fileYear(q))" },
        title: { _, q in "Kết quả đăng ký, đánh giá\(Cells.inYear(q))" }, sheet: { _ in "Đánh giá" }
    ) { db, query, principal, data, sink in
        guard let set = try set(query, data) else { throw DomainError.notFound("bộ tiêu chí", english: "Criteria set") }
        let year = query.year ?? data.today.year
        let items = try RecognitionStore.list(db, year: year, setKey: set.key, for: principal)
        let criteria = set.criteria
        try sink.begin([TableColumn("Đối tượng", width: 26), TableColumn("Thôn, đơn vị", width: 16), TableColumn("Danh hiệu", width: 24),
                        TableColumn("Năm", width: 6), TableColumn("Tình trạng", width: 12), TableColumn("Điểm", width: 7), TableColumn("Tối đa", width: 7),
                        TableColumn("Kết quả", width: 16), TableColumn("Ngày đánh giá", width: 11), TableColumn("Người đánh giá", width: 16)]
                       + criteria.map { TableColumn($0.key, width: max(6, $0.key.count + 2)) })
        for item in items {
            let r = item.registration
            let scores = try RecognitionStore.scores(db, registrationId: r.id!)
            try sink.row([.text(item.subject), Cells.text(item.place), .text(set.title), .integer(Int64(r.year)), .text(statusLabels[r.status] ?? r.status),
                          Cells.integer(r.score), .integer(Int64(set.maximum)), Cells.text(r.result), Cells.date(r.assessedOn), Cells.text(r.assessor)]
                         + criteria.map { criterion in scores[criterion.key].map { TableCell.integer(Int64($0.points)) } ?? .empty })
        }
        return items.count
    }

    /// The programme's indicators for a year with their trajectory (the report page's CSV).
    package static let indicators = ListExport(
        "indicators", summary: "Các chỉ tiêu của Kế hoạch trong năm (--year) với lộ trình 2025, 2030", entity: "report",
        file: { q in "chi-tieu-\(q.year ?? 0)" }, title: { _, q in "Các chỉ tiêu của Kế hoạch\(Cells.inYear(q))" },
        sheet: { q in "Chỉ tiêu" + (q.year.map { " \($0)" } ?? "") }
    ) { db, query, _, data, sink in
        let report = try AnnualReport.make(db, year: query.year ?? data.today.year, sets: try data.sets, programme: try data.programme, forms: try data.forms,
                                           today: data.today)
        try report.indicators(into: sink)
        return report.indicators.count
    }

    /// The yearly report's tables, one sheet per section: the figures, campaigns, learning models, indicators.
    package static let annualReport = ListExport(
        "annual-report", summary: "Các bảng số liệu của báo cáo năm (--year), mỗi phần một trang tính", entity: "report",
        file: { q in "bao-cao-\(q.year ?? 0)-so-lieu" }, title: { _, q in "Số liệu báo cáo\(Cells.inYear(q))" }, sheet: { _ in "Tổng hợp" }
    ) { db, query, _, data, sink in
        let r = try AnnualReport.make(db, year: query.year ?? data.today.year, sets: try data.sets, programme: try data.programme, forms: try data.forms,
                                      today: data.today)
        try sink.sheet("Tổng hợp")
        try sink.begin([TableColumn("Nội dung", width: 44), TableColumn("Số liệu", width: 16)])
        let figures: [(String, TableCell)] = [
            ("Chiến dịch", .integer(Int64(r.campaigns.count))), ("Hoạt động", .integer(Int64(r.activities))),
            ("Lượt người tham gia", .integer(Int64(r.participants))), ("Câu lạc bộ, lớp đang hoạt động", .integer(Int64(r.clubs))),
            ("Buổi sinh hoạt", .integer(Int64(r.sessions))), ("Nhà văn hóa", .integer(Int64(r.houses))),
            ("Nhà văn hóa có câu lạc bộ hoạt động thường xuyên", .integer(Int64(r.activeHouses))), ("Tỉ lệ nhà văn hóa hoạt động", .percent(r.houseShare / 100)),
            ("Tổng giá trị huy động (đồng)", .money(r.socialization.total)), ("Tiền mặt, chuyển khoản (đồng)", .money(r.socialization.cash)),
            ("Hiện vật (đồng)", .money(r.socialization.inKind)), ("Lượt ủng hộ", .integer(Int64(r.socialization.donations))),
            ("Nhà tài trợ", .integer(Int64(r.socialization.sponsors))), ("Giờ tình nguyện", .number(Double(r.volunteerMinutes) / 60)),
            ("Tập thể, cá nhân được khen thưởng", .integer(Int64(r.honours.total))), ("Cá nhân", .integer(Int64(r.honours.individuals))),
            ("Tập thể", .integer(Int64(r.honours.collectives))),
        ]
        for (label, value) in figures { try sink.row([.text(label), value]) }
        try sink.sheet("Chiến dịch")
        try sink.begin([TableColumn("Chiến dịch", width: 40), TableColumn("Thời gian", width: 24), TableColumn("Hoạt động", width: 10),
                        TableColumn("Người tham gia", width: 12), TableColumn("Sách mượn", width: 10)])
        for c in r.campaigns {
            try sink.row([.text(c.title), .text(c.period), .integer(Int64(c.activities)), .integer(Int64(c.participants)), .integer(Int64(c.booksLent))])
        }
        try sink.sheet("Mô hình học tập")
        try sink.begin([TableColumn("Danh hiệu", width: 30), TableColumn("Tổng số", width: 10), TableColumn("Đăng ký", width: 10),
                        TableColumn("Đã đánh giá", width: 10), TableColumn("Được công nhận", width: 12), TableColumn("Tỉ lệ", width: 8),
                        TableColumn("Mục tiêu 2025", width: 10)])
        for m in r.models {
            try sink.row([.text(m.title), .integer(Int64(m.population)), .integer(Int64(m.registered)), .integer(Int64(m.assessed)),
                          .integer(Int64(m.recognised)), .percent(m.share / 100), m.target.map { TableCell.percent(Double($0) / 100) } ?? .empty])
        }
        try sink.sheet("Chỉ tiêu")
        try r.indicators(into: sink)
        try sink.sheet("Bồi dưỡng")
        try sink.begin([TableColumn("Đơn vị", width: 30), TableColumn("Người được bồi dưỡng", width: 12), TableColumn("Giờ học", width: 9),
                        TableColumn("Chứng chỉ", width: 9), TableColumn("Dự lớp kỹ năng số", width: 12), TableColumn("Người tự học", width: 10),
                        TableColumn("Giờ tự học", width: 9)])
        let training = r.training.byUnit + [r.training.total]
        for line in training {
            try sink.row([.text(line.unit.isEmpty ? "Cả xã" : line.unit), .integer(Int64(line.trained)), .number(Double(line.courseMinutes) / 60),
                          .integer(Int64(line.certificates)), .integer(Int64(line.digitalTrained)), .integer(Int64(line.selfStudied)),
                          .number(Double(line.selfStudyMinutes) / 60)])
        }
        try sink.sheet("Nhiệm vụ")
        try sink.begin([TableColumn("Mục", width: 6), TableColumn("Đơn vị thực hiện", width: 28), TableColumn("Nhiệm vụ", width: 50),
                        TableColumn("Số đơn vị", width: 9), TableColumn("Hoàn thành", width: 10), TableColumn("Đang thực hiện", width: 10),
                        TableColumn("Minh chứng", width: 50)])
        for d in r.duties {
            try sink.row([.text(d.duty.section), .text(d.duty.assignee), .text(d.duty.text), .integer(Int64(d.units)), .integer(Int64(d.done)),
                          .integer(Int64(d.inProgress)), Cells.text(d.evidence.joined(separator: "; "))])
        }
        return figures.count + r.campaigns.count + r.models.count + r.indicators.count + training.count + r.duties.count
    }
}
