import Campaigns
import Clubs
import DataFiles
import Foundation
import GRDB
import Honours
import Recognition
import Socialization
import Store
import Testing
import Training
import Vietnamese

/// Two villages (A with a cultural house and a household), a school library; the shipped sets and programme.
struct RecognitionFixture {
    static var modules: [any SchemaModule.Type] {
        [StoreSchema.self, CampaignsSchema.self, ClubsSchema.self, SocializationSchema.self, HonoursSchema.self, TrainingSchema.self, RecognitionSchema.self]
    }
    static var root: String { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path }

    let database: AppDatabase
    let sets: CriteriaSets
    let programme: Programme
    let forms: HonourForms
    let commune: Int64, villageA: Int64, villageB: Int64, house: Int64, library: Int64, household: Int64
    let editorB: Principal

    init() throws {
        database = try AppDatabase.inMemory(modules: Self.modules)
        sets = try CriteriaSets(directory: Self.root + "/campaigns/criteria")
        programme = try Programme(path: Self.root + "/campaigns/programme.yaml")
        forms = try HonourForms(path: Self.root + "/campaigns/honours.yaml")
        let ids = try database.writer.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let a = try UnitStore.create(db, UnitInput(name: "Thôn A", kind: "village", parentId: commune), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Thôn B", kind: "village", parentId: commune), by: .system).id!
            let house = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn A", kind: "cultural_house", parentId: a), by: .system).id!
            let library = try UnitStore.create(db, UnitInput(name: "Thư viện Trường TH Thử", kind: "school_library", parentId: commune), by: .system).id!
            _ = try UnitStore.create(db, UnitInput(name: "Hội Khuyến học xã", kind: "study_promotion", parentId: commune), by: .system)
            let head = try PersonStore.create(db, PersonInput(fullName: "A Thông", villageId: a), by: .system).id!
            let household = try HouseholdStore.create(db, headId: head, address: nil, by: .system).id!
            return [commune, a, b, house, library, household]
        }
        commune = ids[0]; villageA = ids[1]; villageB = ids[2]; house = ids[3]; library = ids[4]; household = ids[5]
        editorB = Principal(accountId: 7, login: "thonb", displayName: "Thôn B", role: .editor, unitIds: [villageB])
    }
}

@Suite("Recognition: criteria, assessments, indicators, the yearly report")
struct RecognitionTests {
    @Test("A points set: the score is the sum, the result the highest threshold reached; a score above a criterion's maximum is refused")
    func scoring() throws {
        let fixture = try RecognitionFixture()
        let set = try #require(fixture.sets.set("gia-dinh-hoc-tap"))
        #expect(set.maximum == 100 && set.usesPoints)
        func full(_ set: CriteriaSet) -> [String: Int] { Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, $0.points) }) }
        var points = full(set)
        points["tu-sach"] = 0; points["ap-dung"] = 0
        #expect(set.result(points: points)?.label == "Đạt \"Gia đình học tập\"")
        points["gia-dinh-van-hoa"] = 9
        #expect(set.result(points: points) == nil, "79 points")
        try fixture.database.writer.write { db in
            let registration = try RecognitionStore.register(db, year: 2025, set: set, subjectId: fixture.household, by: .system)
            var scores = Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, RecognitionStore.ScoreInput(points: $0.points)) })
            scores["tre-di-hoc"] = .init(points: 16)
            let refused = #expect(throws: DomainError.self) { try RecognitionStore.assess(db, id: registration.id!, set: set, scores: scores, by: .system) }
            #expect(refused?.fieldErrors["tre-di-hoc"] == "Điểm từ 0 đến 15")
            scores["tre-di-hoc"] = .init(points: 0)
            scores["tu-sach"] = .init(points: 5)
            let assessed = try RecognitionStore.assess(db, id: registration.id!, set: set, scores: scores, by: .system)
            #expect(assessed.score == 80 && assessed.result == "Đạt \"Gia đình học tập\"")
            // Approval hands the title to Honours: an approved nomination for the year's decision.
            let decided = try RecognitionStore.decide(db, id: registration.id!, approve: true, set: set, forms: fixture.forms, by: .system)
            let nominationId = try #require(decided.nominationId)
            let nomination = try #require(try Nomination.fetchOne(db, key: nominationId))
            #expect(nomination.status == .approved && nomination.formKey == "gia-dinh-hoc-tap" && nomination.householdId == fixture.household)
            #expect(throws: DomainError.self) { try RecognitionStore.assess(db, id: registration.id!, set: set, scores: scores, by: .system) }
        }
    }

    @Test("Cộng đồng học tập cấp xã has two levels, each met by its own criteria and the lower level's; a recognition holds three years")
    func communeLevels() throws {
        let fixture = try RecognitionFixture()
        let set = try #require(fixture.sets.set("cong-dong-hoc-tap-xa"))
        #expect(set.scoring == .levels && set.thresholds.map(\.label) == ["Mức độ 1", "Mức độ 2"])
        #expect(set.source == "Thông tư 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo" && set.sourceYear == 2023)
        #expect(set.groups.first?.name.contains("cấp ủy Đảng") == true, "the leadership criterion names the Party committee")
        var passed = Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, 1) })
        #expect(set.result(points: passed)?.label == "Mức độ 2")
        passed["pcgd-xmc-2"] = 0
        #expect(set.result(points: passed)?.label == "Mức độ 1", "a level-2 criterion missed: level 1 only")
        passed["pcgd-xmc-2"] = 1
        passed["tuyen-truyen"] = 0
        #expect(set.result(points: passed) == nil, "level 2's own criteria do not make up for a missed level-1 criterion")
        #expect(set.lastValidYear(recognisedIn: 2025) == 2027)
        #expect(set.thresholdsText(english: false) == "Mức độ 1: đạt cả 13 tiêu chí mức độ 1; Mức độ 2: đạt cả 15 tiêu chí mức độ 1–2")
        try fixture.database.writer.write { db in
            let registration = try RecognitionStore.register(db, year: 2025, set: set, subjectId: fixture.commune, by: .system)
            var scores = Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, RecognitionStore.ScoreInput(passed: true)) })
            scores["tac-dung-2"] = .init(passed: false)
            let assessed = try RecognitionStore.assess(db, id: registration.id!, set: set, scores: scores, by: .system)
            #expect(assessed.result == "Mức độ 1" && assessed.score == 14)
        }
    }

    @Test("Công dân học tập follows QĐ 244/QĐ-KHVN: ten indicators, 100 points, 80 to reach and none below 5, with evidence")
    func citizenPoints() throws {
        let fixture = try RecognitionFixture()
        let set = try #require(fixture.sets.set("cong-dan-hoc-tap"))
        #expect(set.source.contains("244/QĐ-KHVN ngày 28/7/2022") && set.sourceYear == 2022)
        #expect(set.criteria.count == 10 && set.maximum == 100 && set.usesPoints)
        var points = Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, 8) })
        #expect(set.result(points: points)?.label == "Đạt \"Công dân học tập\"", "80 points, every indicator 8")
        points["ngoai-ngu"] = 4; points["doc-cap-nhat"] = 10; points["ky-nang-so"] = 10
        #expect(set.result(points: points) == nil, "84 points but one indicator below 5")
        #expect(set.thresholdsText(english: false) == "Đạt \"Công dân học tập\": 80 điểm, mỗi chỉ số từ 5 điểm")
        let person = try fixture.database.writer.write { try PersonStore.create($0, PersonInput(fullName: "Y Hiên", birthYear: "1990", villageId: fixture.villageA), by: .system) }
        try fixture.database.writer.write { db in
            let registration = try RecognitionStore.register(db, year: 2026, set: set, subjectId: person.id!, by: .system)
            var scores = Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, RecognitionStore.ScoreInput(points: 9)) })
            scores["ky-nang-so"] = .init(points: 10, evidence: "Chứng chỉ lớp kỹ năng số, Nhà văn hóa thôn A, 2026")
            let assessed = try RecognitionStore.assess(db, id: registration.id!, set: set, scores: scores, by: .system)
            #expect(assessed.score == 91 && assessed.result == "Đạt \"Công dân học tập\"")
            #expect(try RecognitionStore.scores(db, registrationId: registration.id!)["ky-nang-so"]?.evidence == "Chứng chỉ lớp kỹ năng số, Nhà văn hóa thôn A, 2026")
        }
    }

    @Test("Every shipped criteria set names its legal source and year; a file without them is refused with line and field")
    func legalSources() throws {
        let fixture = try RecognitionFixture()
        for set in fixture.sets.sets {
            #expect(!set.source.isEmpty && (1990...2030).contains(set.sourceYear), "\(set.key)")
        }
        let yaml = "key: x\ntitle: X\nsubject: household\nversion: '1'\nyears: 2021-2030\nscoring: passfail\n"
            + "thresholds: [{label: Đạt, min: 1}]\ngroups: [{name: A, criteria: [{key: a, text: A}]}]\n"
        #expect(throws: DataFileError(file: "x.yaml", line: 1, field: "source", message: "thiếu trường bắt buộc")) { try CriteriaSet(yaml: yaml, file: "x.yaml") }
        let levelOnPoints = yaml.replacingOccurrences(of: "version:", with: "source: QĐ 1\nsourceYear: 2020\nversion:")
            .replacingOccurrences(of: "{key: a, text: A}", with: "{key: a, text: A, level: 2}")
        #expect(throws: DataFileError.self) { try CriteriaSet(yaml: levelOnPoints, file: "x.yaml") }
    }

    @Test("The commune library and cultural house indicators are yes only with lifelong-learning services and IT in the year")
    func communeFacilities() throws {
        let fixture = try RecognitionFixture()
        let today = CivilDate(year: 2026, month: 11, day: 25)!
        try fixture.database.writer.write { db in
            let library = try UnitStore.create(db, UnitInput(name: "Thư viện xã Thử", kind: "commune_library", parentId: fixture.commune), by: .system).id!
            let house = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa xã", kind: "cultural_house", parentId: fixture.commune), by: .system).id!
            let indicator = try #require(fixture.programme.indicators.first { $0.computed == Indicators.communeLibrary })
            #expect(indicator.kind == .yesno)
            #expect(try Indicators.value(db, indicator, year: 2026, today: today).value == 0)
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Ngày Sách 2026", year: 2026, startDate: "15/04/2026", endDate: "30/04/2026",
                                                                      leadUnitId: fixture.commune), catalogue: nil, by: .system)
            try db.execute(sql: """
                INSERT INTO activity(campaignId, kind, title, startsAt, endsAt, unitId, updatedAt)
                VALUES (?, 'reading_session', 'Ngày hội đọc sách', '2026-04-21T08:00', '2026-04-21T11:00', ?, '2026-04-01')
                """, arguments: [campaign.id!, library])
            let servicesOnly = try #require(try Indicators.communeFacility(db, Indicators.communeLibrary, year: 2026, today: today))
            #expect(servicesOnly.services && !servicesOnly.appliesIT && !servicesOnly.met)
            try Indicators.recordVisits(db, libraryId: library, year: 2026, month: 5, .init(visits: 300, onlineUses: 12), by: .system)
            let value = try Indicators.value(db, indicator, year: 2026, today: today)
            #expect(value.value == 1 && value.note == "Thư viện xã Thử: 1 hoạt động trong năm, 12 lượt dùng trực tuyến")
            #expect(indicator.display(value.value) == "Có" && indicator.display(0) == "Chưa" && indicator.display(1, english: true) == "Yes")
            // The cultural house: a digital-skills class running regularly is both a service and IT.
            let club = try ClubStore.create(db, ClubInput(name: "Lớp kỹ năng số", unitId: house, kind: "talent_class", field: "digital_skills", ageGroups: ["adults"],
                                                          foundedOn: "01/01/2026"), by: .system).id!
            for month in 8...10 { _ = try ClubStore.recordSession(db, clubId: club, .init(date: "10/\(month)/2026"), by: .system) }
            let houseFacility = try #require(try Indicators.communeFacility(db, Indicators.communeCulturalHouse, year: 2026, today: today))
            #expect(houseFacility.met && houseFacility.name == "Nhà văn hóa xã")
            let commune = try #require(fixture.sets.set("cong-dong-hoc-tap-xa"))
            let registration = try RecognitionStore.register(db, year: 2026, set: commune, subjectId: fixture.commune, by: .system)
            let prefill = try RecognitionStore.prefill(db, registration: registration, set: commune, today: today)
            #expect(prefill["thu-vien-xa"]?.passed == true && prefill["nha-van-hoa-xa"]?.passed == true)
        }
    }

    @Test("The plan's standing duties load from programme.yaml per kind of unit; a wrong kind is named with line and field")
    func duties() throws {
        let fixture = try RecognitionFixture()
        let programme = fixture.programme
        #expect(programme.duties.map(\.section).contains("V.5") && programme.duties(for: .school).map(\.key) == ["truong-ke-hoach"])
        #expect(programme.duties(for: .womensUnion).map(\.key) == ["mttq-tuyen-truyen"] && programme.duties(for: .village).isEmpty)
        let yaml = "indicators: []\nduties:\n  - key: a\n    section: V.1\n    assignee: X\n    unitKinds: [moon]\n    text: T\n"
        #expect(throws: DataFileError.self) { try Programme(yaml: yaml, file: "p.yaml") }
        do { _ = try Programme(yaml: yaml, file: "p.yaml") } catch let error as DataFileError { #expect(error.field == "unitKinds" && error.line == 6) }
        // The yearly report carries training and duties from the data.
        let today = CivilDate(year: 2026, month: 11, day: 25)!
        try fixture.database.writer.write { db in
            let course = try TrainingStore.create(db, .init(title: "Kỹ năng số", organiser: "Xã", level: "commune", topic: "digital", startDate: "12/05/2026",
                                                            endDate: "", hours: "8"), by: .system)
            let person = try PersonStore.create(db, PersonInput(fullName: "Y Hiên", villageId: fixture.villageA), by: .system)
            _ = try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: person.id, unitId: fixture.library, certificate: "GCN 1"), by: .system)
            try DutyStore.record(db, unitId: fixture.commune, dutyKey: "vh-bao-cao", year: 2026, status: "done", evidence: "Báo cáo số 88/BC-UBND",
                                 programme: programme, by: .system)
            let report = try AnnualReport.make(db, year: 2026, sets: fixture.sets, programme: programme, forms: fixture.forms, today: today)
            #expect(report.training.total.trained == 1 && report.training.byUnit.first?.unit == "Thư viện Trường TH Thử")
            let line = try #require(report.duties.first { $0.duty.key == "vh-bao-cao" })
            #expect(line.units == 1 && line.done == 1 && line.evidence == ["UBND xã Thử: Báo cáo số 88/BC-UBND"])
            #expect(report.markdown.contains("## Bồi dưỡng, tự học của đội ngũ") && report.markdown.contains("| Thư viện Trường TH Thử | 1 | 8 | 1 | 1 | 0 | 0 |"))
            let digital = try #require(programme.indicators.first { $0.computed == Indicators.staffDigitalTrained })
            #expect(try Indicators.value(db, digital, year: 2026, today: today).value == 1)
        }
    }

    @Test("Computed criteria come from the data: a village's active club, school libraries' activities — and the assessor may override them")
    func computed() throws {
        let fixture = try RecognitionFixture()
        let today = CivilDate(year: 2026, month: 11, day: 25)!
        try fixture.database.writer.write { db in
            let club = try ClubStore.create(db, ClubInput(name: "CLB Đọc sách", unitId: fixture.house, kind: "club", field: "reading", ageGroups: ["children"],
                                                          foundedOn: "01/01/2026"), by: .system).id!
            for month in 8...10 { _ = try ClubStore.recordSession(db, clubId: club, .init(date: "10/\(month)/2026"), by: .system) }
            let set = try #require(fixture.sets.set("cong-dong-hoc-tap-thon"))
            let a = try RecognitionStore.register(db, year: 2026, set: set, subjectId: fixture.villageA, by: .system)
            let b = try RecognitionStore.register(db, year: 2026, set: set, subjectId: fixture.villageB, by: .system)
            let prefillA = try RecognitionStore.prefill(db, registration: a, set: set, today: today)
            let prefillB = try RecognitionStore.prefill(db, registration: b, set: set, today: today)
            #expect(prefillA["nha-van-hoa-hoat-dong"]?.passed == true && prefillA["nha-van-hoa-hoat-dong"]?.computed == true)
            #expect(prefillB["nha-van-hoa-hoat-dong"]?.passed == false)
            #expect(prefillA["ke-hoach"] == nil)
            let commune = try #require(fixture.sets.set("cong-dong-hoc-tap-xa"))
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Ngày Sách 2026", year: 2026, startDate: "15/04/2026", endDate: "30/04/2026",
                                                                      leadUnitId: fixture.commune), catalogue: nil, by: .system)
            _ = campaign
            try db.execute(sql: """
                INSERT INTO activity(campaignId, kind, title, startsAt, endsAt, unitId, updatedAt)
                VALUES (?, 'reading_session', 'Ngày hội đọc sách', '2026-04-21T08:00', '2026-04-21T11:00', ?, '2026-04-01')
                """, arguments: [campaign.id!, fixture.library])
            let c = try RecognitionStore.register(db, year: 2026, set: commune, subjectId: fixture.commune, by: .system)
            let prefillC = try RecognitionStore.prefill(db, registration: c, set: commune, today: today)
            #expect(prefillC["thu-vien-truong"]?.passed == true && prefillC["thu-vien-truong"]?.evidence?.contains("1/1") == true)
            // Overridden by the assessor: the saved answer wins over the computed one.
            var scores = [String: RecognitionStore.ScoreInput]()
            for criterion in set.criteria { scores[criterion.key] = .init(passed: true) }
            scores["nha-van-hoa-hoat-dong"] = .init(passed: false, computed: false, evidence: "Câu lạc bộ nghỉ từ tháng 11")
            let assessed = try RecognitionStore.assess(db, id: a.id!, set: set, scores: scores, by: .system)
            #expect(assessed.score == 4 && assessed.result == "Đạt \"Cộng đồng học tập\"")
            #expect(try RecognitionStore.prefill(db, registration: a, set: set, today: today)["nha-van-hoa-hoat-dong"]?.passed == false)
        }
    }

    @Test("Compound growth: +4%/year to 2025 then +6%/year; a share rises in a straight line to its targets")
    func trajectories() throws {
        let fixture = try RecognitionFixture()
        let visits = try #require(fixture.programme.indicator("luot-su-dung-thu-vien"))
        #expect(abs(visits.trajectory(2025) - 300 * 1.04 * 1.04) < 0.001)
        #expect(abs(visits.trajectory(2027) - 300 * 1.04 * 1.04 * 1.06 * 1.06) < 0.001)
        #expect(abs(visits.compoundGrowth(to: 324.48, in: 2025)! - 4) < 0.01)
        #expect(visits.onTrack(330, in: 2025) && !visits.onTrack(320, in: 2025))
        let clubs = try #require(fixture.programme.indicator("nha-van-hoa-clb"))
        #expect(clubs.trajectory(2022) == 10 && abs(clubs.trajectory(2024) - 23.333) < 0.01 && clubs.trajectory(2025) == 30 && clubs.trajectory(2028) == 42)
        let broken = "indicators:\n  - key: x\n    name: X\n    unit: \"%\"\n    kind: share\n    source: computed\n    computed: rainfall\n"
            + "    baseline: { year: 2022, value: 1 }\n    target2025: 2\n    target2030: 3\n"
        let error = #expect(throws: DataFileError.self) { try Programme(yaml: broken, file: "programme.yaml") }
        #expect(error?.line == 7 && error?.field == "computed")
    }

    @Test("Indicator values come from module data: average monthly library visits; a library editor of another unit cannot enter them")
    func indicatorValues() throws {
        let fixture = try RecognitionFixture()
        try fixture.database.writer.write { db in
            try Indicators.recordVisits(db, libraryId: fixture.library, year: 2025, month: 1, .init(visits: 300), by: .system)
            try Indicators.recordVisits(db, libraryId: fixture.library, year: 2025, month: 2, .init(visits: 360), by: .system)
            try Indicators.recordVisits(db, libraryId: fixture.library, year: 2025, month: 2, .init(visits: 350), by: .system)
            #expect(throws: DomainError.forbidden) {
                try Indicators.recordVisits(db, libraryId: fixture.library, year: 2025, month: 3, .init(visits: 1), by: fixture.editorB)
            }
            let value = try Indicators.value(db, try #require(fixture.programme.indicator("luot-su-dung-thu-vien")), year: 2025)
            #expect(value.value == 325 && value.computed)
            // IT: the one library recorded online uses in 2025 → 100%; before any record there is no value, not 0%.
            let it = try #require(fixture.programme.indicator("thu-vien-ung-dung-cntt"))
            #expect(try Indicators.value(db, it, year: 2025).value == 0)
            try Indicators.recordVisits(db, libraryId: fixture.library, year: 2025, month: 4, .init(visits: 100, onlineUses: 12), by: .system)
            #expect(try Indicators.value(db, it, year: 2025).value == 100)
            #expect(try Indicators.value(db, it, year: 2024).value == nil)
            // A value entered by hand (for an indicator the file marks manual) keeps its source note.
            let manual = ProgrammeIndicator(key: "tu-sach-cong-dong", name: "Tủ sách cộng đồng", unit: "%", kind: .share, computed: nil,
                                            baselineYear: 2022, baseline: 10, target2025: 40, target2030: 60)
            #expect(throws: DomainError.self) { try Indicators.setManual(db, key: manual.key, year: 2025, value: 30, sourceNote: " ", by: .system) }
            try Indicators.setManual(db, key: manual.key, year: 2025, value: 30, sourceNote: "Báo cáo các thôn", by: .system)
            let entered = try Indicators.value(db, manual, year: 2025)
            #expect(entered.value == 30 && !entered.computed && entered.note == "Báo cáo các thôn")
        }
    }

    @Test("Registration follows scope: another village's editor cannot register a household of village A; only the commune approves")
    func permissions() throws {
        let fixture = try RecognitionFixture()
        let set = try #require(fixture.sets.set("gia-dinh-hoc-tap"))
        try fixture.database.writer.write { db in
            #expect(throws: DomainError.forbidden) { try RecognitionStore.register(db, year: 2025, set: set, subjectId: fixture.household, by: fixture.editorB) }
            let registration = try RecognitionStore.register(db, year: 2025, set: set, subjectId: fixture.household, by: .system)
            #expect(throws: DomainError.self) { try RecognitionStore.register(db, year: 2025, set: set, subjectId: fixture.household, by: .system) }
            #expect(throws: DomainError.outsideScope) { try RecognitionStore.assess(db, id: registration.id!, set: set, scores: [:], by: fixture.editorB) }
            let scores = Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, RecognitionStore.ScoreInput(points: $0.points)) })
            _ = try RecognitionStore.assess(db, id: registration.id!, set: set, scores: scores, by: .system)
            #expect(throws: DomainError.forbidden) {
                try RecognitionStore.decide(db, id: registration.id!, approve: true, set: set, forms: fixture.forms, by: fixture.editorB)
            }
        }
    }

    @Test("The yearly report carries the fixture's numbers in every section, the appendix and the CSV; finalising freezes the texts")
    func report() throws {
        let fixture = try RecognitionFixture()
        let set = try #require(fixture.sets.set("gia-dinh-hoc-tap"))
        try fixture.database.writer.write { db in
            _ = try DonationStore.create(db, DonationInput(sponsorId: nil, date: "05/03/2025", kind: "cash", amount: "2.500.000", channel: "cash",
                                                           purpose: "Học bổng", recipientUnitId: fixture.commune), by: .system)
            let registration = try RecognitionStore.register(db, year: 2025, set: set, subjectId: fixture.household, by: .system)
            _ = try RecognitionStore.assess(db, id: registration.id!, set: set,
                                            scores: Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, .init(points: $0.points)) }), by: .system)
            _ = try RecognitionStore.decide(db, id: registration.id!, approve: true, set: set, forms: fixture.forms, by: .system)
            try Indicators.recordVisits(db, libraryId: fixture.library, year: 2025, month: 5, .init(visits: 400), by: .system)
            try AnnualReport.saveText(db, year: 2025, section: "difficulties", text: "Thiếu kinh phí mua sách.", by: .system)
            #expect(throws: DomainError.forbidden) { try AnnualReport.saveText(db, year: 2025, section: "proposals", text: "x", by: fixture.editorB) }
        }
        let report = try fixture.database.writer.read {
            try AnnualReport.make($0, year: 2025, sets: fixture.sets, programme: fixture.programme, forms: fixture.forms, today: CivilDate(year: 2026, month: 1, day: 10)!)
        }
        #expect(report.socialization.total == 2_500_000)
        let households = try #require(report.models.first { $0.set == "gia-dinh-hoc-tap" })
        #expect([households.population, households.registered, households.assessed, households.recognised] == [1, 1, 1, 1] && households.target == 70)
        #expect(report.texts["difficulties"] == "Thiếu kinh phí mua sách.")
        let visits = try #require(report.indicators.first { $0.indicator.key == "luot-su-dung-thu-vien" })
        #expect(visits.value.value == 400 && visits.onTrack == true)
        #expect(report.markdown.contains("| Gia đình học tập | 1 | 1 | 1 | 1 | 100% | 70% |"))
        #expect(report.markdown.contains("Tổng giá trị ủng hộ: 2.500.000 đ"))
        let csv = try report.indicatorsCSV()
        #expect(csv.contains("luot-su-dung-thu-vien,\"Lượt người sử dụng thư viện") && csv.contains(",2025,400,"))
        try fixture.database.writer.write { db in
            try AnnualReport.setFinal(db, year: 2025, final: true, by: .system)
            #expect(throws: DomainError.self) { try AnnualReport.saveText(db, year: 2025, section: "proposals", text: "Muộn", by: .system) }
        }
    }

    @Test("The dashboard reminder: 30 days before the deadline (20/11) and after it, until the report is final")
    func reminder() throws {
        let fixture = try RecognitionFixture()
        try fixture.database.writer.write { db in
            #expect(try AnnualReport.reminder(db, today: CivilDate(year: 2026, month: 9, day: 1)!) == nil)
            let near = try #require(try AnnualReport.reminder(db, today: CivilDate(year: 2026, month: 11, day: 5)!))
            #expect(near.daysLeft == 15 && near.deadline == CivilDate(year: 2026, month: 11, day: 20)!)
            #expect(try AnnualReport.reminder(db, today: CivilDate(year: 2026, month: 11, day: 25)!)?.daysLeft == -5)
            try AnnualReport.setFinal(db, year: 2026, final: true, by: .system)
            #expect(try AnnualReport.reminder(db, today: CivilDate(year: 2026, month: 11, day: 25)!) == nil)
        }
    }
}
