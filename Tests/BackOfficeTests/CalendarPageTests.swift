import BackOffice
import Foundation
import Hummingbird
import HummingbirdTesting
import Campaigns
import Store
import Testing

@Suite("Calendar pages")
struct CalendarPageTests {
    @Test("The year calendar marks Reading Day and lunar Tết; the officer sets Lifelong Learning Week, an editor may not")
    func calendarAndYearlyDates() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let calendar = try await browser.get("/campaigns/calendar?year=2026")
            #expect(calendar.text.contains("21/04/2026"))
            #expect(calendar.text.contains("17/02/2026"))   // Tết Bính Ngọ
            #expect(calendar.text.contains("Ngày Sách và Văn hóa đọc Việt Nam"))
            try await browser.get("/campaigns/observances?year=2023")
            let saved = try await browser.post("/campaigns/observances/lifelong-learning-week/2023",
                                               ["start": "02/10/2023", "end": "08/10/2023", "theme": "Học tập suốt đời trong kỷ nguyên số"])
            #expect(saved.status == .found)
            let page = try await browser.get("/campaigns/observances?year=2023")
            #expect(page.text.contains("02/10/2023 – 08/10/2023"))
            #expect(page.text.contains("Học tập suốt đời trong kỷ nguyên số"))
            let bad = try await browser.post("/campaigns/observances/lifelong-learning-week/2023", ["start": "08/10/2023", "end": "02/10/2023"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Ngày kết thúc trước ngày bắt đầu"))

            let editor = Browser(browser.client)
            _ = try await editor.signIn("thona", TestCommune.password)
            try await editor.get("/campaigns/observances?year=2026")
            #expect(try await editor.post("/campaigns/observances/lifelong-learning-week/2026", ["start": "01/10/2026", "end": "07/10/2026"]).status == .forbidden)
            #expect(try await editor.post("/campaigns/festivals", ["name": "Lễ mừng lúa mới", "unitId": String(commune.villageB), "start": "12/11/2026"]).status == .forbidden)
            let added = try await editor.post("/campaigns/festivals", ["name": "Lễ mừng lúa mới", "unitId": String(commune.villageA), "start": "12/11/2026"])
            #expect(added.status == .found)
            #expect(try await editor.get("/campaigns/calendar?year=2026").text.contains("Lễ mừng lúa mới — Thôn A"))
            let festival = try await commune.database.read { try LocalFestival.fetchOne($0)!.id! }
            try await editor.get("/campaigns/observances?year=2026")
            #expect(try await editor.post("/campaigns/festivals/\(festival)",
                                          ["name": "Lễ mừng lúa mới", "unitId": String(commune.villageA), "start": "14/11/2026"]).status == .found)
            #expect(try await editor.get("/campaigns/calendar?year=2026").text.contains("14/11/2026"))
            #expect(try await editor.post("/campaigns/festivals/\(festival)", ["name": "Lễ", "unitId": String(commune.villageB), "start": "14/11/2026"]).status == .forbidden)
        }
    }
}
