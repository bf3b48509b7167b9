import Foundation
import GRDB
import Honours
import Store
import Vietnamese

package struct Registration: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Identifiable {
    package static let databaseTableName = "registration"
    package var id: Int64?
    package var year: Int
    package var setKey: String
    package var subjectKind: SubjectKind
    package var subjectId: Int64
    package var registeredOn: CivilDate
    /// registered → assessed → approved (recognised or not, by the result) or rejected.
    package var status: String
    package var score: Int?
    package var result: String?
    package var assessedOn: CivilDate?
    package var assessor: String?
    package var decidedBy: String?
    package var nominationId: Int64?
    package var notes: String?
    package var createdAt: Date
    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

package struct AssessmentScore: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    package static let databaseTableName = "assessmentScore"
    package var registrationId: Int64
    package var criterionKey: String
    package var points: Int
    package var passed: Bool
    package var computed: Bool
    package var evidence: String?
}

/// The yearly cycle of a learning-model title: registration at the start of the year, assessment at its end
/// (a score per criterion, pre-filled where the data says, always overridable), the result against the set's
/// thresholds, approval by the commune, and the hand-off of a recognised title to Honours.
package enum RecognitionStore {
    package struct Subject: Sendable { package let name: String; package let place: String; package let scopeUnitId: Int64? }

    package static func subject(_ db: Database, kind: SubjectKind, id: Int64) throws -> Subject? {
        func unitName(_ id: Int64?) throws -> String { try id.flatMap { try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [$0]) } ?? "" }
        switch kind {
        case .household:
            guard let h = try Household.fetchOne(db, key: id) else { return nil }
            return Subject(name: h.name, place: try unitName(h.villageId), scopeUnitId: h.villageId)
        case .clan:
            guard let c = try Clan.fetchOne(db, key: id) else { return nil }
            return Subject(name: c.name, place: try unitName(c.villageId), scopeUnitId: c.villageId)
        case .person:
            guard let p = try Person.fetchOne(db, key: id) else { return nil }
            return Subject(name: p.fullName, place: try unitName(p.villageId), scopeUnitId: p.villageId)
        case .village, .commune, .unit:
            guard let u = try OrgUnit.fetchOne(db, key: id) else { return nil }
            if kind == .village && u.kind != .village { return nil }
            if kind == .commune && u.kind != .communeCommittee { return nil }
            return Subject(name: u.name, place: try unitName(u.parentId), scopeUnitId: id)
        }
    }

    package struct Item: Sendable { package let registration: Registration; package let subject: String; package let place: String; package let scopeUnitId: Int64? }

    package static func list(_ db: Database, year: Int?, setKey: String? = nil, for principal: Principal) throws -> [Item] {
        var request = Registration.all()
        if let year { request = request.filter(Column("year") == year) }
        if let setKey { request = request.filter(Column("setKey") == setKey) }
        return try request.order(Column("year").desc, Column("id")).fetchAll(db).compactMap { registration in
            let subject = try subject(db, kind: registration.subjectKind, id: registration.subjectId)
            guard principal.canRead(unitId: subject?.scopeUnitId) || principal.readScope == .all else { return nil }
            return Item(registration: registration, subject: subject?.name ?? "", place: subject?.place ?? "", scopeUnitId: subject?.scopeUnitId)
        }.sorted { ($0.place, NameSortKey.make($0.subject)) < ($1.place, NameSortKey.make($1.subject)) }
    }

    /// The latest year before `year` with registrations for a set (where an empty year's page points to).
    package static func latestYear(_ db: Database, setKey: String, before year: Int) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT max(year) FROM registration WHERE setKey = ? AND year < ?", arguments: [setKey, year])
    }

    package static func get(_ db: Database, id: Int64, for principal: Principal) throws -> Item {
        guard let registration = try Registration.fetchOne(db, key: id) else { throw DomainError.notFound("đăng ký", english: "Registration") }
        let subject = try subject(db, kind: registration.subjectKind, id: registration.subjectId)
        guard principal.canRead(unitId: subject?.scopeUnitId) else { throw DomainError.outsideScope }
        return Item(registration: registration, subject: subject?.name ?? "", place: subject?.place ?? "", scopeUnitId: subject?.scopeUnitId)
    }

    /// Registers a household, clan, village… for a title in a year (at the start of the year).
    package static func register(_ db: Database, year: Int, set: CriteriaSet, subjectId: Int64, on date: CivilDate = .today(), by principal: Principal,
                                now: Date = Date()) throws -> Registration {
        guard set.years.contains(year) else { throw DomainError.invalid(["year": "Bộ tiêu chí \(set.title) áp dụng \(set.years.lowerBound)–\(set.years.upperBound)"]) }
        guard let subject = try subject(db, kind: set.subject, id: subjectId) else {
            throw DomainError.invalid(["subjectId": "Không tìm thấy \(set.subject.label.lowercased()) này"])
        }
        try principal.require(principal.canWrite(unitId: subject.scopeUnitId))
        if try Registration.filter(Column("year") == year && Column("setKey") == set.key && Column("subjectId") == subjectId).fetchCount(db) > 0 {
            throw DomainError.invalid(["subjectId": "\(subject.name) đã đăng ký \(set.title) năm \(year)"])
        }
        var registration = Registration(id: nil, year: year, setKey: set.key, subjectKind: set.subject, subjectId: subjectId, registeredOn: date,
                                        status: "registered", score: nil, result: nil, assessedOn: nil, assessor: nil, decidedBy: nil, nominationId: nil,
                                        notes: nil, createdAt: now)
        try registration.insert(db)
        try Audit.record(db, by: principal, .create, entity: "registration", id: registration.id, after: registration, at: now)
        return registration
    }

    package static func scores(_ db: Database, registrationId: Int64) throws -> [String: AssessmentScore] {
        Dictionary(uniqueKeysWithValues: try AssessmentScore.filter(Column("registrationId") == registrationId).fetchAll(db).map { ($0.criterionKey, $0) })
    }

    /// What the form shows before the assessor types: saved scores, or computed answers where the data allows.
    package static func prefill(_ db: Database, registration: Registration, set: CriteriaSet, today: CivilDate = .today()) throws -> [String: AssessmentScore] {
        var scores = try scores(db, registrationId: registration.id!)
        for criterion in set.criteria where scores[criterion.key] == nil {
            guard let source = criterion.computed,
                  let answer = try ComputedCriteria.answer(db, source: source, subjectKind: registration.subjectKind, subjectId: registration.subjectId,
                                                           year: registration.year, today: today) else { continue }
            scores[criterion.key] = AssessmentScore(registrationId: registration.id!, criterionKey: criterion.key, points: answer.passed ? criterion.points : 0,
                                                    passed: answer.passed, computed: true, evidence: answer.evidence)
        }
        return scores
    }

    package struct ScoreInput: Sendable, Codable {
        package var points: Int?
        package var passed: Bool?
        package var computed: Bool?
        package var evidence: String?
        package init(points: Int? = nil, passed: Bool? = nil, computed: Bool? = nil, evidence: String? = nil) {
            self.points = points; self.passed = passed; self.computed = computed; self.evidence = evidence
        }
    }

    /// Records the assessment: every criterion scored (points within its maximum, or pass/fail), the total, and the
    /// result against the set's thresholds.
    package static func assess(_ db: Database, id: Int64, set: CriteriaSet, scores input: [String: ScoreInput], on date: CivilDate = .today(),
                              by principal: Principal) throws -> Registration {
        let item = try get(db, id: id, for: principal)
        try principal.require(principal.canWriteCommuneWide || principal.canWrite(unitId: item.scopeUnitId))
        var registration = item.registration
        guard registration.setKey == set.key else { throw DomainError.invalid(["setKey": "Sai bộ tiêu chí"]) }
        guard ["registered", "assessed"].contains(registration.status) else {
            throw DomainError(.conflict, "Kết quả đã được duyệt, không chấm lại được.", english: "Already decided.")
        }
        var errors: [String: String] = [:]
        var rows: [AssessmentScore] = []
        for criterion in set.criteria {
            let given = input[criterion.key] ?? ScoreInput()
            let points: Int
            if set.usesPoints {
                guard let value = given.points, (0...criterion.points).contains(value) else {
                    errors[criterion.key] = "Điểm từ 0 đến \(criterion.points)"
                    continue
                }
                points = value
            } else {
                points = (given.passed ?? false) ? 1 : 0
            }
            rows.append(AssessmentScore(registrationId: id, criterionKey: criterion.key, points: points, passed: points > 0,
                                        computed: given.computed ?? false, evidence: VietnameseText.cleanOrNil(given.evidence)))
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try AssessmentScore.filter(Column("registrationId") == id).deleteAll(db)
        for row in rows { try row.insert(db) }
        let before = registration
        let score = rows.reduce(0) { $0 + $1.points }
        registration.score = score
        registration.result = set.result(points: Dictionary(uniqueKeysWithValues: rows.map { ($0.criterionKey, $0.points) }))?.label
        registration.status = "assessed"
        registration.assessedOn = date
        registration.assessor = principal.login
        try registration.update(db)
        try Audit.record(db, by: principal, .update, entity: "registration", id: id, before: before, after: registration)
        return registration
    }

    /// The commune approves the result (or rejects the assessment with a reason). A recognised title whose set names
    /// an honour form becomes an approved nomination for the year's decision.
    package static func decide(_ db: Database, id: Int64, approve: Bool, reason: String? = nil, set: CriteriaSet, forms: HonourForms,
                              by principal: Principal, now: Date = Date()) throws -> Registration {
        try principal.require(principal.canWriteCommuneWide)
        guard var registration = try Registration.fetchOne(db, key: id) else { throw DomainError.notFound("đăng ký", english: "Registration") }
        guard registration.status == "assessed" else {
            throw DomainError(.conflict, "Chỉ duyệt kết quả đã chấm (hiện: \(registration.status)).", english: "Only assessed registrations can be decided.")
        }
        let before = registration
        registration.decidedBy = principal.login
        if approve {
            registration.status = "approved"
            if registration.result != nil, let formKey = set.honourForm, let kind = honourKind(registration.subjectKind) {
                let proposer = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'study_promotion' ORDER BY id LIMIT 1")
                    ?? Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'commune_committee' ORDER BY id LIMIT 1")
                if let proposer {
                    let achievement = "Đạt \(set.title) năm \(registration.year)" + (set.usesPoints ? " (\(registration.score ?? 0)/\(set.maximum) điểm)" : "")
                    registration.nominationId = try NominationStore.createRecognised(
                        db, year: registration.year, kind: kind, recipientId: registration.subjectId, formKey: formKey, achievement: achievement,
                        proposingUnitId: proposer, assessmentId: id, forms: forms, by: principal, now: now).id
                }
            }
        } else {
            guard let reason = VietnameseText.cleanOrNil(reason) else { throw DomainError.invalid(["reason": "Ghi lý do"]) }
            registration.status = "rejected"
            registration.notes = reason
        }
        try registration.update(db)
        try Audit.record(db, by: principal, .update, entity: "registration", id: id, before: before, after: registration, at: now)
        return registration
    }

    static func honourKind(_ subject: SubjectKind) -> RecipientKind? {
        switch subject {
        case .household: return .household
        case .clan: return .clan
        case .village, .unit: return .unit
        case .person: return .individual
        case .commune: return nil
        }
    }

    // MARK: Progress

    package struct Progress: Sendable, Equatable {
        package let set: String
        package let title: String
        package let population: Int
        package let registered: Int
        package let assessed: Int
        package let recognised: Int
        /// The national target for 2025 this title counts towards, in % of the population.
        package let target: Int?
        package var share: Double { population == 0 ? 0 : Double(recognised) * 100 / Double(population) }
    }

    /// Targets for 2025 by subject: QĐ 387/QĐ-TTg (households, clans, villages, units) and QĐ 677/QĐ-TTg (citizens:
    /// 40% of adults).
    package static let nationalTargets: [SubjectKind: Int] = [.household: 70, .clan: 65, .village: 65, .unit: 80, .person: 40]

    package static func population(_ db: Database, _ kind: SubjectKind, year: Int, villageId: Int64? = nil) throws -> Int {
        switch kind {
        case .household: return try Int.fetchOne(db, sql: "SELECT count(*) FROM household\(villageId == nil ? "" : " WHERE villageId = ?")",
                                                 arguments: villageId.map { [$0] } ?? []) ?? 0
        case .clan: return try Int.fetchOne(db, sql: "SELECT count(*) FROM clan\(villageId == nil ? "" : " WHERE villageId = ?")", arguments: villageId.map { [$0] } ?? []) ?? 0
        case .village: return try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE kind = 'village' AND isActive") ?? 0
        case .commune: return 1
        case .unit: return try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE isActive AND kind NOT IN ('village','commune_committee')") ?? 0
        // Adults: 15 and over in the year counted.
        case .person: return try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE birthYear <= ?\(villageId == nil ? "" : " AND villageId = ?")",
                                              arguments: [year - 15] + (villageId.map { [$0] } ?? [])) ?? 0
        }
    }

    /// Counts per title for a year (optionally one village): registered, assessed, recognised, against the target.
    package static func progress(_ db: Database, year: Int, sets: CriteriaSets, villageId: Int64? = nil) throws -> [Progress] {
        try sets.sets.map { set in
            var registrations = try Registration.filter(Column("year") == year && Column("setKey") == set.key).fetchAll(db)
            if let villageId {
                registrations = try registrations.filter { try subject(db, kind: $0.subjectKind, id: $0.subjectId)?.scopeUnitId == villageId || $0.subjectId == villageId }
            }
            return Progress(set: set.key, title: set.title, population: try population(db, set.subject, year: year, villageId: villageId), registered: registrations.count,
                            assessed: registrations.filter { $0.status != "registered" }.count,
                            recognised: registrations.filter { $0.status == "approved" && $0.result != nil }.count,
                            target: nationalTargets[set.subject])
        }
    }
}
