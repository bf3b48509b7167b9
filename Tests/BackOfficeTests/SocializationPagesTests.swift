import BackOffice
import Composition
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Socialization
import Store
import Testing
import Vietnamese

@Suite("Socialization pages and API")
struct SocializationPagesTests {
    let today = CivilDate.today()

    @Test("The officer records a cash gift: receipt with its number and the amount in words, a thank-you letter marked sent once printed")
    func recordPrintThank() async throws {
        let commune = try await TestCommune()
        let sponsor = try await commune.database.write {
            try SponsorStore.create($0, .init(kind: "individual", personId: commune.personA, tags: "Mạnh thường quân"), by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            try await browser.get("/donations/new?sponsor=\(sponsor)")
            let saved = try await browser.post("/donations", ["sponsorId": String(sponsor), "date": today.display, "kind": "cash", "amount": "1.500.000",
                                                              "channel": "bank_transfer", "purpose": "Tủ sách thiếu nhi", "recipientUnitId": String(commune.villageA)])
            #expect(saved.status == .found)
            let path = try #require(saved.location).components(separatedBy: "?")[0]
            let page = try await browser.get(path)
            #expect(page.text.contains("PT-\(today.year)-0001"))
            let receipt = try await browser.get(path + "/receipt")
            #expect(receipt.text.contains("GIẤY BIÊN NHẬN ỦNG HỘ") && receipt.text.contains("không thay phiếu thu (mẫu C40-BB"))
            #expect(receipt.text.contains("Một triệu năm trăm nghìn đồng"))
            #expect(receipt.text.contains("1.500.000 đ") && receipt.text.contains("Chuyển khoản"))
            let letter = try await browser.get(path + "/letter")
            #expect(letter.text.contains("THƯ CẢM ƠN") && letter.text.contains("Kính gửi: Ông/Bà Nguyễn Văn An"))
            // The committee thanks as a collective (TM.), a deputy signing for the Chairman; the purpose runs into the sentence.
            #expect(letter.text.contains(#"<p class="sign-line"><strong>TM. ỦY BAN NHÂN DÂN</strong></p><p class="sign-line"><strong>KT. CHỦ TỊCH</strong></p>"#))
            #expect(letter.text.contains("cho tủ sách thiếu nhi"))
            #expect(try await browser.post(path + "/letter", [:]).status == .found)
            #expect(try await browser.get(path).text.contains("Đã gửi ngày \(today.display)"))
            let list = try await browser.get("/donations")
            #expect(list.text.contains("Nguyễn Văn An") && list.text.contains("Tủ sách thiếu nhi"))
            let overview = try await browser.get("/socialization")
            #expect(overview.text.contains("<svg") && overview.text.contains("1.500.000 đ"))
        }
    }

    @Test("Voiding needs a reason; the voided receipt stays listed and marked; the disclosure list hides phones and honours anonymity")
    func voidAndDisclose() async throws {
        let commune = try await TestCommune()
        let (kept, wrong) = try await commune.database.write { db -> (Int64, Int64) in
            let named = try SponsorStore.create(db, .init(kind: "individual", personId: commune.personA), by: .system).id!
            let shy = try SponsorStore.create(db, .init(kind: "individual", personId: commune.personB), by: .system).id!
            func give(_ sponsor: Int64, _ amount: String, anonymous: Bool = false) throws -> Int64 {
                try DonationStore.create(db, DonationInput(sponsorId: sponsor, date: today.display, kind: "cash", amount: amount, channel: "cash",
                                                           purpose: "Học bổng", recipientUnitId: commune.villageA, publishAnonymous: anonymous), by: .system).id!
            }
            _ = try give(shy, "300000", anonymous: true)
            return (try give(named, "1000000"), try give(named, "2000000"))
        }
        try await commune.run { browser in
            _ = try await browser.signIn("admin", TestCommune.password)
            try await browser.get("/donations/\(wrong)")
            let refused = try await browser.post("/donations/\(wrong)/void", ["reason": ""])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Ghi rõ lý do hủy biên lai"))
            #expect(try await browser.post("/donations/\(wrong)/void", ["reason": "Ghi trùng hai lần"]).status == .found)
            let page = try await browser.get("/donations/\(wrong)")
            #expect(page.text.contains("Ghi trùng hai lần") && page.text.contains("class=\"void-stamp\""))
            let list = try await browser.get("/donations")
            #expect(list.text.contains("<tr class=\"voided\"><td><a href=\"/donations/\(wrong)\">"))
            #expect(list.text.contains("<a href=\"/donations/\(kept)\">"))
            let disclosure = try await browser.get("/socialization/disclosure")
            #expect(disclosure.text.contains("Nguyễn Văn An") && disclosure.text.contains("Nhà hảo tâm"))
            #expect(!disclosure.text.contains("Trần Thị Bình") && !disclosure.text.contains("0912") && !disclosure.text.contains("+84"))
            #expect(!disclosure.text.contains("2.000.000 đ"))
            let csv = try await browser.get("/socialization/disclosure.csv")
            #expect(csv.text.contains("Nhà hảo tâm,300.000 đ,300000,Học bổng"))
            #expect(!csv.text.contains("Trần Thị Bình"))
        }
        let exports = try await commune.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM auditEntry WHERE action = 'export' AND entity = 'disclosure'") }
        #expect(exports == 1)
    }

    @Test("A village editor cannot see or record another village's gifts; a viewer records nothing; forms without the CSRF token are refused")
    func refusals() async throws {
        let commune = try await TestCommune()
        let other = try await commune.database.write {
            try DonationStore.create($0, DonationInput(sponsorId: nil, date: today.display, kind: "cash", amount: "100000", channel: "cash",
                                                       purpose: "Học bổng", recipientUnitId: commune.villageB), by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            #expect(try await browser.get("/donations/\(other)").status == .forbidden)
            #expect(try await browser.get("/donations/\(other)/receipt").status == .forbidden)
            try await browser.get("/donations/new")
            let refused = try await browser.post("/donations", ["date": today.display, "kind": "cash", "amount": "100000", "channel": "cash",
                                                                "purpose": "Học bổng", "recipientUnitId": String(commune.villageB)])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("không có quyền"))
            let noToken = try await browser.post("/donations", ["date": today.display, "kind": "cash", "amount": "100000", "channel": "cash",
                                                                "purpose": "Học bổng", "recipientUnitId": String(commune.villageA)], csrf: "sai")
            #expect(noToken.status == .forbidden)
            #expect(!(try await browser.get("/donations").text.contains("/donations/\(other)\"")))
        }
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            #expect(try await browser.get("/donations/new").status == .forbidden)
            #expect(try await browser.get("/donations/\(other)").status == .ok)
        }
        #expect(try await commune.database.read { try Donation.fetchCount($0) } == 1)
    }

    @Test("Hours logged by the village editor wait; the same account cannot approve them, another can, and the totals count them")
    func hoursApproval() async throws {
        let commune = try await TestCommune()
        let volunteer = try await commune.database.write {
            try VolunteerStore.create($0, .init(personId: commune.personA, unitId: commune.villageA, skills: ["storytelling"], since: "01/01/2020"), by: .system).id!
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/volunteers/\(volunteer)")
            #expect(try await browser.post("/volunteers/\(volunteer)/hours", ["date": today.display, "hours": "2,5", "description": "Kể chuyện"]).status == .found)
            let bad = try await browser.post("/volunteers/\(volunteer)/hours", ["date": today.display, "hours": "30"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Số giờ từ 0,1 đến 24"))
            let page = try await browser.get("/volunteers/\(volunteer)")
            #expect(page.text.contains("Chờ duyệt") && !page.text.contains("value=\"approve\""))
        }
        let hoursId = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM volunteerHours")! }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/volunteers/hours")
            let refused = try await browser.post("/volunteers/hours/\(hoursId)/review", ["decision": "approve"])
            #expect(refused.status == .forbidden && refused.text.contains("tài khoản khác"))
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let queue = try await browser.get("/volunteers/hours")
            #expect(queue.text.contains("value=\"approve\""))
            #expect(try await browser.post("/volunteers/hours/\(hoursId)/review", ["decision": "approve"]).status == .found)
            let totals = try await browser.get("/volunteers/hours?year=\(today.year)")
            #expect(totals.text.contains("<strong>2,5</strong>") && totals.text.contains("Thôn A"))
        }
    }

    @Test("A pasted CSV with a bad row names line and column and writes nothing")
    func pastedImport() async throws {
        let commune = try await TestCommune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            try await browser.get("/donations")
            let csv = "Ngày nhận,Nhà tài trợ,Hình thức,Số tiền,Mục đích,Đơn vị nhận\n"
                + "01/03/2026,Nhà sách Minh Trí,tiền,500000,Học bổng,Thôn A\n02/03/2026,,tiền,năm trăm,Học bổng,Thôn A\n"
            let result = try await browser.post("/donations/import", ["csv": csv])
            #expect(result.status == .unprocessableContent)
            #expect(result.text.contains("CSV:3: [Số tiền]"))
            #expect(try await commune.database.read { try Donation.fetchCount($0) } == 0)
            let fixed = try await browser.post("/donations/import", ["csv": csv.replacingOccurrences(of: "năm trăm", with: "500.000")])
            #expect(fixed.status == .ok && fixed.text.contains("Đã nhập. Số khoản ủng hộ: 2"))
        }
    }

    @Test("API: a token records a donation and voids it with a reason; an editor's token cannot void another village's receipt")
    func api() async throws {
        let commune = try await TestCommune()
        let tokens = try await commune.database.write { db in
            try ["canbo", "thona"].map { try AccountStore.issueToken(db, accountId: try AccountStore.find(db, login: $0)!.id!, by: .system) }
        }
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            func call(_ method: HTTPRequest.Method, _ path: String, _ token: String, _ json: String? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
                let response = try await client.executeRequest(uri: path, method: method, headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                                                               body: json.map { ByteBuffer(string: $0) })
                return (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
            }
            let body = #"{"date":"\#(today.iso)","kind":"in_kind","#
                + #""items":[{"description":"Dế Mèn phiêu lưu ký","quantity":"20","estimatedValue":"900000","isbn":"9786042088473"}],"#
                + #""purpose":"Tủ sách","recipientUnitId":\#(commune.villageB)}"#
            let (created, donation) = try await call(.post, "/api/v1/donations", tokens[0], body)
            #expect(created == .created)
            #expect(donation["receipt"] as? String == "PT-\(today.year)-0001")
            #expect((donation["items"] as? [[String: Any]])?.first?["isBook"] as? Bool == true)
            let id = try #require(donation["id"] as? Int)
            #expect(try await call(.post, "/api/v1/donations/\(id)/void", tokens[1], #"{"reason":"Không phải của thôn tôi"}"#).0 == .forbidden)
            let (bad, error) = try await call(.post, "/api/v1/donations", tokens[0], #"{"date":"x","kind":"cash","purpose":"","recipientUnitId":1}"#)
            #expect(bad == .unprocessableContent)
            #expect(((error["error"] as? [String: Any])?["fields"] as? [String: String])?["date"] != nil)
            let (voided, after) = try await call(.post, "/api/v1/donations/\(id)/void", tokens[0], #"{"reason":"Nhập nhầm đơn vị nhận"}"#)
            #expect(voided == .ok && after["voided"] as? Bool == true && after["voidReason"] as? String == "Nhập nhầm đơn vị nhận")
            let list = try await call(.get, "/api/v1/donations?year=\(today.year)", tokens[0]).1
            #expect(list["total"] as? Int == 1)
            #expect(try await call(.get, "/api/v1/donations", tokens[1]).1["total"] as? Int == 0)
        }
    }

    @Test("The year's unsent letters print in one batch and are then marked sent; voided and anonymous gifts get none; the export file does the same")
    func letterBatch() async throws {
        let commune = try await TestCommune()
        try await commune.database.write { db in
            let named = try SponsorStore.create(db, .init(kind: "individual", personId: commune.personA), by: .system).id!
            let company = try SponsorStore.create(db, .init(kind: "business", name: "Nhà sách Minh Trí"), by: .system).id!
            func give(_ sponsor: Int64?) throws -> Int64 {
                try DonationStore.create(db, DonationInput(sponsorId: sponsor, date: today.display, kind: "cash", amount: "200000", channel: "cash",
                                                           purpose: "Học bổng", recipientUnitId: commune.villageA), by: .system).id!
            }
            _ = try give(named)
            _ = try give(company)
            _ = try give(nil)
            try DonationStore.void(db, id: try give(named), reason: "Ghi trùng hai lần", by: .system)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let batch = try await browser.get("/donations/letters?year=\(today.year)")
            #expect(batch.text.components(separatedBy: "class=\"page\"").count - 1 == 2)
            let word = try SpreadsheetDownloadTests.wordBody(of: Array(buffer: try await browser.get("/donations/letters.docx?year=\(today.year)").body))
            #expect(word.components(separatedBy: ">THƯ CẢM ƠN<").count - 1 == 2 && word.components(separatedBy: #"w:type="page""#).count - 1 == 1,
                    "the two letters in one Word document, a page break between them")
            #expect(word.contains("Nhà sách Minh Trí"))
            #expect(batch.text.contains("Kính gửi: Nhà sách Minh Trí") && batch.text.contains("Quý đơn vị"))
            let ids = try await commune.database.read { try Int64.fetchAll($0, sql: "SELECT id FROM donation WHERE receiptSeq IN (1, 2)") }
            #expect(try await browser.post("/donations/letters", ["id": String(ids[0])]).status == .found)
            let after = try await browser.get("/donations/letters?year=\(today.year)")
            #expect(after.text.components(separatedBy: "class=\"page\"").count - 1 == 1)
            let person = try await browser.get("/people/\(commune.personA)")
            #expect(person.text.contains("Là nhà tài trợ") && person.text.contains("/volunteers/new?person=\(commune.personA)"))
        }
        let letters = try ThankYouLetters(templatesDirectory: repositoryRoot.appendingPathComponent("Templates").path)
        let file = try await letters.export(commune.database, year: today.year, markSent: false, by: .system)
        let html = String(decoding: file.data, as: UTF8.self)
        #expect(file.count == 1 && html.contains("THƯ CẢM ƠN") && html.contains("@page"))
        let word = try await letters.export(commune.database, year: today.year, format: .docx, markSent: true, by: .system)
        #expect(word.count == 1 && word.data.starts(with: [0x50, 0x4B]), "the same letter as a Word file, then marked sent")
        #expect(try await letters.export(commune.database, year: today.year, markSent: true, by: .system).count == 0)
    }
}
