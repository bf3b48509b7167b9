import Foundation
import GRDB
import Store
import Vietnamese

package struct TrainingCourse: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable, Equatable {
    package static let databaseTableName = "trainingCourse"
    package var id: Int64?
    package var title: String
    package var organiser: String
    package var level: TrainingLevel
    package var topic: TrainingTopic
    package var startDate: CivilDate
    package var endDate: CivilDate
    package var minutes: Int
    package var place: String?
    package var notes: String?
    package var createdAt: Date
    package var updatedAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct TrainingParticipant: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    package static let databaseTableName = "trainingParticipant"
    package var courseId: Int64
    package var personId: Int64
    package var unitId: Int64?
    package var role: ParticipantRole
    package var attended: Bool
    /// The certificate obtained ("Giấy chứng nhận số 12/GCN-SVHTTDL"), nil when none.
    package var certificate: String?
}

package struct SelfStudy: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    package static let databaseTableName = "selfStudy"
    package var id: Int64?
    package var personId: Int64
    package var unitId: Int64?
    package var date: CivilDate
    package var minutes: Int
    package var topic: TrainingTopic
    package var description: String
    package var enteredBy: String
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Courses, their participants and self-study: commune staff run the courses; a unit's editor records the
/// participation and self-study of the people who serve in their own units.
package enum TrainingStore {
    package struct CourseInput: Sendable {
        package var title: String
        package var organiser: String
        package var level: String
        package var topic: String
        package var startDate: String
        package var endDate: String
        package var hours: String
        package var place: String?
        package var notes: String?
        package init(title: String, organiser: String, level: String, topic: String, startDate: String, endDate: String, hours: String,
                    place: String? = nil, notes: String? = nil) {
            self.title = title; self.organiser = organiser; self.level = level; self.topic = topic; self.startDate = startDate
            self.endDate = endDate; self.hours = hours; self.place = place; self.notes = notes
        }
    }

    /// A course from its input; every field's problem named in Vietnamese.
    static func validated(_ input: CourseInput) throws -> (title: String, organiser: String, level: TrainingLevel, topic: TrainingTopic,
                                                          start: CivilDate, end: CivilDate, minutes: Int) {
        var errors: [String: String] = [:]
        let title = VietnameseText.clean(input.title), organiser = VietnameseText.clean(input.organiser)
        if title.isEmpty { errors["title"] = "Nhập tên lớp, hội thảo" } else if let problem = TextRules.problem(in: title, limit: 300) { errors["title"] = problem }
        if organiser.isEmpty { errors["organiser"] = "Nhập đơn vị tổ chức" } else if let problem = TextRules.problem(in: organiser, limit: 300) { errors["organiser"] = problem }
        let level = TrainingLevel(rawValue: input.level), topic = TrainingTopic(rawValue: input.topic)
        if level == nil { errors["level"] = "Chọn cấp tổ chức" }
        if topic == nil { errors["topic"] = "Chọn chủ đề" }
        let start = CivilDate(parsing: input.startDate)
        let end = VietnameseText.clean(input.endDate).isEmpty ? start : CivilDate(parsing: input.endDate)
        if start == nil { errors["startDate"] = CivilDate.problem(parsing: input.startDate, what: "Ngày bắt đầu") }
        if end == nil { errors["endDate"] = CivilDate.problem(parsing: input.endDate, what: "Ngày kết thúc") }
        if let start, let end, end < start { errors["endDate"] = "Ngày kết thúc trước ngày bắt đầu" }
        let minutes = HoursText.minutes(input.hours)
        if minutes == nil || minutes! <= 0 || minutes! > 60 * 24 * 90 { errors["hours"] = "Số giờ học, ví dụ 16 hoặc 3,5" }
        for (field, text) in [("place", input.place), ("notes", input.notes)] {
            if let text, let problem = TextRules.problem(in: text) { errors[field] = problem }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return (title, organiser, level!, topic!, start!, end!, minutes!)
    }

    package static func create(_ db: Database, _ input: CourseInput, by principal: Principal, now: Date = Date()) throws -> TrainingCourse {
        try principal.require(principal.canWriteCommuneWide)
        let v = try validated(input)
        var course = TrainingCourse(id: nil, title: v.title, organiser: v.organiser, level: v.level, topic: v.topic, startDate: v.start, endDate: v.end,
                                    minutes: v.minutes, place: VietnameseText.cleanOrNil(input.place), notes: VietnameseText.cleanOrNil(input.notes),
                                    createdAt: now, updatedAt: now)
        try course.insert(db)
        try Audit.record(db, by: principal, .create, entity: "trainingCourse", id: course.id, after: course, at: now)
        return course
    }

    package static func update(_ db: Database, id: Int64, _ input: CourseInput, by principal: Principal, now: Date = Date()) throws -> TrainingCourse {
        try principal.require(principal.canWriteCommuneWide)
        var course = try get(db, id: id)
        let before = course
        let v = try validated(input)
        course.title = v.title; course.organiser = v.organiser; course.level = v.level; course.topic = v.topic
        course.startDate = v.start; course.endDate = v.end; course.minutes = v.minutes
        course.place = VietnameseText.cleanOrNil(input.place); course.notes = VietnameseText.cleanOrNil(input.notes); course.updatedAt = now
        try course.update(db)
        try Audit.record(db, by: principal, .update, entity: "trainingCourse", id: id, before: before, after: course, at: now)
        return course
    }

    package static func get(_ db: Database, id: Int64) throws -> TrainingCourse {
        guard let course = try TrainingCourse.fetchOne(db, key: id) else { throw DomainError.notFound("lớp bồi dưỡng", english: "Course") }
        return course
    }

    package struct CourseItem: Sendable {
        package let course: TrainingCourse
        package let participants: Int
        package let attended: Int
        package let certificates: Int
        package init(course: TrainingCourse, participants: Int, attended: Int, certificates: Int) {
            self.course = course; self.participants = participants; self.attended = attended; self.certificates = certificates
        }
    }

    /// The courses that started in a year, newest first, with their counts.
    package static func courses(_ db: Database, year: Int) throws -> [CourseItem] {
        try Row.fetchAll(db, sql: """
            SELECT c.*, count(p.personId) AS participants, coalesce(sum(p.attended), 0) AS attended,
                   count(p.certificate) AS certificates
            FROM trainingCourse c LEFT JOIN trainingParticipant p ON p.courseId = c.id
            WHERE substr(c.startDate, 1, 4) = ? GROUP BY c.id ORDER BY c.startDate DESC, c.id DESC
            """, arguments: [String(year)]).map {
            CourseItem(course: try TrainingCourse(row: $0), participants: $0["participants"], attended: $0["attended"], certificates: $0["certificates"])
        }
    }

    // MARK: Participants

    package struct ParticipantInput: Sendable {
        package var personId: Int64?
        package var unitId: Int64?
        package var role: String
        package var attended: Bool
        package var certificate: String?
        package init(personId: Int64?, unitId: Int64?, role: String = "staff", attended: Bool = true, certificate: String? = nil) {
            self.personId = personId; self.unitId = unitId; self.role = role; self.attended = attended; self.certificate = certificate
        }
    }

    /// Adds someone to a course, or corrects their attendance and certificate. A unit editor may act only for people
    /// who serve in one of their units (and only name such a unit); commune staff for anyone.
    package static func saveParticipant(_ db: Database, courseId: Int64, _ input: ParticipantInput, by principal: Principal) throws -> TrainingParticipant {
        _ = try get(db, id: courseId)
        var errors: [String: String] = [:]
        if input.personId == nil { errors["personId"] = "Chọn người tham gia" }
        let role = ParticipantRole(rawValue: input.role)
        if role == nil { errors["role"] = "Chọn cán bộ hoặc tình nguyện viên" }
        if let unitId = input.unitId, try OrgUnit.fetchOne(db, key: unitId) == nil { errors["unitId"] = "Đơn vị không tồn tại" }
        let certificate = VietnameseText.cleanOrNil(input.certificate)
        if let certificate, let problem = TextRules.problem(in: certificate, limit: 200) { errors["certificate"] = problem }
        if certificate != nil && !input.attended { errors["certificate"] = "Người vắng mặt không có chứng chỉ của lớp" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        _ = try PersonStore.get(db, id: input.personId!, for: .system)
        let existing = try TrainingParticipant.fetchOne(db, key: ["courseId": courseId, "personId": input.personId!])
        try principal.require(principal.canWriteCommuneWide || (principal.canWrite(unitId: input.unitId) && input.unitId != nil
                                                                  && (existing == nil || principal.canWrite(unitId: existing?.unitId))))
        let participant = TrainingParticipant(courseId: courseId, personId: input.personId!, unitId: input.unitId, role: role!,
                                              attended: input.attended, certificate: certificate)
        try participant.save(db)
        try Audit.record(db, by: principal, existing == nil ? .create : .update, entity: "trainingParticipant", id: courseId,
                         before: existing, after: participant)
        return participant
    }

    package static func removeParticipant(_ db: Database, courseId: Int64, personId: Int64, by principal: Principal) throws {
        guard let existing = try TrainingParticipant.fetchOne(db, key: ["courseId": courseId, "personId": personId]) else {
            throw DomainError.notFound("người tham gia", english: "Participant")
        }
        try principal.require(principal.canWriteCommuneWide || principal.canWrite(unitId: existing.unitId))
        try existing.delete(db)
        try Audit.record(db, by: principal, .delete, entity: "trainingParticipant", id: courseId, before: existing)
    }

    package struct ParticipantItem: Sendable {
        package let participant: TrainingParticipant
        package let name: String
        package let sortKey: String
        package let unit: String
    }

    /// A course's participants by given name; a unit-scoped account sees only those of its units.
    package static func participants(_ db: Database, courseId: Int64, for principal: Principal) throws -> [ParticipantItem] {
        try Row.fetchAll(db, sql: """
            SELECT t.*, p.fullName, p.sortKey, coalesce(u.name, '') AS unitName
            FROM trainingParticipant t JOIN person p ON p.id = t.personId LEFT JOIN unit u ON u.id = t.unitId
            WHERE t.courseId = ? ORDER BY p.sortKey
            """, arguments: [courseId]).compactMap { row in
            let participant = try TrainingParticipant(row: row)
            guard principal.canRead(unitId: participant.unitId) else { return nil }
            return ParticipantItem(participant: participant, name: row["fullName"], sortKey: row["sortKey"], unit: row["unitName"])
        }
    }

    // MARK: Self-study

    package struct SelfStudyInput: Sendable {
        package var personId: Int64?
        package var unitId: Int64?
        package var date: String
        package var hours: String
        package var topic: String
        package var description: String
        package init(personId: Int64?, unitId: Int64?, date: String, hours: String, topic: String, description: String) {
            self.personId = personId; self.unitId = unitId; self.date = date; self.hours = hours; self.topic = topic; self.description = description
        }
    }

    package static func addSelfStudy(_ db: Database, _ input: SelfStudyInput, by principal: Principal, today: CivilDate, now: Date = Date()) throws -> SelfStudy {
        var errors: [String: String] = [:]
        if input.personId == nil { errors["personId"] = "Chọn người tự học" }
        if input.unitId == nil { errors["unitId"] = "Chọn đơn vị người đó làm việc" }
        let date = CivilDate(parsing: input.date)
        if date == nil { errors["date"] = CivilDate.problem(parsing: input.date, what: "Ngày") } else if date! > today { errors["date"] = "Ngày tự học chưa tới" }
        let minutes = HoursText.minutes(input.hours)
        if minutes == nil || minutes! <= 0 || minutes! > 24 * 60 { errors["hours"] = "Số giờ từ 0,1 đến 24 (ví dụ 2,5 hoặc 2:30)" }
        let topic = TrainingTopic(rawValue: input.topic)
        if topic == nil { errors["topic"] = "Chọn chủ đề" }
        let description = VietnameseText.clean(input.description)
        if description.isEmpty { errors["description"] = "Ghi nội dung tự học (sách, khóa học trực tuyến…)" }
        else if let problem = TextRules.problem(in: description, limit: 500) { errors["description"] = problem }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try principal.require(principal.canWrite(unitId: input.unitId))
        _ = try PersonStore.get(db, id: input.personId!, for: .system)
        var record = SelfStudy(id: nil, personId: input.personId!, unitId: input.unitId, date: date!, minutes: minutes!, topic: topic!,
                               description: description, enteredBy: principal.login, createdAt: now)
        try record.insert(db)
        try Audit.record(db, by: principal, .create, entity: "selfStudy", id: record.id, after: record, at: now)
        return record
    }

    package struct SelfStudyItem: Sendable { package let record: SelfStudy; package let name: String; package let unit: String }

    package static func selfStudy(_ db: Database, year: Int, for principal: Principal) throws -> [SelfStudyItem] {
        try Row.fetchAll(db, sql: """
            SELECT s.*, p.fullName, coalesce(u.name, '') AS unitName FROM selfStudy s JOIN person p ON p.id = s.personId
            LEFT JOIN unit u ON u.id = s.unitId WHERE substr(s.date, 1, 4) = ? ORDER BY s.date DESC, s.id DESC
            """, arguments: [String(year)]).compactMap { row in
            let record = try SelfStudy(row: row)
            guard principal.canRead(unitId: record.unitId) else { return nil }
            return SelfStudyItem(record: record, name: row["fullName"], unit: row["unitName"])
        }
    }
}
