import Foundation
import GRDB
import Store
import Vietnamese

/// Training for the demo commune: last year's and this year's courses (digital skills at the commune, library skills
/// at the province, heritage education online) with staff of the libraries, cultural houses and schools, and some
/// self-study.
package enum DemoTraining {
    @discardableResult
    package static func seed(_ db: Database, today: CivilDate = .today(), now: Date = Date()) throws -> Int {
        guard try TrainingCourse.fetchCount(db) == 0 else { return 0 }
        let units = try OrgUnit.filter([UnitKind.communeLibrary, .schoolLibrary, .culturalHouse, .school, .studyPromotion].map(\.rawValue)
            .contains(OrgUnit.Columns.kind)).order(OrgUnit.Columns.sortKey).fetchAll(db)
        guard !units.isEmpty else { return 0 }
        // One person serves each unit; they are the commune's own residents, the first adults of the register.
        var staff = try Person.filter(Column("birthYear") <= today.year - 25 && Column("birthYear") >= today.year - 55)
            .order(Column("id")).limit(units.count).fetchAll(db)
        if staff.isEmpty { staff = try Person.order(Column("id")).limit(units.count).fetchAll(db) }
        let actor = Principal.system
        let courses: [(year: Int, TrainingStore.CourseInput)] = [
            (today.year - 1, .init(title: "Bồi dưỡng kỹ năng số cho cán bộ thư viện, nhà văn hóa", organiser: "UBND xã", level: "commune", topic: "digital",
                                   startDate: "12/05/\(today.year - 1)", endDate: "13/05/\(today.year - 1)", hours: "16", place: "Nhà văn hóa xã")),
            (today.year - 1, .init(title: "Tập huấn nghiệp vụ thư viện cơ sở", organiser: "Thư viện tỉnh Kon Tum", level: "province", topic: "library",
                                   startDate: "18/09/\(today.year - 1)", endDate: "20/09/\(today.year - 1)", hours: "24", place: "Thành phố Kon Tum")),
            (today.year, .init(title: "Giáo dục di sản trong thư viện, nhà văn hóa", organiser: "Bộ Văn hóa, Thể thao và Du lịch", level: "online",
                               topic: "heritage", startDate: "10/03/\(today.year)", endDate: "10/03/\(today.year)", hours: "3,5")),
            (today.year, .init(title: "Chuyển đổi số trong phục vụ học tập suốt đời", organiser: "Sở Văn hóa, Thể thao và Du lịch", level: "province", topic: "digital",
                               startDate: "15/07/\(today.year)", endDate: "16/07/\(today.year)", hours: "12", place: "Thành phố Kon Tum")),
        ]
        var made = 0
        for (index, (_, input)) in courses.enumerated() {
            let course = try TrainingStore.create(db, input, by: actor, now: now)
            for (position, person) in staff.enumerated() where (position + index) % 3 != 0 || input.topic == "digital" {
                let attended = position % 7 != 6
                let certificate = input.level == "province" && attended ? "Giấy chứng nhận số \(String(format: "%02d", position + 1))/GCN" : nil
                _ = try TrainingStore.saveParticipant(db, courseId: course.id!, .init(personId: person.id, unitId: units[position].id, role: "staff",
                                                                                      attended: attended, certificate: certificate), by: actor)
            }
            made += 1
        }
        let studyYear = today.month >= 7 ? today.year : today.year - 1
        for (position, person) in staff.prefix(6).enumerated() {
            _ = try TrainingStore.addSelfStudy(db, .init(personId: person.id, unitId: units[position].id, date: "0\(position + 2)/0\(position % 3 + 4)/\(studyYear)",
                                                       hours: position % 2 == 0 ? "2" : "1,5", topic: position % 2 == 0 ? "digital" : "library",
                                                       description: position % 2 == 0
                                                           ? "Khóa học trực tuyến \"Kỹ năng số cơ bản\" trên nền tảng học tập số"
                                                           : "Đọc tài liệu nghiệp vụ thư viện số"),
                                           by: actor, today: today, now: now)
        }
        return made
    }
}
