import Foundation
import GRDB
import Store
import Vietnamese

/// Honours for the demo commune: last year's nominations from villages and the Study Promotion Association, the
/// council's review (one rejected, one held back by a discipline flag), two issued decisions — commendations and
/// "Gia đình học tập" titles — and two good models. Deterministic, like the rest of the demo.
package enum DemoHonours {
    @discardableResult
    package static func seed(_ db: Database, forms: HonourForms, today: CivilDate = .today(), now: Date = Date()) throws -> Int {
        guard try Nomination.fetchCount(db) == 0 else { return 0 }
        let year = today.year - 1
        let actor = Principal.system
        let villages = try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.village.rawValue).order(OrgUnit.Columns.sortKey).fetchAll(db)
        guard let association = try OrgUnit.filter(OrgUnit.Columns.kind == UnitKind.studyPromotion.rawValue).fetchOne(db), villages.count >= 3,
              forms.form("giay-khen-xa") != nil, forms.form("gia-dinh-hoc-tap") != nil else { return 0 }
        let people = try Person.filter(sql: "birthYear < ?", arguments: [today.year - 25]).order(Column("id")).limit(8, offset: 60).fetchAll(db)
        let households = try Household.order(Column("id")).limit(6, offset: 10).fetchAll(db)
        let clan = try HonoursRegister.addClan(db, name: "Dòng họ A Lăng", villageId: villages[0].id, notes: "Nhiều đời hiếu học", by: actor, now: now)
        _ = try HonoursRegister.addClan(db, name: "Dòng họ Y Bơr", villageId: villages[1].id, notes: nil, by: actor, now: now)
        let club = try Int64.fetchOne(db, sql: "SELECT id FROM club ORDER BY id LIMIT 1")

        var commendations: [Int64] = [], titles: [Int64] = []
        func nominate(_ kind: RecipientKind, _ id: Int64, _ form: String, _ achievement: String, by unit: Int64) throws -> Int64 {
            let nomination = try NominationStore.create(db, .init(year: year, recipientKind: kind.rawValue, recipientId: id, achievement: achievement,
                                                                  formKey: form, commendationType: CommendationType.regular.rawValue, proposingUnitId: unit),
                                                        forms: forms, by: actor, now: now)
            try NominationStore.submit(db, id: nomination.id!, by: actor, now: now)
            return nomination.id!
        }
        let achievements = [
            "Tích cực vận động con em đến trường, duy trì tủ sách gia đình và đọc sách cùng con mỗi tối.",
            "Nhiệt tình tham gia câu lạc bộ đọc sách, hướng dẫn thiếu nhi mượn sách tại nhà văn hóa thôn.",
            "Đóng góp ngày công, vật liệu sửa chữa phòng đọc nhà văn hóa; vận động bà con tham gia lớp học kỹ năng số.",
            "Gương mẫu trong phong trào khuyến học, khuyến tài; hỗ trợ học sinh nghèo vượt khó.",
        ]
        for (index, person) in people.prefix(5).enumerated() {
            commendations.append(try nominate(.individual, person.id!, "giay-khen-xa", achievements[index % achievements.count],
                                              by: villages[index % villages.count].id!))
        }
        commendations.append(try nominate(.clan, clan.id!, "giay-khen-xa", "Dòng họ có nhiều con cháu học giỏi, lập quỹ khuyến học dòng họ trao thưởng hằng năm.",
                                          by: association.id!))
        if let club {
            commendations.append(try nominate(.club, club, "giay-khen-xa", "Câu lạc bộ sinh hoạt đều đặn hằng tháng, thu hút đông thiếu nhi đến đọc sách.",
                                              by: association.id!))
        }
        for household in households.prefix(4) {
            titles.append(try nominate(.household, household.id!, "gia-dinh-hoc-tap",
                                       "Gia đình đạt đủ tiêu chí Gia đình học tập: các thành viên đều tham gia học tập, có tủ sách gia đình.",
                                       by: association.id!))
        }
        // One nominee is under investigation: the council's vote cannot make the approval pass.
        let flagged = people[5]
        let held = try nominate(.individual, flagged.id!, "giay-khen-xa", achievements[3], by: villages[2].id!)
        _ = try Discipline.flag(db, personId: flagged.id!, kind: "investigation", since: CivilDate(year: year, month: 11, day: 1)!.display, until: nil,
                                note: "Đang xem xét đơn phản ánh", by: actor)
        let rejected = try nominate(.individual, people[6].id!, "giay-khen-xa", "Có tham gia một số buổi sinh hoạt câu lạc bộ trong năm.", by: villages[1].id!)

        let meeting = try NominationStore.recordMeeting(db, date: CivilDate(year: year, month: 12, day: 10)!.display, minutesRef: "Biên bản số 02/BB-HĐTĐKT",
                                                        members: 7, notes: "Họp xét khen thưởng cuối năm", by: actor, now: now)
        for id in commendations + titles + [held, rejected] {
            try NominationStore.review(db, id: id, meetingId: meeting.id!, votesFor: id == rejected ? 2 : 7, votesAgainst: id == rejected ? 5 : 0, by: actor, now: now)
        }
        let decisionDay = CivilDate(year: year, month: 12, day: 20)!
        for id in commendations + titles { try NominationStore.decide(db, id: id, approve: true, forms: forms, by: actor, today: decisionDay, now: now) }
        try NominationStore.decide(db, id: rejected, approve: false, reason: "Thành tích chưa nổi bật, chưa đủ tiêu chuẩn", forms: forms, by: actor,
                                   today: decisionDay, now: now)

        let first = try DecisionStore.createDraft(db, .init(formKey: "giay-khen-xa", year: year,
                                                            subject: "Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích trong phong trào học tập suốt đời năm \(year)",
                                                            nominationIds: commendations), forms: forms, by: actor, now: now)
        _ = try DecisionStore.issue(db, id: first.id!, date: decisionDay.display, by: actor, now: now)
        let second = try DecisionStore.createDraft(db, .init(formKey: "gia-dinh-hoc-tap", year: year,
                                                             subject: "Về việc công nhận danh hiệu \"Gia đình học tập\" năm \(year)", nominationIds: titles),
                                                   forms: forms, by: actor, now: now)
        _ = try DecisionStore.issue(db, id: second.id!, date: decisionDay.adding(days: 2).display, by: actor, now: now)

        _ = try HonoursRegister.addGoodModel(db, title: "Tủ sách luân chuyển giữa các nhà văn hóa thôn", unitId: villages[0].id, year: year,
                                             description: "Mỗi quý các thôn đổi tủ sách cho nhau, thiếu nhi có sách mới mà không tốn thêm kinh phí.",
                                             replicatedWhere: "\(villages[1].name), \(villages[2].name)", by: actor, now: now)
        _ = try HonoursRegister.addGoodModel(db, title: "Lớp kỹ năng số buổi tối cho người lớn tuổi", unitId: association.id, year: year,
                                             description: "Đoàn viên thanh niên hướng dẫn bà con dùng điện thoại tra cứu thông tin, dịch vụ công trực tuyến.",
                                             replicatedWhere: nil, by: actor, now: now)
        return commendations.count + titles.count
    }
}
