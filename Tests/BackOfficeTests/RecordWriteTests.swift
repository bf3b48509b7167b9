import BackOffice
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing

/// Writes that cannot lose data: PUT wants the whole record, PATCH merges, and a stale version is refused.
@Suite("API and form writes keep what they are not given")
struct RecordWriteTests {
    struct Answer {
        let status: HTTPResponse.Status
        let json: [String: Any]
        let etag: String?
        var fields: [String: String] { ((json["error"] as? [String: Any])?["fields"] as? [String: String]) ?? [:] }
    }

    func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String, json: String? = nil,
              ifMatch: String? = nil) async throws -> Answer {
        var headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(token)"]
        if let ifMatch { headers[.ifMatch] = ifMatch }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
        return Answer(status: response.status, json: object, etag: response.headers[.eTag])
    }

    /// A resident with every field filled, as a clerk would have entered them.
    func fullPerson(_ commune: TestCommune) async throws -> Int64 {
        try await commune.database.write { db in
            try PersonStore.create(db, PersonInput(fullName: "Lò Thị Mai", gender: "nữ", birthYear: "1990", ethnicity: "Thái",
                                                   villageId: commune.villageA, phone: "0912000111", zalo: "0912000111",
                                                   email: "mai@example.vn", notes: "Hội viên Hội Phụ nữ"), by: .system).id!
        }
    }

    @Test("GET shows every writable field, zalo, email and notes included, with an ETag")
    func getIsComplete() async throws {
        let commune = try await TestCommune()
        let id = try await fullPerson(commune)
        let token = try await commune.token("admin")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let person = try await call(client, .get, "/api/v1/people/\(id)", token: token)
            #expect(person.status == .ok)
            #expect(person.json["zalo"] as? String == "0912000111")
            #expect(person.json["email"] as? String == "mai@example.vn")
            #expect(person.json["notes"] as? String == "Hội viên Hội Phụ nữ")
            #expect(person.json.keys.contains("birthDate"), "an empty field is null, not left out")
            #expect(person.etag?.isEmpty == false)
            let unit = try await call(client, .get, "/api/v1/units/\(commune.villageA)", token: token)
            #expect(unit.json.keys.contains("notes") && unit.json.keys.contains("address"))
            #expect(unit.etag?.isEmpty == false)
        }
    }

    @Test("A PUT with only the name is refused and erases nothing; PATCH changes the name and keeps the rest")
    func putNeedsTheWholeRecord() async throws {
        let commune = try await TestCommune()
        let id = try await fullPerson(commune)
        let token = try await commune.token("thona")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let refused = try await call(client, .put, "/api/v1/people/\(id)", token: token, json: #"{"fullName":"Lò Thị Mai Anh"}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.fields["villageId"] != nil && refused.fields["phone"] != nil)
            let stored = try await commune.database.read { try Person.fetchOne($0, key: id)! }
            #expect(stored.fullName == "Lò Thị Mai" && stored.villageId == commune.villageA && stored.phone != nil)

            let patched = try await call(client, .patch, "/api/v1/people/\(id)", token: token, json: #"{"fullName":"Lò Thị Mai Anh"}"#)
            #expect(patched.status == .ok)
            let after = try await commune.database.read { try Person.fetchOne($0, key: id)! }
            #expect(after.fullName == "Lò Thị Mai Anh")
            #expect(after.villageId == commune.villageA && after.birthYear == 1990 && after.ethnicity == "Thái")
            #expect(after.zalo == "0912000111" && after.email == "mai@example.vn" && after.notes == "Hội viên Hội Phụ nữ")

            // null clears one field, and only that one.
            #expect(try await call(client, .patch, "/api/v1/people/\(id)", token: token, json: #"{"notes":null}"#).status == .ok)
            let cleared = try await commune.database.read { try Person.fetchOne($0, key: id)! }
            #expect(cleared.notes == nil && cleared.email == "mai@example.vn")

            #expect(try await call(client, .patch, "/api/v1/people/\(id)", token: token, json: #"{"nickname":"x"}"#).fields["nickname"] != nil)
            #expect(try await call(client, .patch, "/api/v1/people/\(id)", token: token, json: #"[1,2]"#).status == .unprocessableContent)
        }
    }

    @Test("What GET returns, PUT back unchanged, changes nothing; a stale If-Match is refused with 412")
    func roundTripAndStaleWrites() async throws {
        let commune = try await TestCommune()
        let id = try await fullPerson(commune)
        let token = try await commune.token("admin")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let read = try await call(client, .get, "/api/v1/people/\(id)", token: token)
            let body = String(decoding: try JSONSerialization.data(withJSONObject: read.json), as: UTF8.self)
            let before = try await commune.database.read { try Person.fetchOne($0, key: id)! }
            let put = try await call(client, .put, "/api/v1/people/\(id)", token: token, json: body, ifMatch: read.etag)
            #expect(put.status == .ok)
            let after = try await commune.database.read { try Person.fetchOne($0, key: id)! }
            #expect(after.fullName == before.fullName && after.villageId == before.villageId && after.phone == before.phone
                    && after.zalo == before.zalo && after.email == before.email && after.notes == before.notes
                    && after.birthYear == before.birthYear && after.ethnicity == before.ethnicity && after.gender == before.gender)

            // Two clients read the same version; the second to write is refused and the first one's change stays.
            let first = try await call(client, .get, "/api/v1/people/\(id)", token: token)
            #expect(try await call(client, .patch, "/api/v1/people/\(id)", token: token, json: #"{"notes":"sửa lần một"}"#,
                                   ifMatch: first.etag).status == .ok)
            let late = try await call(client, .patch, "/api/v1/people/\(id)", token: token, json: #"{"notes":"sửa lần hai"}"#,
                                      ifMatch: first.etag)
            #expect(late.status == .preconditionFailed)
            #expect(try await commune.database.read { try Person.fetchOne($0, key: id)!.notes } == "sửa lần một")
        }
    }

    @Test("Units: a PUT without the parent is refused; PATCH keeps parent, contact and the active flag")
    func unitsKeepTheirPlace() async throws {
        let commune = try await TestCommune()
        let token = try await commune.token("admin")
        let house = try await commune.database.write { db in
            try UnitStore.create(db, UnitInput(name: "NVH thôn A", kind: "cultural_house", parentId: commune.villageA,
                                               contactName: "Ông Tâm", isActive: false), by: .system).id!
        }
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let refused = try await call(client, .put, "/api/v1/units/\(house)", token: token, json: #"{"name":"NVH A","kind":"cultural_house"}"#)
            #expect(refused.status == .unprocessableContent && refused.fields["parentId"] != nil)
            #expect(try await call(client, .patch, "/api/v1/units/\(house)", token: token, json: #"{"name":"NVH A"}"#).status == .ok)
            let unit = try await commune.database.read { try OrgUnit.fetchOne($0, key: house)! }
            #expect(unit.name == "NVH A" && unit.parentId == commune.villageA && unit.contactName == "Ông Tâm" && unit.isActive == false)
        }
    }

    @Test("Two clerks open the same person: the second save is refused with a message, the first one's change stays")
    func formsCarryTheVersion() async throws {
        let commune = try await TestCommune()
        let id = try await fullPerson(commune)
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let form = try await browser.get("/people/\(id)/edit").text
            let version = try #require(form.range(of: #"name="version" value="([0-9a-f]+)""#, options: .regularExpression).map {
                String(form[$0].split(separator: "\"")[3])
            })
            var fields = ["fullName": "Lò Thị Mai", "gender": "female", "birthYear": "1990", "villageId": String(commune.villageA),
                          "phone": "0912000111", "ethnicity": "Thái", "zalo": "", "email": "mai@example.vn", "notes": "", "version": version]
            fields["notes"] = "lần một"
            #expect(try await browser.post("/people/\(id)", fields).status == .found)
            fields["notes"] = "lần hai"
            let late = try await browser.post("/people/\(id)", fields)
            #expect(late.status == .preconditionFailed)
            #expect(late.text.contains("người khác sửa"))
            #expect(try await commune.database.read { try Person.fetchOne($0, key: id)!.notes } == "lần một")
        }
    }

    @Test("Clubs and campaigns: PATCH keeps what it is not given (schedule, notes, coordinating units); a stale If-Match is 412")
    func clubsAndCampaigns() async throws {
        let commune = try await TestCommune()
        let token = try await commune.token("canbo")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let house = try await commune.database.write { db in
                try UnitStore.create(db, UnitInput(name: "NVH thôn A", kind: "cultural_house", parentId: commune.villageA), by: .system).id!
            }
            let club = try await call(client, .post, "/api/v1/clubs", token: token, json: """
                {"name":"CLB Đọc sách","unitId":\(house),"kind":"club","field":"reading","ageGroups":["children","adults"],\
                "schedule":"Tối thứ Bảy","notes":"Mượn sách ở tủ sách thôn"}
                """)
            #expect(club.status == .created)
            let clubId = try #require(club.json["id"] as? Int)
            #expect(try await call(client, .put, "/api/v1/clubs/\(clubId)", token: token, json: #"{"name":"CLB Sách"}"#).status == .unprocessableContent)
            let read = try await call(client, .get, "/api/v1/clubs/\(clubId)", token: token)
            let patched = try await call(client, .patch, "/api/v1/clubs/\(clubId)", token: token, json: #"{"name":"CLB Sách hay"}"#, ifMatch: read.etag)
            #expect(patched.status == .ok)
            #expect(patched.json["schedule"] as? String == "Tối thứ Bảy" && patched.json["notes"] as? String == "Mượn sách ở tủ sách thôn")
            #expect((patched.json["ageGroups"] as? [String]) == ["children", "adults"])
            #expect(try await call(client, .patch, "/api/v1/clubs/\(clubId)", token: token, json: #"{"name":"CLB khác"}"#, ifMatch: read.etag).status == .preconditionFailed)

            let campaign = try await call(client, .post, "/api/v1/campaigns", token: token, json: """
                {"title":"Ngày Sách 2026","startDate":"15/04/2026","endDate":"25/04/2026","goals":"Mỗi thôn một tủ sách",\
                "leadUnitId":\(commune.villageA),"coordinatingUnitIds":[\(commune.villageB)]}
                """)
            #expect(campaign.status == .created)
            let campaignId = try #require(campaign.json["id"] as? Int)
            let before = try await call(client, .get, "/api/v1/campaigns/\(campaignId)", token: token)
            #expect((before.json["coordinatingUnitIds"] as? [Int]) == [Int(commune.villageB)])
            let renamed = try await call(client, .patch, "/api/v1/campaigns/\(campaignId)", token: token, json: #"{"title":"Ngày Sách và Văn hóa đọc 2026"}"#)
            #expect(renamed.status == .ok)
            #expect(renamed.json["goals"] as? String == "Mỗi thôn một tủ sách")
            #expect((renamed.json["coordinatingUnitIds"] as? [Int]) == [Int(commune.villageB)])
            #expect(try await call(client, .patch, "/api/v1/campaigns/\(campaignId)", token: token, json: #"{"goals":null}"#,
                                   ifMatch: before.etag).status == .preconditionFailed)
        }
    }

    @Test("Sponsors: PATCH of the tags keeps the notes; name and contacts are not the sponsor's to write")
    func sponsors() async throws {
        let commune = try await TestCommune()
        let token = try await commune.token("canbo")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let created = try await call(client, .post, "/api/v1/sponsors", token: token,
                                         json: #"{"kind":"individual","personId":\#(commune.personA),"tags":"thường xuyên","notes":"Ủng hộ sách thiếu nhi"}"#)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? Int)
            let patched = try await call(client, .patch, "/api/v1/sponsors/\(id)", token: token, json: #"{"tags":["thường xuyên","sách"]}"#)
            #expect(patched.status == .ok)
            #expect(patched.json["notes"] as? String == "Ủng hộ sách thiếu nhi")
            #expect((patched.json["tags"] as? [String]) == ["thường xuyên", "sách"])
            // The name is read-only here (it is the resident's): sent back, it is ignored, never written.
            let renamed = try await call(client, .patch, "/api/v1/sponsors/\(id)", token: token, json: #"{"name":"Người khác"}"#)
            #expect(renamed.status == .ok && renamed.json["name"] as? String == "Nguyễn Văn An")
            let viewer = try await commune.token("xem")
            #expect(try await call(client, .patch, "/api/v1/sponsors/\(id)", token: viewer, json: #"{"notes":"x"}"#).status == .forbidden)
        }
    }

    @Test("Activities: what GET returns goes back by PUT unchanged; PATCH of the place keeps outcomes and expected figures")
    func activities() async throws {
        let commune = try await TestCommune()
        let token = try await commune.token("canbo")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let campaign = try await call(client, .post, "/api/v1/campaigns", token: token, json: """
                {"title":"Tuần lễ học tập 2026","startDate":"01/10/2026","endDate":"07/10/2026","leadUnitId":\(commune.villageA),"coordinatingUnitIds":[]}
                """)
            let campaignId = try #require(campaign.json["id"] as? Int)
            let created = try await call(client, .post, "/api/v1/campaigns/\(campaignId)/activities", token: token, json: """
                {"kind":"talk","title":"Nói chuyện chuyên đề","startsAt":"03/10/2026 19:30","endsAt":"","unitId":\(commune.villageA),\
                "channels":["loudspeaker"],"expectedParticipants":80}
                """)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? Int)
            let read = try await call(client, .get, "/api/v1/activities/\(id)", token: token)
            let body = String(decoding: try JSONSerialization.data(withJSONObject: read.json), as: UTF8.self)
            let put = try await call(client, .put, "/api/v1/activities/\(id)", token: token, json: body, ifMatch: read.etag)
            #expect(put.status == .ok)
            #expect(put.json["startsAt"] as? String == "2026-10-03T19:30" && put.json["expectedParticipants"] as? Int == 80)
            let moved = try await call(client, .patch, "/api/v1/activities/\(id)", token: token, json: #"{"place":"Nhà văn hóa thôn A"}"#)
            #expect(moved.status == .ok)
            #expect(moved.json["place"] as? String == "Nhà văn hóa thôn A" && moved.json["expectedParticipants"] as? Int == 80)
            #expect((moved.json["channels"] as? [String]) == ["loudspeaker"])
            #expect(try await call(client, .patch, "/api/v1/activities/\(id)", token: token, json: #"{"place":"x"}"#, ifMatch: read.etag).status == .preconditionFailed)
        }
    }
}
