import BackOffice
import Campaigns
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Campaign pages")
struct CampaignPagesTests {
    @Test("The officer plans a campaign, adds an activity and a task, approves it; the village editor records the outcomes of its own activity only")
    func planAndRecord() async throws {
        let commune = try await TestCommune()
        try await commune.run { officer in
            _ = try await officer.signIn("canbo", TestCommune.password)
            let form = try await officer.get("/campaigns/new?observance=reading-day")
            #expect(form.text.contains("Ngày Sách và Văn hóa đọc Việt Nam năm"))
            let created = try await officer.post("/campaigns", ["title": "Ngày Sách 2026", "observanceKey": "reading-day", "startDate": "15/04/2026",
                                                               "endDate": "25/04/2026", "leadUnitId": String(commune.villageB)])
            #expect(created.status == .found)
            let path = try #require(created.location).components(separatedBy: "?")[0]
            try await officer.get(path + "/activities/new")
            let own = try await officer.post(path + "/activities", ["kind": "book_fair", "title": "Ngày hội sách thôn A", "startsAt": "21/04/2026 07:30",
                                                                    "endsAt": "21/04/2026 11:00", "unitId": String(commune.villageA), "channels": "zalo",
                                                                    "expectedParticipants": "150"])
            #expect(own.status == .found)
            _ = try await officer.post(path + "/activities", ["kind": "reading_session", "title": "Đọc sách thôn B", "startsAt": "22/04/2026",
                                                             "unitId": String(commune.villageB)])
            let bad = try await officer.post(path + "/activities", ["kind": "contest", "title": "Thi", "startsAt": "32/04/2026", "unitId": String(commune.villageA)])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Bắt đầu dạng dd/MM/yyyy HH:mm"))
            _ = try await officer.post(path + "/assignments", ["unitId": String(commune.villageA), "task": "Mượn bàn ghế", "dueDate": "18/04/2026"])
            _ = try await officer.post(path + "/budget", ["item": "In băng rôn", "source": "state_budget", "planned": "1.500.000", "spent": ""])
            let lineId = try await commune.database.read { try BudgetLine.fetchOne($0)!.id! }
            #expect(try await officer.post(path + "/budget/\(lineId)",
                                           ["item": "In băng rôn", "source": "state_budget", "planned": "1.500.000",
                                            "spent": "1.350.000"]).status == .found)
            #expect(try await officer.get(path).text.contains("1.350.000 đ"))
            let taskId = try await commune.database.read { try Assignment.fetchOne($0)!.id! }
            #expect(try await officer.post("/campaigns/assignments/\(taskId)",
                                           ["unitId": String(commune.villageA), "task": "Mượn bàn ghế, loa",
                                            "dueDate": "17/04/2026"]).status == .found)
            #expect(try await officer.get(path).text.contains("Mượn bàn ghế, loa"))
            #expect(try await officer.post(path + "/status", ["status": "running"]).status == .conflict)
            #expect(try await officer.post(path + "/status", ["status": "approved"]).status == .found)
            let page = try await officer.get(path)
            #expect(page.text.contains("Đã duyệt") && page.text.contains("1.500.000 đ") && page.text.contains("Mượn bàn ghế"))
            #expect(try await officer.get("/campaigns/calendar?year=2026").text.contains("Ngày hội sách thôn A"))

            let activities = try await commune.database.read { try Activity.order(Column("id")).fetchAll($0) }
            let editor = Browser(officer.client)
            _ = try await editor.signIn("thona", TestCommune.password)
            let tasks = try await editor.get("/campaigns/tasks")
            #expect(tasks.text.contains("Ngày hội sách thôn A") && !tasks.text.contains("Đọc sách thôn B") && tasks.text.contains("Mượn bàn ghế"))
            try await editor.get("/campaigns/activities/\(activities[0].id!)/outcomes")
            let saved = try await editor.post("/campaigns/activities/\(activities[0].id!)/outcomes",
                                              ["participantsMale": "60", "participantsFemale": "85", "booksLent": "210", "notes": "Đông vui"])
            #expect(saved.status == .found)
            #expect(try await editor.get("/campaigns/activities/\(activities[1].id!)/outcomes").status == .forbidden)
            #expect(try await editor.post("/campaigns/activities/\(activities[1].id!)/outcomes", ["booksLent": "5"]).status == .forbidden)
            #expect(try await editor.post(path + "/status", ["status": "running"]).status == .forbidden)
            let after = try await editor.get(path)
            #expect(after.text.contains("145") && after.text.contains("210"))
            let report = try await editor.get(path + "/report")
            #expect(report.text.contains("thu hút 145 lượt người tham gia (85 nữ"))
            #expect(report.text.contains("1.500.000 đ"))
        }
    }

    @Test("A plan from the Reading Day template, then copied to the next year")
    func templateAndClone() async throws {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            for (name, kind) in [("Thư viện xã", "commune_library"), ("Trường Tiểu học", "school"), ("UBND xã", "commune_committee")] {
                _ = try UnitStore.create(db, UnitInput(name: name, kind: kind), by: .system)
            }
        }
        try await commune.run { officer in
            _ = try await officer.signIn("canbo", TestCommune.password)
            let list = try await officer.get("/campaigns")
            #expect(list.text.contains("Ngày Sách và Văn hóa đọc Việt Nam (21/4)"))
            let made = try await officer.post("/campaigns/from-template", ["template": "reading-day.yaml", "year": "2027"])
            #expect(made.status == .found)
            let path = try #require(made.location).components(separatedBy: "?")[0]
            let page = try await officer.get(path)
            #expect(page.text.contains("Ngày Sách và Văn hóa đọc Việt Nam năm 2027") && page.text.contains("21/04/2027 07:30"))
            let copied = try await officer.post(path + "/clone", ["year": "2028"])
            let copy = try await officer.get(try #require(copied.location).components(separatedBy: "?")[0])
            #expect(copy.text.contains("Ngày Sách và Văn hóa đọc Việt Nam năm 2028") && copy.text.contains("21/04/2028 07:30"))
            #expect(try await officer.post("/campaigns/from-template", ["template": "nope.yaml", "year": "2027"]).status == .unprocessableContent)
        }
    }
}
