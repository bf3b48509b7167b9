import Foundation
import GRDB
import Store
import Testing
@testable import Training
import Vietnamese

struct TrainingFixture {
    let database: AppDatabase
    let library: Int64, house: Int64, school: Int64
    let lan: Int64, hoa: Int64, binh: Int64
    let libraryEditor: Principal

    init() throws {
        database = try AppDatabase.inMemory(modules: [StoreSchema.self, TrainingSchema.self])
        let ids = try database.writer.write { db -> [Int64] in
            let commune = try UnitStore.create(db, UnitInput(name: "UBND xã Thử", kind: "commune_committee"), by: .system).id!
            let village = try UnitStore.create(db, UnitInput(name: "Thôn A", kind: "village", parentId: commune), by: .system).id!
            let library = try UnitStore.create(db, UnitInput(name: "Thư viện xã", kind: "commune_library", parentId: commune), by: .system).id!
            let house = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn A", kind: "cultural_house", parentId: village), by: .system).id!
            let school = try UnitStore.create(db, UnitInput(name: "Trường TH Thử", kind: "school", parentId: commune), by: .system).id!
            let people = try ["Nguyễn Thị Lan", "Trần Thị Hoa", "Lê Văn Bình"].map {
                try PersonStore.create(db, PersonInput(fullName: $0, villageId: village), by: .system).id!
            }
            return [library, house, school] + people
        }
        library = ids[0]; house = ids[1]; school = ids[2]; lan = ids[3]; hoa = ids[4]; binh = ids[5]
        libraryEditor = Principal(accountId: 5, login: "thuvien", displayName: "Thư viện", role: .editor, unitIds: [ids[0]])
    }

    func course(_ title: String, topic: String, start: String, hours: String, level: String = "commune") throws -> TrainingCourse {
        try database.writer.write {
            try TrainingStore.create($0, .init(title: title, organiser: "UBND xã", level: level, topic: topic, startDate: start, endDate: "", hours: hours), by: .system)
        }
    }
}

@Suite("Training")
struct TrainingTests {
    @Test("A course is checked field by field: title, organiser, level, topic, dates, hours")
    func courseValidation() throws {
        let fixture = try TrainingFixture()
        let bad = TrainingStore.CourseInput(title: " ", organiser: "", level: "galaxy", topic: "x", startDate: "31/02/2026", endDate: "01/01/2026", hours: "0")
        let error = #expect(throws: DomainError.self) { try fixture.database.writer.write { try TrainingStore.create($0, bad, by: .system) } }
        #expect(Set(error?.fieldErrors.keys.map { $0 } ?? []) == ["title", "organiser", "level", "topic", "startDate", "hours"])
        let backwards = TrainingStore.CourseInput(title: "Lớp A", organiser: "Xã", level: "online", topic: "digital", startDate: "05/03/2026", endDate: "04/03/2026", hours: "3")
        let reversed = #expect(throws: DomainError.self) { try fixture.database.writer.write { try TrainingStore.create($0, backwards, by: .system) } }
        #expect(reversed?.fieldErrors["endDate"] == "Ngày kết thúc trước ngày bắt đầu")
        let course = try fixture.course("Kỹ năng số", topic: "digital", start: "12/05/2026", hours: "3,5")
        #expect(course.minutes == 210 && course.endDate == course.startDate)
        #expect(throws: DomainError.forbidden) {
            try fixture.database.writer.write { try TrainingStore.create($0, backwards, by: fixture.libraryEditor) }
        }
    }

    @Test("A unit's editor records participation only for people serving in their units; the list sorts by given name")
    func participantsByUnit() throws {
        let fixture = try TrainingFixture()
        let course = try fixture.course("Kỹ năng số", topic: "digital", start: "12/05/2026", hours: "16")
        try fixture.database.writer.write { db in
            _ = try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: fixture.lan, unitId: fixture.library, certificate: "GCN số 01"),
                                                  by: fixture.libraryEditor)
            let absentWithCertificate = #expect(throws: DomainError.self) {
                try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: fixture.hoa, unitId: fixture.house, attended: false, certificate: "GCN 2"), by: .system)
            }
            #expect(absentWithCertificate?.fieldErrors["certificate"] == "Người vắng mặt không có chứng chỉ của lớp")
            #expect(throws: DomainError.forbidden, "another unit's staff") {
                try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: fixture.hoa, unitId: fixture.house), by: fixture.libraryEditor)
            }
            #expect(throws: DomainError.forbidden, "no unit named") {
                try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: fixture.hoa, unitId: nil), by: fixture.libraryEditor)
            }
            _ = try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: fixture.hoa, unitId: fixture.house), by: .system)
            _ = try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: fixture.binh, unitId: fixture.school, role: "volunteer"), by: .system)
            #expect(throws: DomainError.forbidden, "the editor cannot take over another unit's participant") {
                try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: fixture.hoa, unitId: fixture.library), by: fixture.libraryEditor)
            }
            #expect(throws: DomainError.forbidden) { try TrainingStore.removeParticipant(db, courseId: course.id!, personId: fixture.hoa, by: fixture.libraryEditor) }
            let all = try TrainingStore.participants(db, courseId: course.id!, for: .system).map(\.name)
            #expect(all == ["Lê Văn Bình", "Trần Thị Hoa", "Nguyễn Thị Lan"])
            let seen = try TrainingStore.participants(db, courseId: course.id!, for: fixture.libraryEditor).map(\.name)
            #expect(seen == ["Nguyễn Thị Lan"], "a unit-scoped account reads only its units' participants")
        }
    }

    @Test("Totals per unit and year: people trained once each, course hours attended, certificates, self-study; the digital indicator counts staff cumulatively")
    func totals() throws {
        let fixture = try TrainingFixture()
        let digital = try fixture.course("Kỹ năng số", topic: "digital", start: "12/05/2025", hours: "16")
        let library = try fixture.course("Nghiệp vụ thư viện", topic: "library", start: "18/09/2026", hours: "24", level: "province")
        let digital2026 = try fixture.course("Chuyển đổi số", topic: "digital", start: "15/07/2026", hours: "12")
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        try fixture.database.writer.write { db in
            _ = try TrainingStore.saveParticipant(db, courseId: digital.id!, .init(personId: fixture.lan, unitId: fixture.library), by: .system)
            _ = try TrainingStore.saveParticipant(db, courseId: library.id!, .init(personId: fixture.lan, unitId: fixture.library, certificate: "GCN 12"), by: .system)
            _ = try TrainingStore.saveParticipant(db, courseId: digital2026.id!, .init(personId: fixture.lan, unitId: fixture.library), by: .system)
            _ = try TrainingStore.saveParticipant(db, courseId: digital2026.id!, .init(personId: fixture.hoa, unitId: fixture.house), by: .system)
            _ = try TrainingStore.saveParticipant(db, courseId: digital2026.id!, .init(personId: fixture.binh, unitId: fixture.school, attended: false), by: .system)
            _ = try TrainingStore.saveParticipant(db, courseId: library.id!, .init(personId: fixture.binh, unitId: fixture.school, role: "volunteer"), by: .system)
            _ = try TrainingStore.addSelfStudy(db, .init(personId: fixture.hoa, unitId: fixture.house, date: "02/04/2026", hours: "2:30", topic: "digital",
                                                         description: "Khóa học trực tuyến kỹ năng số cơ bản"), by: .system, today: today)
            #expect(throws: DomainError.self, "a date to come") {
                try TrainingStore.addSelfStudy(db, .init(personId: fixture.hoa, unitId: fixture.house, date: "02/12/2026", hours: "1", topic: "digital",
                                                         description: "Sắp học"), by: .system, today: today)
            }
            #expect(throws: DomainError.forbidden) {
                try TrainingStore.addSelfStudy(db, .init(personId: fixture.hoa, unitId: fixture.house, date: "02/04/2026", hours: "1", topic: "digital",
                                                         description: "Đọc tài liệu"), by: fixture.libraryEditor, today: today)
            }
            let year = try TrainingTotals.year(db, 2026)
            #expect(year.courses == 2)
            #expect(year.byUnit.map(\.unit) == ["Nhà văn hóa thôn A", "Thư viện xã", "Trường TH Thử"])
            let lib = try #require(year.byUnit.first { $0.unitId == fixture.library })
            #expect(lib.trained == 1 && lib.courseMinutes == 36 * 60 && lib.certificates == 1 && lib.digitalTrained == 1)
            let house = try #require(year.byUnit.first { $0.unitId == fixture.house })
            #expect(house.trained == 1 && house.selfStudied == 1 && house.selfStudyMinutes == 150)
            let school = try #require(year.byUnit.first { $0.unitId == fixture.school })
            #expect(school.trained == 1 && school.courseMinutes == 24 * 60 && school.digitalTrained == 0, "absent from the digital course")
            #expect(year.total.trained == 3 && year.total.digitalTrained == 2 && year.total.selfStudyMinutes == 150)
            #expect(try TrainingTotals.staffTrainedInDigitalSkills(db, through: 2025) == 1)
            #expect(try TrainingTotals.staffTrainedInDigitalSkills(db, through: 2026) == 2, "Lan once, Hoa; Bình was absent")
            #expect(try TrainingTotals.hasRecords(db, through: 2024) == false)
        }
    }

    @Test("The demo commune has courses, participants with certificates and self-study")
    func demo() throws {
        let fixture = try TrainingFixture()
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        let made = try fixture.database.writer.write { try DemoTraining.seed($0, today: today) }
        #expect(made == 4)
        let totals = try fixture.database.writer.read { try TrainingTotals.year($0, 2026) }
        #expect(totals.courses == 2 && totals.total.trained > 0 && totals.total.selfStudied > 0)
    }
}
