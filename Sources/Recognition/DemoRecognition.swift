import Foundation
import GRDB
import Honours
import Store
import Vietnamese

/// Recognition for the demo commune: last year's household registrations and assessments in three villages (most
/// recognised), monthly visits of every library for three years, and a draft report for this year.
package enum DemoRecognition {
    @discardableResult
    package static func seed(_ db: Database, sets: CriteriaSets, forms: HonourForms, today: CivilDate = .today(), now: Date = Date()) throws -> Int {
        guard try Registration.fetchCount(db) == 0, let household = sets.set("gia-dinh-hoc-tap") else { return 0 }
        var random = SeededRandom(seed: 7)
        let actor = Principal.system
        let year = today.year - 1
        let villages = try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.village.rawValue).order(OrgUnit.Columns.sortKey).limit(3).fetchAll(db)
        var made = 0
        for village in villages {
            let households = try Household.filter(Column("villageId") == village.id!).order(Column("id")).limit(20).fetchAll(db)
            for home in households {
                let registration = try RecognitionStore.register(db, year: year, set: household, subjectId: home.id!,
                                                                 on: CivilDate(year: year, month: 1, day: 15)!, by: actor, now: now)
                var scores: [String: RecognitionStore.ScoreInput] = [:]
                let strong = random.next(10) < 7
                for criterion in household.criteria {
                    let points = strong ? criterion.points - random.next(3) : criterion.points / 2 + random.next(criterion.points / 2)
                    scores[criterion.key] = .init(points: max(0, min(points, criterion.points)))
                }
                _ = try RecognitionStore.assess(db, id: registration.id!, set: household, scores: scores,
                                                on: CivilDate(year: year, month: 12, day: 5)!, by: actor)
                _ = try RecognitionStore.decide(db, id: registration.id!, approve: true, set: household, forms: forms, by: actor, now: now)
                made += 1
            }
        }
        if let village = sets.set("cong-dong-hoc-tap-thon"), let first = villages.first {
            _ = try RecognitionStore.register(db, year: today.year, set: village, subjectId: first.id!, on: CivilDate(year: today.year, month: 1, day: 20)!,
                                              by: actor, now: now)
        }
        // Library visits: three years of months, slowly growing.
        let libraries = try OrgUnit.filter([UnitKind.communeLibrary.rawValue, UnitKind.schoolLibrary.rawValue].contains(OrgUnit.Columns.kind)).fetchAll(db)
        for library in libraries {
            let base = library.kind == .communeLibrary ? 420 : 260
            for back in (1...36).reversed() {
                let index = today.year * 12 + (today.month - 1) - back
                let y = index / 12, m = index % 12 + 1
                let growth = 1 + Double(36 - back) * 0.004
                let visits = Int(Double(base + random.next(80)) * growth)
                try Indicators.recordVisits(db, libraryId: library.id!, year: y, month: m,
                                            .init(visits: visits, readers: visits * 6 / 10, loans: visits / 3, newCards: random.next(12),
                                                  onlineUses: library.kind == .communeLibrary || back < 12 ? random.next(40) : 0),
                                            by: actor)
            }
        }
        try AnnualReport.saveText(db, year: today.year, section: "assessment", text: """
            Phong trào học tập suốt đời tiếp tục được duy trì; các nhà văn hóa thôn tổ chức sinh hoạt câu lạc bộ đều đặn hơn, \
            Ngày Sách và Văn hóa đọc, Tuần lễ hưởng ứng học tập suốt đời được tổ chức ở tất cả các trường.
            """, by: actor, now: now)
        try AnnualReport.saveText(db, year: today.year, section: "difficulties", text: "Một số thôn xa chưa có tủ sách cộng đồng; kinh phí cho thư viện trường còn hạn chế.",
                                  by: actor, now: now)
        return made
    }

    /// This year's standing duties: the culture officer's report plan done, the schools under way, the rest not started.
    @discardableResult
    package static func seedDuties(_ db: Database, programme: Programme, today: CivilDate = .today()) throws -> Int {
        guard try DutyRecord.fetchCount(db) == 0 else { return 0 }
        var made = 0
        for unit in try OrgUnit.filter(Column("isActive") == true).order(OrgUnit.Columns.sortKey).fetchAll(db) {
            for (index, duty) in programme.duties(for: unit.kind).enumerated() {
                let (status, evidence): (String, String?) = switch (unit.kind, index % 3) {
                case (.communeCommittee, 0): ("done", "Kế hoạch số 45/KH-UBND ngày 15/01/\(today.year); báo cáo sơ kết 6 tháng")
                case (.school, _): ("in_progress", "Kế hoạch của trường; 3 đợt luân chuyển sách với nhà văn hóa")
                case (.studyPromotion, _): ("done", "Hoạt động đọc sách ở thư viện trường trong Tuần lễ học tập suốt đời")
                case (_, 1): ("in_progress", nil)
                default: ("not_started", nil)
                }
                try DutyStore.record(db, unitId: unit.id!, dutyKey: duty.key, year: today.year, status: status, evidence: evidence,
                                     programme: programme, by: .system)
                made += 1
            }
        }
        return made
    }
}
