import BackOffice
import Foundation
import GRDB
import Honours
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import Vietnamese

@Suite("Honours pages and API")
struct HonoursPagesTests {
    @Test("A village proposes, the council reviews, the commune approves and issues: decision and Giấy khen print, the public roll shows it without private data")
    func wholePath() async throws {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            _ = try PersonStore.update(db, id: commune.personA, PersonInput(fullName: "Nguyễn Văn An", gender: "male", birthDate: "03/04/1971",
                                                                            villageId: commune.villageA, phone: "0912345678"), by: .system)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/honours/nominations/new?person=\(commune.personA)")
            let created = try await browser.post("/honours/nominations", [
                "year": "2025", "recipientKind": "individual", "personId": String(commune.personA), "formKey": "giay-khen-xa",
                "commendationType": "regular", "proposingUnitId": String(commune.villageA),
                "achievement": "Duy trì tủ sách gia đình, vận động thiếu nhi trong thôn đọc sách.",
            ])
            #expect(created.status == .found)
            let path = try #require(created.location).components(separatedBy: "?")[0]
            try await browser.get(path)
            #expect(try await browser.post(path + "/submit", [:]).status == .found)
            #expect(try await browser.post(path + "/review", ["meetingId": "1", "votesFor": "5"]).status == .forbidden)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            try await browser.get("/honours")
            #expect(try await browser.post("/honours/meetings", ["date": "10/12/2025", "minutesRef": "Biên bản số 02/BB-HĐTĐKT", "members": "5"]).status == .found)
            let nomination = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM nomination")! }
            let meeting = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM councilMeeting")! }
            try await browser.get("/honours/nominations/\(nomination)")
            let tooMany = try await browser.post("/honours/nominations/\(nomination)/review", ["meetingId": String(meeting), "votesFor": "6", "votesAgainst": "0"])
            #expect(tooMany.status == .unprocessableContent && tooMany.text.contains("không vượt số thành viên dự họp"))
            #expect(try await browser.post("/honours/nominations/\(nomination)/review", ["meetingId": String(meeting), "votesFor": "5", "votesAgainst": "0"]).status == .found)
            #expect(try await browser.post("/honours/nominations/\(nomination)/decide", ["decision": "approve"]).status == .found)
            try await browser.get("/honours/decisions/new?form=giay-khen-xa&year=2025")
            let draft = try await browser.post("/honours/decisions", ["formKey": "giay-khen-xa", "year": "2025", "subject": "Về việc tặng Giấy khen năm 2025",
                                                                      "nomination": String(nomination)])
            #expect(draft.status == .found)
            let decision = try #require(draft.location).components(separatedBy: "?")[0]
            #expect(try await browser.get(decision + "/print").text.contains("DỰ THẢO"))
            try await browser.get(decision)
            #expect(try await browser.post(decision + "/issue", ["date": "20/12/2025"]).status == .found)
            let printed = try await browser.get(decision + "/print")
            #expect(printed.text.contains("QUYẾT ĐỊNH") && printed.text.contains("Số: 01/QĐ-UBND") && printed.text.contains("ngày 20 tháng 12 năm 2025"))
            #expect(printed.text.contains("Nguyễn Văn An") && printed.text.contains("300.000 đ") && printed.text.contains("ba trăm nghìn đồng"))
            // NĐ 30 drafting: article 1 opens with its verb; grounds cite laws by date (from campaigns/honours.yaml); the
            // Chairman decides in his own name, a deputy signing "KT. CHỦ TỊCH"; a short rule under the summary line.
            #expect(printed.text.contains("<strong>Điều 1.</strong> Tặng Giấy khen của Chủ tịch UBND xã cho 1 cá nhân đã có thành tích (danh sách kèm theo)."))
            #expect(printed.text.contains("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
                    && printed.text.contains("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ"))
            #expect(printed.text.contains("<strong>KT. CHỦ TỊCH</strong>") && printed.text.contains("<strong>PHÓ CHỦ TỊCH</strong>") && !printed.text.contains("TM. ỦY BAN"))
            #expect(printed.text.contains(#"<hr class="doc-rule short">"#) && printed.text.contains("<th scope=\"col\">Cá nhân</th>"))
            let certificate = try await browser.get(decision + "/certificates")
            #expect(certificate.text.contains("GIẤY KHEN") && certificate.text.contains("Nguyễn Văn An") && certificate.text.contains("KT. CHỦ TỊCH")
                    && certificate.text.contains("Quyết định số 01/QĐ-UBND ngày 20/12/2025"), "the certificate names its decision, number and date")
            let frozen = try await browser.post(decision + "/recipients/\(nomination)", ["achievement": "Sửa sau khi đã ký quyết định", "award": "1"])
            #expect(frozen.status == .conflict)
            let person = try await browser.get("/people/\(commune.personA)")
            #expect(person.text.contains("Giấy khen của Chủ tịch UBND xã") && person.text.contains("01/QĐ-UBND"))
        }
        // The roll is public: no sign-in, and no phone or birth date on it.
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let roll = try await client.executeRequest(uri: "/honours/roll/2025", method: .get, headers: [:], body: nil)
            let text = String(buffer: roll.body)
            #expect(roll.status == .ok)
            #expect(text.contains("Nguyễn Văn An") && text.contains("Thôn A") && text.contains("Duy trì tủ sách gia đình"))
            #expect(!text.contains("0912") && !text.contains("+84") && !text.contains("1971") && !text.contains("03/04"))
        }
    }

    @Test("Refusals: a viewer proposes nothing, an editor proposes only for its units and decides nothing")
    func refusals() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            #expect(try await browser.get("/honours/nominations/new").status == .forbidden)
            #expect(try await browser.get("/honours").status == .ok)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/honours/nominations/new")
            let other = try await browser.post("/honours/nominations", [
                "year": "2025", "recipientKind": "individual", "personId": String(commune.personB), "formKey": "giay-khen-xa",
                "commendationType": "regular", "proposingUnitId": String(commune.villageB), "achievement": "Tích cực tham gia học tập suốt đời.",
            ])
            #expect(other.status == .forbidden)
            #expect(try await browser.get("/honours/decisions/new").status == .forbidden)
            #expect(try await browser.post("/honours/meetings", ["date": "10/12/2025", "minutesRef": "BB", "members": "3"]).status == .forbidden)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            try await browser.get("/honours")
            // A small form with no page of its own: the error page lists each mistake once.
            let bad = try await browser.post("/honours/meetings", ["date": "hôm qua", "minutesRef": "", "members": "0"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.components(separatedBy: "Ghi số biên bản họp").count == 2 && bad.text.contains("Ngày họp dạng dd/MM/yyyy"))
        }
        #expect(try await commune.database.read { try Nomination.fetchCount($0) + CouncilMeeting.fetchCount($0) } == 0)
    }

    @Test("API: an editor's token proposes; the roll as data has names and places but no phones")
    func api() async throws {
        let commune = try await TestCommune()
        let token = try await commune.database.write { db in
            try AccountStore.issueToken(db, accountId: try AccountStore.find(db, login: "thona")!.id!, by: .system)
        }
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let body = #"{"year":2025,"recipientKind":"individual","recipientId":\#(commune.personA),"achievement":"Đọc sách cùng con mỗi tối.","#
                + #""formKey":"giay-khen-xa","proposingUnitId":\#(commune.villageA)}"#
            let created = try await client.executeRequest(uri: "/api/v1/nominations", method: .post,
                                                          headers: [.contentType: "application/json", .authorization: "Bearer \(token)"], body: ByteBuffer(string: body))
            #expect(created.status == .created)
            #expect(String(buffer: created.body).contains(#""status":"draft""#))
            let list = try await client.executeRequest(uri: "/api/v1/honours?year=2025", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(list.status == .ok && String(buffer: list.body).contains(#""total":0"#))
        }
    }
}
