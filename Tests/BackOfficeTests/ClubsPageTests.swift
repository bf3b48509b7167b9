import BackOffice
import Clubs
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import Vietnamese

@Suite("Club pages")
struct ClubsPageTests {
    /// A cultural house in Thôn A (where `thona` edits) and one in Thôn B, with a member in the first.
    func communeWithHouses() async throws -> (TestCommune, Int64, Int64) {
        let commune = try await TestCommune()
        let houses = try await commune.database.write { db -> (Int64, Int64) in
            let a = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn A", kind: "cultural_house", parentId: commune.villageA), by: .system).id!
            let b = try UnitStore.create(db, UnitInput(name: "Nhà văn hóa thôn B", kind: "cultural_house", parentId: commune.villageB), by: .system).id!
            return (a, b)
        }
        return (commune, houses.0, houses.1)
    }

    @Test("A club leader creates a club, adds a member, takes attendance in one save, and sees it on the club page")
    func createAndTakeAttendance() async throws {
        let (commune, houseA, _) = try await communeWithHouses()
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/clubs/new")
            let created = try await browser.post("/clubs", ["name": "CLB Đọc sách thiếu nhi", "unitId": String(houseA), "kind": "club",
                                                            "field": "reading", "ageGroups": "children", "foundedOn": "01/01/2025"])
            #expect(created.status == .found)
            let clubPath = try #require(created.location).components(separatedBy: "?")[0]
            let club = try await browser.get(clubPath)
            #expect(club.text.contains("CLB Đọc sách thiếu nhi"))
            _ = try await browser.post(clubPath + "/members", ["personId": String(commune.personA), "role": "head", "joinedOn": "02/01/2025"])
            let form = try await browser.get(clubPath + "/sessions/new")
            #expect(form.text.contains("name=\"a.\(commune.personA)\" value=\"present\" checked"))
            let saved = try await browser.post(clubPath + "/sessions", ["date": "10/01/2025", "topic": "Truyện cổ tích", "guests": "4",
                                                                       "a.\(commune.personA)": "present"])
            #expect(saved.status == .found)
            let page = try await browser.get(clubPath)
            #expect(page.text.contains("10/01/2025"))
            #expect(page.text.contains("Truyện cổ tích"))
            #expect(page.text.contains("100%"))
            let csv = try await browser.get(clubPath + "/attendance.csv")
            #expect(csv.text.contains("10/01/2025,Truyện cổ tích,Nguyễn Văn An,Có mặt"))
        }
    }

    @Test("A club leader is refused on another village's cultural house; a bad date comes back with its message")
    func refusals() async throws {
        let (commune, houseA, houseB) = try await communeWithHouses()
        let other = try await commune.database.write {
            try ClubStore.create($0, ClubInput(name: "CLB Cồng chiêng", unitId: houseB, kind: "club", field: "gong_culture", ageGroups: ["adults"]), by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            #expect(try await browser.get("/clubs/\(other)").status == .forbidden)
            try await browser.get("/clubs")
            #expect(try await browser.post("/clubs/\(other)/sessions", ["date": "10/01/2025"]).status == .forbidden)
            #expect(try await browser.post("/clubs", ["name": "Lấn sân", "unitId": String(houseB), "kind": "club", "field": "reading",
                                                      "ageGroups": "youth"]).status == .forbidden)
            let own = try await browser.post("/clubs", ["name": "CLB Bóng chuyền", "unitId": String(houseA), "kind": "club", "field": "sports", "ageGroups": "youth"])
            let path = try #require(own.location).components(separatedBy: "?")[0]
            try await browser.get(path + "/sessions/new")
            let bad = try await browser.post(path + "/sessions", ["date": "31/02/2025"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Ngày sinh hoạt dạng dd/MM/yyyy"))
        }
    }

    @Test("The indicator page shows the share and a chart; the house page says whether the house counts")
    func indicatorPage() async throws {
        let (commune, houseA, _) = try await communeWithHouses()
        let today = CivilDate.today()
        try await commune.database.write { db in
            let club = try ClubStore.create(db, ClubInput(name: "CLB Văn nghệ", unitId: houseA, kind: "club", field: "arts_music", ageGroups: ["adults"],
                                                          foundedOn: "01/01/2020"), by: .system).id!
            for back in 1...3 {
                let index = today.year * 12 + today.month - 1 - back
                _ = try ClubStore.recordSession(db, clubId: club, .init(date: "15/\(index % 12 + 1)/\(index / 12)"), by: .system)
            }
        }
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            let page = try await browser.get("/clubs/indicator")
            #expect(page.text.contains("50,0%"))
            #expect(page.text.contains("<svg"))
            #expect(try await browser.get("/clubs/houses/\(houseA)").text.contains("Nhà văn hóa có câu lạc bộ, lớp, nhóm hoạt động thường xuyên"))
            #expect(try await browser.get("/clubs/new").status == .forbidden)
        }
    }
}
