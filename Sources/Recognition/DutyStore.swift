import Foundation
import GRDB
import Store
import Vietnamese

/// How far a unit got with a standing duty in a year.
package enum DutyStatus: String, Codable, CaseIterable, Sendable, Labelled {
    case notStarted = "not_started", inProgress = "in_progress", done, notDone = "not_done"

    package var label: String {
        switch self {
        case .notStarted: return "Chưa triển khai"
        case .inProgress: return "Đang thực hiện"
        case .done: return "Đã hoàn thành"
        case .notDone: return "Không hoàn thành"
        }
    }

    package var englishLabel: String {
        switch self {
        case .notStarted: return "Not started"
        case .inProgress: return "In progress"
        case .done: return "Done"
        case .notDone: return "Not done"
        }
    }
}

package struct DutyRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    package static let databaseTableName = "dutyStatus"
    package var year: Int
    package var dutyKey: String
    package var unitId: Int64
    package var status: DutyStatus
    /// What shows it was done: a plan's number, a report, a count ("Kế hoạch số 12/KH-THCS ngày 10/9").
    package var evidence: String?
    package var updatedBy: String
    package var updatedAt: Date
}

/// A unit's standing duties of the programme, year by year: written by the unit's own editor or commune staff.
package enum DutyStore {
    package struct Line: Sendable, Equatable {
        package let duty: ProgrammeDuty
        package let status: DutyStatus
        package let evidence: String?
    }

    /// The duties that fall to a unit, with what was recorded for the year (not started when nothing was).
    package static func lines(_ db: Database, unit: OrgUnit, year: Int, programme: Programme) throws -> [Line] {
        let records = Dictionary(uniqueKeysWithValues: try DutyRecord.filter(Column("year") == year && Column("unitId") == unit.id!).fetchAll(db)
            .map { ($0.dutyKey, $0) })
        return programme.duties(for: unit.kind).map { duty in
            Line(duty: duty, status: records[duty.key]?.status ?? .notStarted, evidence: records[duty.key]?.evidence)
        }
    }

    package static func record(_ db: Database, unitId: Int64, dutyKey: String, year: Int, status: String, evidence: String?,
                              programme: Programme, by principal: Principal, now: Date = Date()) throws {
        guard let unit = try OrgUnit.fetchOne(db, key: unitId) else { throw DomainError.notFound("đơn vị", english: "Unit") }
        try principal.require(principal.canWrite(unitId: unitId))
        guard let duty = programme.duty(dutyKey), duty.unitKinds.contains(unit.kind) else {
            throw DomainError.notFound("nhiệm vụ của đơn vị này", english: "Duty of this unit")
        }
        var errors: [String: String] = [:]
        let chosen = DutyStatus(rawValue: status)
        if chosen == nil { errors["status"] = "Chọn tình trạng" }
        if !(2000...2100).contains(year) { errors["year"] = "Năm từ 2000 đến 2100" }
        let evidence = VietnameseText.cleanOrNil(evidence)
        if let evidence, let problem = TextRules.problem(in: evidence, limit: 1000) { errors["evidence"] = problem }
        if chosen == .done && evidence == nil { errors["evidence"] = "Ghi minh chứng đã hoàn thành (kế hoạch, báo cáo, số liệu)" }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let before = try DutyRecord.fetchOne(db, key: ["year": year, "dutyKey": dutyKey, "unitId": unitId])
        let record = DutyRecord(year: year, dutyKey: duty.key, unitId: unitId, status: chosen!, evidence: evidence, updatedBy: principal.login, updatedAt: now)
        try record.save(db)
        try Audit.record(db, by: principal, before == nil ? .create : .update, entity: "dutyStatus", id: unitId, before: before, after: record, at: now)
    }

    /// The yearly report's summary: for each duty, how many of the units it falls to finished it, with their evidence.
    package struct Summary: Sendable, Equatable {
        package let duty: ProgrammeDuty
        package let units: Int
        package let done: Int
        package let inProgress: Int
        /// "Trường TH Đăk Tờ Re: Kế hoạch số 12/KH-TH" for each unit that recorded evidence.
        package let evidence: [String]
    }

    package static func summary(_ db: Database, year: Int, programme: Programme) throws -> [Summary] {
        let units = try OrgUnit.filter(Column("isActive") == true).order(OrgUnit.Columns.sortKey).fetchAll(db)
        let records = try DutyRecord.filter(Column("year") == year).fetchAll(db)
        return programme.duties.map { duty in
            let assigned = units.filter { duty.unitKinds.contains($0.kind) }
            let mine = records.filter { $0.dutyKey == duty.key }
            let byUnit = Dictionary(uniqueKeysWithValues: mine.map { ($0.unitId, $0) })
            return Summary(duty: duty, units: assigned.count,
                           done: assigned.filter { byUnit[$0.id!]?.status == .done }.count,
                           inProgress: assigned.filter { byUnit[$0.id!]?.status == .inProgress }.count,
                           evidence: assigned.compactMap { unit in byUnit[unit.id!]?.evidence.map { "\(unit.name): \($0)" } })
        }
    }
}
