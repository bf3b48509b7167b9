import Campaigns
import GRDB
import Store
import Vietnamese

/// A campaign's outcome report as a workbook: one sheet per part of the printed report (`--id` the campaign).
package enum CampaignLists {
    package static let all = [report]

    package static let report = ListExport(
        "campaign-report", summary: "Báo cáo kết quả một chiến dịch (--id): hoạt động, người tham gia, kinh phí, đơn vị — mỗi phần một trang tính",
        entity: "campaignReport", needsId: true,
        file: { q in "bao-cao-chien-dich-\(q.id ?? 0)" }, title: { db, q in "Báo cáo \(try CampaignStore.get(db, id: q.id ?? 0).title)" },
        sheet: { _ in "Hoạt động" }
    ) { db, query, _, _, sink in
        let report = try CampaignReport.make(db, campaignId: query.id ?? 0)
        try sink.sheet("Hoạt động")
        try sink.begin([TableColumn("Loại hoạt động", width: 30), TableColumn("Số hoạt động", width: 10), TableColumn("Người tham gia", width: 12),
                        TableColumn("Lượt sách cho mượn", width: 12)])
        for line in report.byKind {
            try sink.row([.text(line.kind.label), .integer(Int64(line.activities)), .integer(Int64(line.participants)), .integer(Int64(line.booksLent))])
        }
        try sink.sheet("Người tham gia")
        try sink.begin([TableColumn("Chỉ số", width: 30), TableColumn("Số lượng", width: 12)])
        let people: [(String, Int)] = [
            ("Người tham gia: nam", report.male), ("Người tham gia: nữ", report.female), ("Trong đó thiếu nhi", report.children),
            ("Trong đó thanh niên", report.youth), ("Trong đó người lớn", report.adults), ("Trong đó người cao tuổi", report.elderly),
            ("Lượt sách cho mượn", report.booksLent), ("Thẻ thư viện mới", report.newLibraryCards), ("Bài đăng, tin phát", report.postsPublished),
            ("Lượt tiếp cận", report.reach),
        ]
        for (label, value) in people { try sink.row([.text(label), .integer(Int64(value))]) }
        try sink.sheet("Kinh phí")
        try sink.begin([TableColumn("Nguồn kinh phí", width: 30), TableColumn("Dự kiến (đồng)", width: 15), TableColumn("Đã chi (đồng)", width: 15)])
        for line in report.budget { try sink.row([.text(line.source.label), .money(line.planned), .money(line.spent)]) }
        try sink.sheet("Đơn vị")
        try sink.begin([TableColumn("Đơn vị", width: 28), TableColumn("Hoạt động", width: 10), TableColumn("Đã ghi kết quả", width: 12),
                        TableColumn("Nhiệm vụ", width: 10), TableColumn("Đã xong", width: 10)])
        for line in report.units {
            try sink.row([.text(line.unit), .integer(Int64(line.activities)), .integer(Int64(line.activitiesRecorded)), .integer(Int64(line.tasks)),
                          .integer(Int64(line.tasksDone))])
        }
        return report.byKind.count + people.count + report.budget.count + report.units.count
    }
}
