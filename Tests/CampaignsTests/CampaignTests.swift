import DataFiles
import Foundation
import GRDB
@testable import Campaigns
import Store
import Testing
import Vietnamese

struct CampaignFixture {
    let database: AppDatabase
    let commune: Int64
    let library: Int64
    let school: Int64
    let libraryEditor: Principal
    let schoolEditor: Principal
    let officer = Principal(accountId: 2, login: "canbo", displayName: "Cán bộ", role: .officer, unitIds: [])

    init() throws {
        database = try AppDatabase.inMemory(modules: [StoreSchema.self, CampaignsSchema.self])
        let ids = try database.writer.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã", kind: "commune_committee"), by: .system).id!
            return [commune,
                    try UnitStore.create(db, UnitInput(name: "Thư viện xã", kind: "commune_library", parentId: commune), by: .system).id!,
                    try UnitStore.create(db, UnitInput(name: "Trường Tiểu học", kind: "school", parentId: commune), by: .system).id!]
        }
        commune = ids[0]; library = ids[1]; school = ids[2]
        libraryEditor = Principal(accountId: 5, login: "thuvien", displayName: "Thư viện", role: .editor, unitIds: [ids[1]])
        schoolEditor = Principal(accountId: 6, login: "truong", displayName: "Trường", role: .editor, unitIds: [ids[2]])
    }

    func campaign(lead: Int64? = nil, by principal: Principal? = nil) throws -> Campaign {
        try database.writer.write { db in
            try CampaignStore.create(db, CampaignInput(title: "Ngày Sách và Văn hóa đọc 2026", observanceKey: "reading-day", startDate: "15/04/2026",
                                                       endDate: "25/04/2026", leadUnitId: lead ?? library, coordinatingUnitIds: [school]),
                                     catalogue: nil, by: principal ?? libraryEditor)
        }
    }
}

@Suite("Campaign plans")
struct CampaignTests {
    @Test("Status moves forward only; approving is for the commune; illegal moves are refused with the reason")
    func statusTransitions() throws {
        let fixture = try CampaignFixture()
        let id = try fixture.campaign().id!
        try fixture.database.writer.write { db in
            #expect(throws: DomainError.self) { try CampaignStore.setStatus(db, id: id, to: .running, note: nil, by: fixture.officer) }
            #expect(throws: DomainError.self) { try CampaignStore.setStatus(db, id: id, to: .approved, note: nil, by: fixture.libraryEditor) }
            try CampaignStore.setStatus(db, id: id, to: .approved, note: "Họp UBND", by: fixture.officer)
            try CampaignStore.setStatus(db, id: id, to: .running, note: nil, by: fixture.libraryEditor)
            #expect(throws: DomainError.self) { try CampaignStore.setStatus(db, id: id, to: .draft, note: nil, by: fixture.officer) }
            try CampaignStore.setStatus(db, id: id, to: .done, note: nil, by: fixture.libraryEditor)
            try CampaignStore.setStatus(db, id: id, to: .archived, note: nil, by: fixture.officer)
        }
        let history = try fixture.database.writer.read { try CampaignStore.statusHistory($0, campaignId: id) }
        #expect(history.map(\.status) == [.draft, .approved, .running, .done, .archived])
        #expect(history[1].actor == "canbo" && history[1].note == "Họp UBND")
        // An archived campaign is read-only.
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write {
                try CampaignStore.saveBudgetLine($0, campaignId: id, item: "Sách", source: "state_budget", planned: "1000000", spent: "",
                                                 by: fixture.officer)
            }
        }
    }

    @Test("A unit editor records outcomes and task status of their own unit only; another unit's are refused")
    func permissions() throws {
        let fixture = try CampaignFixture()
        let campaign = try fixture.campaign()
        let (own, other) = try fixture.database.writer.write { db -> (Int64, Int64) in
            let reading = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "reading_session", title: "Đọc sách cùng em",
                                                         startsAt: "21/04/2026 08:00", endsAt: "21/04/2026 10:30", unitId: fixture.school), by: fixture.libraryEditor)
            let fair = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "book_fair", title: "Ngày hội sách",
                                                      startsAt: "21/04/2026", endsAt: "", unitId: fixture.library, channels: ["zalo"]), by: fixture.libraryEditor)
            return (reading.id!, fair.id!)
        }
        var outcomes = ActivityOutcomes()
        outcomes.participantsMale = 40; outcomes.participantsFemale = 55; outcomes.participantsChildren = 80; outcomes.booksLent = 120
        try fixture.database.writer.write { db in
            try CampaignStore.recordOutcomes(db, activityId: own, outcomes, notes: "Các em rất hào hứng", by: fixture.schoolEditor)
            #expect(throws: DomainError.self) { try CampaignStore.recordOutcomes(db, activityId: other, outcomes, notes: nil, by: fixture.schoolEditor) }
            #expect(throws: DomainError.self) {
                try CampaignStore.saveActivity(db, campaignId: campaign.id!, activityId: own, ActivityInput(kind: "contest", title: "Đổi", startsAt: "22/04/2026",
                                                                                                          endsAt: "", unitId: fixture.school), by: fixture.schoolEditor)
            }
            try CampaignStore.addAssignment(db, campaignId: campaign.id!, unitId: fixture.school, task: "Huy động học sinh", dueDate: "18/04/2026", by: fixture.libraryEditor)
        }
        let saved = try fixture.database.writer.read { try CampaignStore.activity($0, id: own) }
        #expect(saved.outcomes.participants == 95 && saved.booksLent == 120 && saved.notes == "Các em rất hào hứng")
        #expect(saved.endsAt == "2026-04-21T10:30")
        let fair = try fixture.database.writer.read { try CampaignStore.activity($0, id: other) }
        #expect(fair.startsAt == "2026-04-21T08:00" && fair.endsAt == "2026-04-21T17:00")
        let tasks = try fixture.database.writer.read { try CampaignStore.tasks($0, for: fixture.schoolEditor) }
        #expect(tasks.activities.map(\.id) == [own])
        #expect(tasks.assignments.count == 1)
        try fixture.database.writer.write { try CampaignStore.setAssignmentStatus($0, id: tasks.assignments[0].id!, .done, by: fixture.schoolEditor) }
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write {
                try CampaignStore.setAssignmentStatus($0, id: tasks.assignments[0].id!, .todo,
                                                      by: Principal(accountId: 9, login: "x", displayName: "x", role: .editor,
                                                                    unitIds: [fixture.commune + 100]))
            }
        }
    }

    @Test("Bad input is refused field by field; money is whole đồng")
    func validation() throws {
        let fixture = try CampaignFixture()
        do {
            _ = try fixture.database.writer.write {
                try CampaignStore.create($0, CampaignInput(title: "", startDate: "30/04/2026", endDate: "01/04/2026", leadUnitId: nil), catalogue: nil, by: fixture.officer)
            }
            Issue.record("expected a refusal")
        } catch let error as DomainError {
            #expect(Set(error.fieldErrors.keys) == ["title", "endDate", "leadUnitId"])
        }
        let id = try fixture.campaign().id!
        try fixture.database.writer.write { db in
            try CampaignStore.saveBudgetLine(db, campaignId: id, item: "In băng rôn", source: "state_budget", planned: "1.500.000", spent: "1.200.000", by: fixture.libraryEditor)
            #expect(throws: DomainError.self) {
                try CampaignStore.saveBudgetLine(db, campaignId: id, item: "Quà", source: "socialization", planned: "1,5", spent: "", by: fixture.libraryEditor)
            }
        }
        let lines = try fixture.database.writer.read { try CampaignStore.budget($0, campaignId: id) }
        #expect(lines.map(\.planned) == [1_500_000] && lines.map(\.spent) == [1_200_000])
        #expect(throws: DomainError.self) { try fixture.campaign(lead: fixture.school, by: fixture.libraryEditor) }
    }
}

@Suite("iCalendar")
struct ICalendarTests {
    /// Unfolds and splits an iCalendar text back into (name with parameters, unescaped value) pairs.
    func parse(_ text: String) -> [(String, String)] {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        return unfolded.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            let colon = line.firstIndex(of: ":")!
            var value = String(line[line.index(after: colon)...])
            value = value.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\,", with: ",")
                .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\")
            return (String(line[..<colon]), value)
        }
    }

    @Test("Activities become events with stable UIDs, local times, escaped and folded text that parses back")
    func document() throws {
        let fixture = try CampaignFixture()
        let campaign = try fixture.campaign()
        let activity = try fixture.database.writer.write {
            try CampaignStore.saveActivity($0, campaignId: campaign.id!,
                                           ActivityInput(kind: "book_fair",
                                                         title: "Ngày hội sách; đọc, viết và kể chuyện cho thiếu nhi các thôn Kon Tu, Đăk Rơ Wang",
                                                         startsAt: "21/04/2026 07:30", endsAt: "21/04/2026 11:00", place: "Sân nhà văn hóa xã",
                                                         unitId: fixture.library, notes: "Mang theo thẻ thư viện\\mượn sách"),
                                           by: fixture.officer)
        }
        let text = ICalendar.document(name: campaign.title, events: ICalendar.events([activity], campaignTitles: [campaign.id!: campaign.title], host: "densach"))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let fields = parse(text)
        func value(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }
        #expect(value("UID") == "activity-\(activity.id!)@densach")
        #expect(value("DTSTART;TZID=Asia/Ho_Chi_Minh") == "20260421T073000")
        #expect(value("DTEND;TZID=Asia/Ho_Chi_Minh") == "20260421T110000")
        #expect(value("SUMMARY") == "Ngày hội sách; đọc, viết và kể chuyện cho thiếu nhi các thôn Kon Tu, Đăk Rơ Wang")
        #expect(value("LOCATION") == "Sân nhà văn hóa xã")
        #expect(value("DESCRIPTION")?.contains("Mang theo thẻ thư viện\\mượn sách") == true)
        #expect(value("TZID") == "Asia/Ho_Chi_Minh")
        #expect(fields.filter { $0.0 == "BEGIN" }.map(\.1) == ["VCALENDAR", "VTIMEZONE", "STANDARD", "VEVENT"])
    }
}

@Suite("Campaign files (YAML)")
struct CampaignYAMLTests {
    func fullCampaign(_ fixture: CampaignFixture) throws -> Int64 {
        try fixture.database.writer.write { db in
            let campaign = try CampaignStore.create(db, CampaignInput(title: "Ngày Sách 2026", theme: "Đọc sách: mở cửa tương lai", observanceKey: "reading-day",
                                                                      startDate: "15/04/2026", endDate: "25/04/2026", goals: "Mỗi thôn một góc đọc",
                                                                      leadUnitId: fixture.library, coordinatingUnitIds: [fixture.school]),
                                                    catalogue: nil, by: fixture.officer)
            let fair = try CampaignStore.saveActivity(db, campaignId: campaign.id!, ActivityInput(kind: "book_fair", title: "Ngày hội sách, đọc: \"vui\"",
                                                      startsAt: "21/04/2026 07:30", endsAt: "21/04/2026 11:00", place: "Sân nhà văn hóa", unitId: fixture.library,
                                                      channels: ["zalo", "loudspeaker"], expectedParticipants: 300, notes: "Dòng 1\nDòng 2"), by: fixture.officer)
            var outcomes = ActivityOutcomes()
            outcomes.participantsMale = 120; outcomes.participantsFemale = 160; outcomes.booksLent = 410
            try CampaignStore.recordOutcomes(db, activityId: fair.id!, outcomes, notes: nil, by: fixture.officer)
            try CampaignStore.saveBudgetLine(db, campaignId: campaign.id!, item: "In băng rôn", source: "state_budget", planned: "1500000", spent: "1200000", by: fixture.officer)
            try CampaignStore.addAssignment(db, campaignId: campaign.id!, unitId: fixture.school, task: "Huy động học sinh", dueDate: "18/04/2026", by: fixture.officer)
            try CampaignStore.setStatus(db, id: campaign.id!, to: .approved, note: nil, by: fixture.officer)
            return campaign.id!
        }
    }

    @Test("Export then import gives the same file again: nothing lost")
    func roundTrip() throws {
        let source = try CampaignFixture()
        let id = try fullCampaign(source)
        let exported = try source.database.writer.read { try CampaignYAML.export($0, id: id) }
        let target = try CampaignFixture()
        let imported = try target.database.writer.write {
            try CampaignYAML.importCampaign($0, yaml: exported, file: "ngay-sach.yaml", catalogue: nil, dryRun: false, by: target.officer)
        }
        let again = try target.database.writer.read { try CampaignYAML.export($0, id: imported.id!) }
        #expect(again == exported)
        #expect(exported.contains("Dòng 1") && exported.contains("vui"))
        #expect(imported.status == .approved)
    }

    @Test("A mistake names file, line and field and writes nothing; a dry run writes nothing either")
    func errorsAndDryRun() throws {
        let source = try CampaignFixture()
        let id = try fullCampaign(source)
        let exported = try source.database.writer.read { try CampaignYAML.export($0, id: id) }
        let target = try CampaignFixture()
        let broken = exported.replacingOccurrences(of: "unit: Trường Tiểu học", with: "unit: Trường Không Có")
        do {
            _ = try target.database.writer.write { try CampaignYAML.importCampaign($0, yaml: broken, file: "sai.yaml", catalogue: nil, dryRun: false, by: target.officer) }
            Issue.record("expected an error")
        } catch let error as DataFileError {
            #expect(error.file == "sai.yaml" && error.field == "unit" && error.message.contains("Trường Không Có"))
            let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("Trường Không Có") }! + 1
            #expect(error.line == line)
        }
        let badDate = exported.replacingOccurrences(of: "starts: 21/04/2026 07:30", with: "starts: 21/13/2026 07:30")
        #expect(throws: DataFileError.self) {
            try target.database.writer.write { try CampaignYAML.importCampaign($0, yaml: badDate, file: "sai.yaml", catalogue: nil, dryRun: false, by: target.officer) }
        }
        _ = try target.database.writer.write { try CampaignYAML.importCampaign($0, yaml: exported, file: "thu.yaml", catalogue: nil, dryRun: true, by: target.officer) }
        #expect(try target.database.writer.read { try Campaign.fetchCount($0) + Activity.fetchCount($0) + BudgetLine.fetchCount($0) } == 0)
        // An editor cannot bring in a plan marked as approved.
        #expect(throws: DataFileError.self) {
            try target.database.writer.write { try CampaignYAML.importCampaign($0, yaml: exported, file: "thu.yaml", catalogue: nil, dryRun: false, by: target.libraryEditor) }
        }
    }
}

@Suite("Plan templates and cloning")
struct PlanTemplateTests {
    static var directory: String { URL(fileURLWithPath: ObservanceTests.shipped).deletingLastPathComponent().appendingPathComponent("templates").path }

    @Test("Both shipped templates load and make a full plan dated from the observance of the chosen year")
    func fromTemplate() throws {
        let fixture = try CampaignFixture()
        try fixture.database.writer.write { db in
            for (name, kind) in [("Hội Khuyến học xã", "study_promotion"), ("Đoàn Thanh niên xã", "youth_union"), ("Nhà văn hóa thôn 1", "cultural_house"),
                                 ("Trung tâm học tập cộng đồng", "learning_centre"), ("Hội Phụ nữ xã", "womens_union")] {
                _ = try UnitStore.create(db, UnitInput(name: name, kind: kind, parentId: fixture.commune), by: .system)
            }
        }
        let templates = try PlanTemplate.load(directory: Self.directory)
        #expect(Set(templates.map(\.file)) == ["reading-day.yaml", "lifelong-learning-week.yaml", "womens-union-reading-week.yaml",
                                                "youth-union-volunteer-week.yaml", "farmers-learning-week.yaml", "veterans-tradition-week.yaml"])
        let catalogue = try ObservanceCatalogue(path: ObservanceTests.shipped)
        let reading = try #require(templates.first { $0.file == "reading-day.yaml" })
        let campaign = try fixture.database.writer.write { try reading.instantiate($0, year: 2027, catalogue: catalogue, by: fixture.officer) }
        #expect(campaign.title == "Ngày Sách và Văn hóa đọc Việt Nam năm 2027")
        #expect(campaign.startDate.display == "15/04/2027" && campaign.endDate.display == "25/04/2027")
        let activities = try fixture.database.writer.read { try CampaignStore.activities($0, campaignId: campaign.id!) }
        #expect(activities.count == 5)
        #expect(activities.contains { $0.startsAt == "2027-04-21T07:30" && $0.endsAt == "2027-04-21T09:00" && $0.kind == .openingCeremony })
        let week = try #require(templates.first { $0.file == "lifelong-learning-week.yaml" })
        try fixture.database.writer.write {
            try ObservanceStore.setYear($0, catalogue: catalogue, key: "lifelong-learning-week", year: 2027, start: "04/10/2027", end: "10/10/2027", theme: nil, by: .system)
        }
        let llw = try fixture.database.writer.write { try week.instantiate($0, year: 2027, catalogue: catalogue, by: fixture.officer) }
        #expect(llw.startDate.display == "04/10/2027")
    }

    @Test("An organisation's week: led by it, editable by its editor, and each village's branch gets its task; a clone keeps the branches")
    func organisationWeek() throws {
        let fixture = try CampaignFixture()
        let (women, villages) = try fixture.database.writer.write { db -> (Int64, [Int64]) in
            let women = try UnitStore.create(db, UnitInput(name: "Hội Phụ nữ xã", kind: "womens_union", parentId: fixture.commune), by: .system).id!
            _ = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa xã", kind: "cultural_house", parentId: fixture.commune), by: .system)
            let villages = try ["Thôn 1", "Thôn 2", "Thôn 3"].map { try UnitStore.create(db, UnitInput(name: $0, kind: "village", parentId: fixture.commune), by: .system).id! }
            return (women, villages)
        }
        let union = Principal(accountId: 7, login: "phunu", displayName: "Hội Phụ nữ", role: .editor, unitIds: [women])
        let catalogue = try ObservanceCatalogue(path: ObservanceTests.shipped)
        let template = try #require(try PlanTemplate.load(directory: Self.directory).first { $0.file == "womens-union-reading-week.yaml" })
        #expect(template.lead == "womens_union" && template.observance == "family-day")
        let week = try fixture.database.writer.write { try template.instantiate($0, year: 2027, catalogue: catalogue, by: union) }
        #expect(week.leadUnitId == women && week.status == .draft && week.endDate.display == "28/06/2027")
        let tasks = try fixture.database.writer.read { try CampaignStore.assignments($0, campaignId: week.id!) }
        let branchTasks = tasks.filter { $0.branchId != nil }
        #expect(Set(branchTasks.compactMap(\.branchId)) == Set(villages) && branchTasks.allSatisfy { $0.unitId == women })
        #expect(branchTasks.first?.dueDate?.display == "23/06/2027")
        // The commune approves it, as any plan; the union could not.
        #expect(throws: DomainError.self) { try fixture.database.writer.write { try CampaignStore.setStatus($0, id: week.id!, to: .approved, note: nil, by: union) } }
        try fixture.database.writer.write { try CampaignStore.setStatus($0, id: week.id!, to: .approved, note: nil, by: fixture.officer) }
        // A branch must be a village.
        #expect(throws: DomainError.self) {
            try fixture.database.writer.write {
                try CampaignStore.addAssignment($0, campaignId: week.id!, unitId: women, task: "Việc", dueDate: nil, branchId: women,
                                                by: fixture.officer)
            }
        }
        let copy = try fixture.database.writer.write { try CampaignStore.clone($0, id: week.id!, toYear: 2028, catalogue: catalogue, by: union) }
        #expect(Set(try fixture.database.writer.read { try CampaignStore.assignments($0, campaignId: copy.id!) }.compactMap(\.branchId)) == Set(villages))
    }

    @Test("Cloning moves dates with the observance: solar days keep their date, lunar ones follow the moon; outcomes are not copied")
    func clone() throws {
        let fixture = try CampaignFixture()
        let catalogue = try ObservanceCatalogue(path: ObservanceTests.shipped)
        let (reading, autumn) = try fixture.database.writer.write { db -> (Int64, Int64) in
            let reading = try CampaignStore.create(db, CampaignInput(title: "Ngày Sách 2025", observanceKey: "reading-day", startDate: "15/04/2025", endDate: "25/04/2025",
                                                                     leadUnitId: fixture.library), catalogue: catalogue, by: fixture.officer)
            let fair = try CampaignStore.saveActivity(db, campaignId: reading.id!, ActivityInput(kind: "book_fair", title: "Hội sách", startsAt: "21/04/2025 08:00",
                                                                                              endsAt: "", unitId: fixture.library), by: fixture.officer)
            var outcomes = ActivityOutcomes(); outcomes.booksLent = 99
            try CampaignStore.recordOutcomes(db, activityId: fair.id!, outcomes, notes: nil, by: fixture.officer)
            let autumn = try CampaignStore.create(db, CampaignInput(title: "Vui Tết Trung thu 2025", observanceKey: "mid-autumn", startDate: "06/10/2025",
                                                                    endDate: "06/10/2025", leadUnitId: fixture.library), catalogue: catalogue, by: fixture.officer)
            return (reading.id!, autumn.id!)
        }
        let (copy, moon) = try fixture.database.writer.write { db in
            (try CampaignStore.clone(db, id: reading, toYear: 2026, catalogue: catalogue, by: fixture.officer),
             try CampaignStore.clone(db, id: autumn, toYear: 2026, catalogue: catalogue, by: fixture.officer))
        }
        #expect(copy.title == "Ngày Sách 2026" && copy.startDate.display == "15/04/2026" && copy.status == .draft)
        let activity = try #require(try fixture.database.writer.read { try CampaignStore.activities($0, campaignId: copy.id!) }.first)
        #expect(activity.startsAt == "2026-04-21T08:00" && activity.booksLent == nil)
        #expect(moon.startDate == LunarCalendar.solar(.init(day: 15, month: 8, year: 2026)))
        #expect(moon.startDate.display == "25/09/2026")
    }
}

@Suite("Campaign report")
struct CampaignReportTests {
    @Test("Totals by activity kind, participants by gender and age, budget by source, completion per unit")
    func totals() throws {
        let fixture = try CampaignFixture()
        let id = try fixture.campaign().id!
        try fixture.database.writer.write { db in
            for (kind, unit, male, female, books) in [("book_fair", fixture.library, 40, 60, 200), ("book_fair", fixture.library, 10, 15, 50),
                                                       ("reading_session", fixture.school, 20, 30, 0)] {
                let activity = try CampaignStore.saveActivity(db, campaignId: id,
                                                              ActivityInput(kind: kind, title: "x", startsAt: "21/04/2026", endsAt: "", unitId: unit),
                                                              by: fixture.officer)
                var outcomes = ActivityOutcomes()
                outcomes.participantsMale = male; outcomes.participantsFemale = female; outcomes.participantsChildren = (male + female) / 2
                outcomes.booksLent = books == 0 ? nil : books
                try CampaignStore.recordOutcomes(db, activityId: activity.id!, outcomes, notes: nil, by: fixture.officer)
            }
            _ = try CampaignStore.saveActivity(db, campaignId: id, ActivityInput(kind: "talk", title: "chưa ghi", startsAt: "22/04/2026", endsAt: "",
                                                                                 unitId: fixture.school), by: fixture.officer)
            try CampaignStore.saveBudgetLine(db, campaignId: id, item: "Băng rôn", source: "state_budget", planned: "2.000.000", spent: "1.800.000", by: fixture.officer)
            try CampaignStore.saveBudgetLine(db, campaignId: id, item: "Sách", source: "socialization", planned: "10.000.000", spent: "9.500.000", by: fixture.officer)
            try CampaignStore.addAssignment(db, campaignId: id, unitId: fixture.school, task: "Huy động", dueDate: nil, by: fixture.officer)
        }
        let report = try fixture.database.writer.read { try CampaignReport.make($0, campaignId: id) }
        #expect(report.byKind.first { $0.kind == .bookFair }.map { ($0.activities, $0.participants, $0.booksLent) }! == (2, 125, 250))
        #expect(report.male == 70 && report.female == 105 && report.participants == 175 && report.children == 87)
        #expect(report.budget.first { $0.source == .stateBudget }.map { ($0.planned, $0.spent) }! == (2_000_000, 1_800_000))
        let school = try #require(report.units.first { $0.unit == "Trường Tiểu học" })
        #expect((school.activities, school.activitiesRecorded, school.tasks, school.tasksDone) == (2, 1, 1, 0))
        #expect(report.paragraph.contains("175 lượt người tham gia") && report.paragraph.contains("11.300.000 đ"))
    }
}
