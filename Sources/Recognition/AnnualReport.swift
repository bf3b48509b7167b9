import Campaigns
import Clubs
import Foundation
import GRDB
import Honours
import Socialization
import Store
import Training
import Vietnamese

/// The yearly report (báo cáo năm), assembled from the data of a year: campaigns and their outcomes, clubs and the
/// cultural-house indicator, socialization, honours, learning-model results, indicators against their targets —
/// and the sections staff write (general assessment, difficulties, proposals).
package struct AnnualReport: Sendable {
    package struct CampaignLine: Sendable {
        package let title: String
        package let period: String
        package let activities: Int
        package let participants: Int
        package let booksLent: Int
    }
    package struct IndicatorLine: Sendable {
        package let indicator: ProgrammeIndicator
        package let value: Indicators.Value
        package let expected: Double
        package let onTrack: Bool?
        package let growth: Double?
    }

    package static let sections = ["assessment", "difficulties", "proposals"]

    package let year: Int
    package let campaigns: [CampaignLine]
    package let activities: Int
    package let participants: Int
    package let clubs: Int
    package let sessions: Int
    package let houses: Int
    package let activeHouses: Int
    package let houseShare: Double
    package let socialization: SocializationTotals
    package let volunteerMinutes: Int
    package let honours: HonourRoll.Counts
    package let models: [RecognitionStore.Progress]
    package let indicators: [IndicatorLine]
    /// Staff training and self-study of the year, per unit (plan III.3).
    package let training: TrainingTotals.Year
    /// The standing duties of plan V: how many of the units each falls to finished it, with their evidence.
    package let duties: [DutyStore.Summary]
    package let texts: [String: String]
    package let finalisedAt: Date?
    package let finalisedBy: String?

    package static func make(_ db: Database, year: Int, sets: CriteriaSets, programme: Programme, forms: HonourForms, today: CivilDate = .today()) throws -> AnnualReport {
        let campaigns = try CampaignStore.yearLines(db, year: year).map {
            CampaignLine(title: $0.title, period: "\($0.start?.display ?? "") – \($0.end?.display ?? "")", activities: $0.activities,
                         participants: $0.participants, booksLent: $0.booksLent)
        }
        let day = ComputedCriteria.day(of: year, today: today)
        let indicator = try ActivityIndicator.compute(db, on: day, rule: try ActivityRule.fromSettings(db))
        let everyone = Principal.system
        let texts = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT section, text FROM reportText WHERE year = ?", arguments: [year])
            .map { ($0[0] as String, $0[1] as String) })
        let state = try Row.fetchOne(db, sql: "SELECT finalisedAt, finalisedBy FROM reportState WHERE year = ?", arguments: [year])
        return AnnualReport(
            year: year, campaigns: campaigns, activities: campaigns.reduce(0) { $0 + $1.activities }, participants: campaigns.reduce(0) { $0 + $1.participants },
            clubs: try Int.fetchOne(db, sql: "SELECT count(*) FROM club WHERE status = 'active'") ?? 0,
            sessions: try Int.fetchOne(db, sql: "SELECT count(*) FROM clubSession WHERE substr(date, 1, 4) = ?", arguments: [String(year)]) ?? 0,
            houses: indicator.houses, activeHouses: indicator.activeHouses, houseShare: indicator.share,
            socialization: try SocializationTotals.compute(db, year: year, for: everyone),
            volunteerMinutes: try VolunteerStore.totals(db, year: year, for: everyone).minutes,
            honours: HonourRoll.counts(try HonourRoll.entries(db, .init(year: year), forms: forms)),
            models: try RecognitionStore.progress(db, year: year, sets: sets),
            indicators: try programme.indicators.map { item in
                let value = try Indicators.value(db, item, year: year, today: today)
                return IndicatorLine(indicator: item, value: value, expected: item.trajectory(year), onTrack: value.value.map { item.onTrack($0, in: year) },
                                     growth: value.value.flatMap { item.compoundGrowth(to: $0, in: year) })
            },
            training: try TrainingTotals.year(db, year), duties: try DutyStore.summary(db, year: year, programme: programme),
            texts: texts, finalisedAt: state?[0], finalisedBy: state?[1])
    }

    package var isFinal: Bool { finalisedAt != nil }

    package static func saveText(_ db: Database, year: Int, section: String, text: String, by principal: Principal, now: Date = Date()) throws {
        try principal.require(principal.canWriteCommuneWide)
        guard sections.contains(section) else { throw DomainError.invalid(["section": "Không có mục này"]) }
        if let problem = TextRules.problem(in: text) { throw DomainError.invalid([section: problem]) }
        if try Row.fetchOne(db, sql: "SELECT 1 FROM reportState WHERE year = ? AND finalisedAt IS NOT NULL", arguments: [year]) != nil {
            throw DomainError(.conflict, "Báo cáo năm \(year) đã chốt; mở lại trước khi sửa.", english: "The report is final.")
        }
        try db.execute(sql: """
            INSERT INTO reportText(year, section, text, updatedBy, updatedAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(year, section) DO UPDATE SET text = excluded.text, updatedBy = excluded.updatedBy, updatedAt = excluded.updatedAt
            """, arguments: [year, section, VietnameseText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines), principal.login, now])
        try Audit.record(db, by: principal, .update, entity: "reportText", id: nil, after: ["year": String(year), "section": section], at: now)
    }

    /// Final: the texts are frozen and the dashboard stops reminding; reopening is possible and recorded.
    package static func setFinal(_ db: Database, year: Int, final: Bool, by principal: Principal, now: Date = Date()) throws {
        try principal.require(principal.canWriteCommuneWide)
        try db.execute(sql: """
            INSERT INTO reportState(year, finalisedAt, finalisedBy) VALUES (?, ?, ?)
            ON CONFLICT(year) DO UPDATE SET finalisedAt = excluded.finalisedAt, finalisedBy = excluded.finalisedBy
            """, arguments: [year, final ? now : nil, final ? principal.login : nil])
        try Audit.record(db, by: principal, .update, entity: "report", id: Int64(year), after: ["final": final ? "yes" : "no"], at: now)
    }

    /// The reminder: the deadline (setting "dd/MM", default 20/11) is within `days` days, or past, and this year's
    /// report is not final. Nil when there is nothing to remind.
    package static func reminder(_ db: Database, today: CivilDate = .today(), days: Int = 30) throws -> (deadline: CivilDate, daysLeft: Int)? {
        let text = try Settings.value(db, Settings.reportDeadline)
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, let deadline = CivilDate(year: today.year, month: parts[1], day: parts[0]) else { return nil }
        if try Row.fetchOne(db, sql: "SELECT 1 FROM reportState WHERE year = ? AND finalisedAt IS NOT NULL", arguments: [today.year]) != nil { return nil }
        let left = today.days(to: deadline)
        return left <= days ? (deadline, left) : nil
    }

    // MARK: Appendix

    /// One decimal as Vietnamese writes it ("1.234,5"); empty for no value (the appendix leaves the cell blank).
    static func number(_ value: Double?) -> String { value.map(DecimalText.number) ?? "" }

    /// The data appendix in Markdown: every table of the report.
    package var markdown: String {
        var md = "# Phụ lục số liệu năm \(year)\n\n## Chỉ tiêu\n\n| Chỉ tiêu | Đơn vị | Năm \(year) | Lộ trình | Đạt lộ trình | Nguồn |\n|---|---|---|---|---|---|\n"
        for line in indicators {
            md += "| \(line.indicator.name) | \(line.indicator.unit) | \(line.indicator.display(line.value.value)) "
                + "| \(line.indicator.display(line.expected)) | \(line.onTrack.map { $0 ? "có" : "chưa" } ?? "chưa có số liệu") "
                + "| \(line.value.note) |\n"
        }
        md += "\n## Chiến dịch truyền thông\n\n| Chiến dịch | Thời gian | Hoạt động | Người tham gia | Sách mượn |\n|---|---|---|---|---|\n"
        for c in campaigns { md += "| \(c.title) | \(c.period) | \(c.activities) | \(c.participants) | \(c.booksLent) |\n" }
        md += "\n## Câu lạc bộ, nhà văn hóa\n\n- Câu lạc bộ, lớp, nhóm đang hoạt động: \(clubs); buổi sinh hoạt trong năm: \(sessions)\n"
        md += "- Nhà văn hóa có câu lạc bộ hoạt động thường xuyên: \(activeHouses)/\(houses) (\(Self.number(houseShare))%)\n"
        md += "\n## Xã hội hóa\n\n- Tổng giá trị ủng hộ: \(VND.format(socialization.total)) "
            + "(tiền: \(VND.format(socialization.cash)); hiện vật: \(VND.format(socialization.inKind)))\n"
        md += "- Số lượt ủng hộ: \(socialization.donations); nhà tài trợ: \(socialization.sponsors); giờ tình nguyện đã duyệt: \(Self.number(Double(volunteerMinutes) / 60))\n"
        md += "\n## Khen thưởng\n\n- Tập thể, cá nhân được khen: \(honours.total) (cá nhân \(honours.individuals), tập thể \(honours.collectives); nữ \(honours.women))\n"
        md += "\n## Mô hình học tập\n\n| Danh hiệu | Tổng số | Đăng ký | Đã đánh giá | Được công nhận | Tỉ lệ | Mục tiêu 2025 |\n|---|---|---|---|---|---|---|\n"
        for m in models {
            md += "| \(m.title) | \(m.population) | \(m.registered) | \(m.assessed) | \(m.recognised) | \(Self.number(m.share))% "
                + "| \(m.target.map { "\($0)%" } ?? "") |\n"
        }
        md += "\n## Bồi dưỡng, tự học của đội ngũ\n\n"
            + "| Đơn vị | Người được bồi dưỡng | Giờ học | Chứng chỉ | Dự lớp kỹ năng số | Người tự học | Giờ tự học |\n"
            + "|---|---|---|---|---|---|---|\n"
        for line in training.byUnit + [training.total] {
            md += "| \(line.unit.isEmpty ? "Cả xã" : line.unit) | \(line.trained) | \(HoursText.display(line.courseMinutes)) | \(line.certificates) "
                + "| \(line.digitalTrained) | \(line.selfStudied) | \(HoursText.display(line.selfStudyMinutes)) |\n"
        }
        md += "\n## Nhiệm vụ thường xuyên (mục V)\n\n| Mục | Đơn vị thực hiện | Nhiệm vụ | Hoàn thành | Đang thực hiện | Minh chứng |\n|---|---|---|---|---|---|\n"
        for d in duties {
            md += "| \(d.duty.section) | \(d.duty.assignee) | \(d.duty.text) | \(d.done)/\(d.units) | \(d.inProgress) | \(d.evidence.joined(separator: "; ")) |\n"
        }
        return md
    }

    /// The indicators as CSV (UTF-8 with BOM, for a spreadsheet).
    package func indicatorsCSV() throws -> String {
        var text = ""
        try indicators(into: CSVTableSink { text += $0 })
        return text
    }

    /// The indicators with their trajectory, into a CSV or a workbook (values and targets as numbers there).
    package func indicators(into sink: any TableSink) throws {
        try sink.begin([
            TableColumn("Mã", width: 24), TableColumn("Chỉ tiêu", width: 48), TableColumn("Đơn vị", width: 8), TableColumn("Năm", width: 6),
            TableColumn("Giá trị", width: 9), TableColumn("Lộ trình", width: 9), TableColumn("Đạt lộ trình", width: 10),
            TableColumn("Tăng bình quân (%/năm)", width: 12), TableColumn("Nguồn", width: 40), TableColumn("Năm gốc", width: 8),
            TableColumn("Giá trị gốc", width: 10), TableColumn("Mục tiêu 2025", width: 10), TableColumn("Mục tiêu 2030", width: 10),
        ])
        func number(_ value: Double?) -> TableCell { value.map { TableCell.number(($0 * 10).rounded() / 10) } ?? .empty }
        for line in indicators {
            let i = line.indicator
            try sink.row([.text(i.key), .text(i.name), .text(i.unit), .integer(Int64(year)), number(line.value.value), number(line.expected),
                          line.onTrack.map { .text($0 ? "có" : "chưa") } ?? .empty, number(line.growth),
                          .text(line.value.computed ? "tính từ dữ liệu: \(line.value.note)" : line.value.note),
                          .integer(Int64(i.baselineYear)), number(i.baseline), number(i.target2025), number(i.target2030)])
        }
    }
}
