import DataFiles
import Foundation
@testable import Campaigns
import Testing
import Store
import Vietnamese

@Suite("Observance days")
struct ObservanceTests {
    static var shipped: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("campaigns/observances.yaml").path
    }

    @Test("The shipped file loads with every day of the domain notes")
    func shippedFile() throws {
        let catalogue = try ObservanceCatalogue(path: Self.shipped)
        let keys = Set(catalogue.observances.map(\.key))
        for key in ["reading-day", "lifelong-learning-week", "tet", "mid-autumn", "hung-kings", "vietnam-culture-day", "study-promotion-day"] {
            #expect(keys.contains(key), "\(key)")
        }
        #expect(catalogue.observance("lifelong-learning-week")?.isSetEachYear == true)
    }

    @Test("Dates per year: solar as given, lunar converted for UTC+7, yearly from its default")
    func datesPerYear() throws {
        let catalogue = try ObservanceCatalogue(path: Self.shipped)
        #expect(catalogue.observance("reading-day")?.defaultDates(in: 2026)?.start.display == "21/04/2026")
        #expect(catalogue.observance("tet")?.defaultDates(in: 2026)?.start.display == "17/02/2026")
        #expect(catalogue.observance("mid-autumn")?.defaultDates(in: 2025)?.start.display == "06/10/2025")
        let week = catalogue.observance("lifelong-learning-week")?.defaultDates(in: 2026)
        #expect(week?.start.display == "01/10/2026" && week?.end.display == "07/10/2026")
    }

    @Test("A day appears only from the year it was established; traditional days every year")
    func firstYears() throws {
        let catalogue = try ObservanceCatalogue(path: Self.shipped)
        let database = try AppDatabase.inMemory(modules: [StoreSchema.self, CampaignsSchema.self])
        func keys(_ year: Int) throws -> Set<String> {
            Set(try database.writer.read { try ObservanceStore.occurrences($0, catalogue: catalogue, year: year) }.compactMap {
                if case .observance(let key) = $0.source { return key } else { return nil }
            })
        }
        let in2010 = try keys(2010)
        #expect(!in2010.contains("reading-day") && !in2010.contains("digital-transformation-day") && !in2010.contains("lifelong-learning-week"))
        #expect(in2010.contains("heritage-day") && in2010.contains("family-day") && in2010.contains("tet"))
        #expect(!(try keys(2021)).contains("digital-transformation-day"))
        #expect((try keys(2022)).contains("digital-transformation-day"))
        #expect(!(try keys(2024)).contains("vietnam-culture-day"))
        #expect((try keys(2025)).contains("vietnam-culture-day"))
        #expect(catalogue.observance("reading-day")?.since == 2014)
        #expect(catalogue.observance("tet")?.since == nil)
    }

    @Test("Past years of Lifelong Learning Week come from the data file, with their theme; other years are provisional")
    func announcedWeeks() throws {
        let catalogue = try ObservanceCatalogue(path: Self.shipped)
        let database = try AppDatabase.inMemory(modules: [StoreSchema.self, CampaignsSchema.self])
        func week(_ year: Int) throws -> Occurrence? {
            try database.writer.read { try ObservanceStore.occurrences($0, catalogue: catalogue, year: year) }
                .first { $0.source == .observance("lifelong-learning-week") }
        }
        let w2023 = try #require(try week(2023))
        #expect(w2023.start.display == "02/10/2023" && w2023.end.display == "08/10/2023" && !w2023.isProvisional)
        let w2024 = try #require(try week(2024))
        #expect(w2024.theme == "Phát triển văn hóa đọc để thúc đẩy học tập suốt đời" && !w2024.isProvisional)
        let w2027 = try #require(try week(2027))
        #expect(w2027.isProvisional && w2027.start.display == "01/10/2027")
        #expect(try week(2013) == nil)
    }

    @Test("Announced years and first years are checked with file, line and field")
    func announcedErrors() {
        let badYears = "observances:\n  - key: a\n    name: A\n    rule: yearly\n    default: 1/10-7/10\n    years:\n      - year: 2024\n        dates: 7/10-1/10\n"
        #expect(throws: DataFileError(file: "x.yaml", line: 8, field: "dates", message: "khoảng ngày dạng 1/10-7/10: \"7/10-1/10\"")) {
            try ObservanceCatalogue(yaml: badYears, file: "x.yaml")
        }
        let yearsOnSolar = "observances:\n  - key: a\n    name: A\n    rule: solar\n    date: 1/1\n    years: []\n"
        #expect(throws: DataFileError.self) { try ObservanceCatalogue(yaml: yearsOnSolar, file: "x.yaml") }
        let badSince = "observances:\n  - key: a\n    name: A\n    rule: solar\n    date: 1/1\n    since: năm ngoái\n"
        #expect(throws: DataFileError(file: "x.yaml", line: 6, field: "since", message: "năm phải là số có 4 chữ số: \"năm ngoái\"")) {
            try ObservanceCatalogue(yaml: badSince, file: "x.yaml")
        }
    }

    @Test("Mistakes are reported with file, line and field")
    func errors() {
        let badDate = "observances:\n  - key: a\n    name: A\n    rule: solar\n    date: 31/2\n"
        #expect(throws: DataFileError(file: "x.yaml", line: 5, field: "date", message: "ngày/tháng không hợp lệ: \"31/2\" (ví dụ 21/4)")) {
            try ObservanceCatalogue(yaml: badDate, file: "x.yaml")
        }
        let badRule = "observances:\n  - key: a\n    name: A\n    rule: weekly\n"
        #expect(throws: DataFileError.self) { try ObservanceCatalogue(yaml: badRule, file: "x.yaml") }
        let missingName = "observances:\n  - key: a\n    rule: lunar\n    date: 1/1\n"
        do {
            _ = try ObservanceCatalogue(yaml: missingName, file: "x.yaml")
            Issue.record("expected an error")
        } catch let error as DataFileError {
            #expect(error.field == "name" && error.line == 2)
        } catch { Issue.record("\(error)") }
        let duplicate = "observances:\n  - {key: a, name: A, rule: solar, date: 1/1}\n  - {key: a, name: B, rule: solar, date: 2/1}\n"
        #expect(throws: DataFileError.self) { try ObservanceCatalogue(yaml: duplicate, file: "x.yaml") }
        #expect(throws: DataFileError.self) { try ObservanceCatalogue(yaml: "observances: [\n", file: "x.yaml") }
    }
}

@Suite("The calendar of a year")
struct ObservanceCalendarTests {
    func store() throws -> (AppDatabase, Int64, Int64, ObservanceCatalogue) {
        let database = try AppDatabase.inMemory(modules: [StoreSchema.self, CampaignsSchema.self])
        let (a, b) = try database.writer.write { db -> (Int64, Int64) in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã", kind: "commune_committee"), by: .system).id!
            return (try UnitStore.create(db, UnitInput(name: "Làng Kon Tu", kind: "village", parentId: commune), by: .system).id!,
                    try UnitStore.create(db, UnitInput(name: "Làng Đăk Rơ Wang", kind: "village", parentId: commune), by: .system).id!)
        }
        return (database, a, b, try ObservanceCatalogue(path: ObservanceTests.shipped))
    }

    @Test("Lifelong Learning Week shows its usual dates until the year's are entered, then those and the theme")
    func yearlyDates() throws {
        let (database, _, _, catalogue) = try store()
        func week(_ year: Int) throws -> Occurrence? {
            try database.writer.read { try ObservanceStore.occurrences($0, catalogue: catalogue, year: year) }
                .first { $0.source == .observance("lifelong-learning-week") }
        }
        #expect(try week(2026)?.isProvisional == true)
        try database.writer.write {
            try ObservanceStore.setYear($0, catalogue: catalogue, key: "lifelong-learning-week", year: 2026, start: "02/10/2026",
                                        end: "08/10/2026", theme: "Học tập suốt đời trong kỷ nguyên số", by: .system)
        }
        let set = try week(2026)
        #expect(set?.start.display == "02/10/2026" && set?.end.display == "08/10/2026")
        #expect(set?.theme == "Học tập suốt đời trong kỷ nguyên số" && set?.isProvisional == false)
        #expect(try week(2027)?.start.display == "01/10/2027")
    }

    @Test("Local festivals are dated per year; an editor adds them to their own village only; bad dates are refused")
    func festivals() throws {
        let (database, konTu, dakRo, catalogue) = try store()
        let editor = Principal(accountId: 3, login: "kontu", displayName: "Kon Tu", role: .editor, unitIds: [konTu])
        try database.writer.write { db in
            _ = try ObservanceStore.addFestival(db, .init(name: "Lễ mừng lúa mới", unitId: konTu, start: "12/11/2026", end: "13/11/2026", description: nil), by: editor)
            #expect(throws: DomainError.self) {
                try ObservanceStore.addFestival(db, .init(name: "Lễ cúng máng nước", unitId: dakRo, start: "01/03/2026", end: "", description: nil), by: editor)
            }
            #expect(throws: DomainError.self) {
                try ObservanceStore.addFestival(db, .init(name: "Lễ", unitId: konTu, start: "13/11/2026", end: "12/11/2026", description: nil), by: editor)
            }
            #expect(throws: DomainError.self) {
                try ObservanceStore.setYear(db, catalogue: catalogue, key: "lifelong-learning-week", year: 2026, start: "01/10/2026", end: "07/10/2026", theme: nil, by: editor)
            }
        }
        let items = try database.writer.read { try ObservanceStore.occurrences($0, catalogue: catalogue, year: 2026) }
        let festival = items.first { $0.name == "Lễ mừng lúa mới" }
        #expect(festival?.place == "Làng Kon Tu")
        #expect(festival?.covers(CivilDate(year: 2026, month: 11, day: 13)!) == true)
        #expect(try database.writer.read { try ObservanceStore.occurrences($0, catalogue: catalogue, year: 2027) }.contains { $0.name == "Lễ mừng lúa mới" } == false)
        #expect(items.map(\.start) == items.map(\.start).sorted())
    }
}
