import Clubs
import GRDB
import Store
import Vietnamese

/// A club's members and its attendance marks (`--id` the club).
package enum ClubLists {
    package static let all = [members, attendance]

    static func clubName(_ db: Database, _ query: ListQuery) throws -> String {
        try ClubStore.get(db, id: query.id ?? 0, for: .system).name
    }

    package static let members = ListExport(
        "club-members", summary: "Thành viên một câu lạc bộ (--id), cả người đã rời, với tỉ lệ có mặt", entity: "clubMember", needsId: true,
        file: { q in "thanh-vien-\(q.id ?? 0)" }, title: { db, q in "Thành viên \(try clubName(db, q))" }, sheet: { _ in "Thành viên" }
    ) { db, query, principal, _, sink in
        let club = try ClubStore.get(db, id: query.id ?? 0, for: principal)
        let members = try ClubStore.members(db, clubId: club.id!)
        try sink.begin([TableColumn("Họ và tên", width: 26), TableColumn("Thôn", width: 14), TableColumn("Vai trò", width: 14),
                        TableColumn("Ngày vào", width: 11), TableColumn("Ngày rời", width: 11), TableColumn("Tỉ lệ có mặt", width: 12)])
        for member in members {
            try sink.row([.text(member.fullName), Cells.text(member.village), .text(member.member.role.label), .date(member.member.joinedOn),
                          Cells.date(member.member.leftOn), member.attendanceRate.map { TableCell.percent(Double($0) / 100) } ?? .empty])
        }
        return members.count
    }

    package static let attendance = ListExport(
        "club-attendance", summary: "Điểm danh các buổi sinh hoạt của một câu lạc bộ (--id)", entity: "attendance", needsId: true,
        file: { q in "diem-danh-\(q.id ?? 0)" }, title: { db, q in "Điểm danh \(try clubName(db, q))" }, sheet: { _ in "Điểm danh" }
    ) { db, query, principal, _, sink in
        let club = try ClubStore.get(db, id: query.id ?? 0, for: principal)
        let rows = try ClubStore.attendanceRecords(db, clubId: club.id!)
        try sink.begin([TableColumn("Ngày", width: 11), TableColumn("Nội dung", width: 30), TableColumn("Họ và tên", width: 26), TableColumn("Điểm danh", width: 10)])
        for row in rows { try sink.row([.date(row.date), Cells.text(row.topic), .text(row.fullName), .text(row.status.label)]) }
        return rows.count
    }
}
