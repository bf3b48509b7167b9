import BackOffice
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("JSON API")
struct APITests {
    func token(_ commune: TestCommune, _ login: String) async throws -> String {
        try await commune.database.write { db in
            try AccountStore.issueToken(db, accountId: try AccountStore.find(db, login: login)!.id!, by: .system)
        }
    }

    func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String?, json: String? = nil)
        async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    @Test("Without a token the API answers 401 with a JSON error; a revoked or unknown token too")
    func unauthorized() async throws {
        let commune = try await TestCommune()
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let (status, body) = try await call(client, .get, "/api/v1/people", token: nil)
            #expect(status == .unauthorized)
            #expect(((body["error"] as? [String: Any])?["message"] as? String)?.contains("Bearer") == true)
            #expect(try await call(client, .get, "/api/v1/people", token: "ds_wrong").0 == .unauthorized)
        }
    }

    @Test("Lists answer items, total and page, scoped to the editor's units; writes outside them are 403")
    func scopedAPI() async throws {
        let commune = try await TestCommune()
        let editor = try await token(commune, "thona")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let (status, list) = try await call(client, .get, "/api/v1/people?q=nguyen", token: editor)
            #expect(status == .ok)
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(items.map { $0["fullName"] as? String } == ["Nguyễn Văn An"])
            #expect(items.first?["phone"] as? String == "+84912345678")
            #expect(items.first?["village"] as? String == "Thôn A")
            #expect(list["total"] as? Int == 1 && list["page"] as? Int == 1)
            let all = try await call(client, .get, "/api/v1/people", token: editor).1
            #expect(all["total"] as? Int == 1)
            #expect(try await call(client, .get, "/api/v1/people/\(commune.personB)", token: editor).0 == .forbidden)
            let (refused, error) = try await call(client, .patch, "/api/v1/people/\(commune.personB)", token: editor, json: #"{"fullName":"X","villageId":\#(commune.villageB)}"#)
            #expect(refused == .forbidden)
            #expect(((error["error"] as? [String: Any])?["message"] as? String)?.isEmpty == false)
            #expect(try await call(client, .post, "/api/v1/units", token: editor, json: #"{"name":"Thôn C","kind":"village"}"#).0 == .forbidden)
        }
    }

    @Test("Create and update validate like the forms and are audited")
    func createAndUpdate() async throws {
        let commune = try await TestCommune()
        let admin = try await token(commune, "admin")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let (bad, error) = try await call(client, .post, "/api/v1/people", token: admin, json: #"{"fullName":"A Krong","phone":"123"}"#)
            #expect(bad == .unprocessableContent)
            #expect(((error["error"] as? [String: Any])?["fields"] as? [String: String])?["phone"] != nil)
            let (created, person) = try await call(client, .post, "/api/v1/people", token: admin,
                                                   json: #"{"fullName":"A Krong","gender":"nam","birthYear":1985,"village":"thon b","phone":"0987 000 111"}"#)
            #expect(created == .created)
            #expect(person["villageId"] as? Int64 == commune.villageB || person["villageId"] as? Int == Int(commune.villageB))
            let id = try #require(person["id"] as? Int)
            let (updated, after) = try await call(client, .patch, "/api/v1/people/\(id)", token: admin, json: #"{"fullName":"A Krông"}"#)
            #expect(updated == .ok)
            #expect(after["fullName"] as? String == "A Krông")
            #expect(after["birthYear"] as? Int == 1985 && after["phone"] as? String == "+84987000111")
            let actions = try await commune.database.read { db in
                try AuditEntry.filter(Column("entity") == "person" && Column("entityId") == String(id)).order(Column("id")).fetchAll(db).map(\.action)
            }
            #expect(actions == ["create", "update"])
            let units = try await call(client, .get, "/api/v1/units?kind=village", token: admin).1
            #expect((units["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Thôn A", "Thôn B"])
        }
    }

    @Test("A token revoked on the account page is refused at once")
    func revokedToken() async throws {
        let commune = try await TestCommune()
        let editor = try await token(commune, "thona")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            #expect(try await call(client, .get, "/api/v1/people", token: editor).0 == .ok)
            let browser = Browser(client)
            _ = try await browser.signIn("admin", TestCommune.password)
            let accountId = try await commune.database.read { try AccountStore.find($0, login: "thona")!.id! }
            let page = try await browser.get("/accounts/\(accountId)/edit")
            let tokenId = try await commune.database.read { try AccountStore.tokens($0, accountId: accountId).first!.id! }
            #expect(page.text.contains("/accounts/\(accountId)/tokens/\(tokenId)/revoke"))
            #expect(try await browser.post("/accounts/\(accountId)/tokens/\(tokenId)/revoke", [:]).status == .found)
            #expect(try await call(client, .get, "/api/v1/people", token: editor).0 == .unauthorized)
            #expect(try await browser.get("/accounts/\(accountId)/edit").text.contains("đã thu hồi lúc"))
        }
    }

    @Test("The OpenAPI document lists exactly the API routes the router serves")
    func openAPIMatchesRouter() async throws {
        let commune = try await TestCommune()
        let router = try await buildRouter(TestCommune.configuration, database: commune.database)
        let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" }.filter { $0.contains("/api/v1/") }
            .map { $0.replacingOccurrences(of: #":([A-Za-z]+)"#, with: "{$1}", options: .regularExpression).replacingOccurrences(of: " api/", with: " /api/") })
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("web/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(served == documented)
        #expect(served.count == 63)
    }

    @Test("Organisations API: the organisation's editor lists, adds and ends members; another organisation's editor is refused")
    func organisationsAPI() async throws {
        let commune = try await TestCommune()
        let (women, youth) = try await commune.database.write { db -> (Int64, Int64) in
            let top = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'commune_committee'")!
            let women = try UnitStore.create(db, UnitInput(name: "Hội Liên hiệp Phụ nữ xã", kind: "womens_union", parentId: top), by: .system).id!
            let youth = try UnitStore.create(db, UnitInput(name: "Đoàn Thanh niên xã", kind: "youth_union", parentId: top), by: .system).id!
            let hash = try AccountStore.find(db, login: "thona")!.passwordHash
            _ = try AccountStore.create(db, login: "phunu", displayName: "phunu", passwordHash: hash, role: .editor, unitIds: [women, commune.villageA], by: .system)
            _ = try AccountStore.create(db, login: "doan", displayName: "doan", passwordHash: hash, role: .editor, unitIds: [youth, commune.villageA], by: .system)
            return (women, youth)
        }
        let women1 = try await token(commune, "phunu"), youth1 = try await token(commune, "doan")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let (created, member) = try await call(client, .post, "/api/v1/organisations/\(women)/members", token: women1,
                                                  json: #"{"personId": \#(commune.personA), "role": "head", "number": "PN-7", "joinedOn": "2020-03-01"}"#)
            #expect(created == .created && member["fullName"] as? String == "Nguyễn Văn An" && member["role"] as? String == "head")
            let memberId = try #require(member["id"] as? Int)
            #expect(try await call(client, .post, "/api/v1/organisations/\(women)/members", token: youth1, json: #"{"personId": \#(commune.personA)}"#).0 == .forbidden)
            #expect(try await call(client, .post, "/api/v1/organisations/\(women)/members", token: women1,
                                   json: #"{"personId": \#(commune.personB)}"#).0 == .forbidden, "a resident outside the account's villages")
            let (listed, list) = try await call(client, .get, "/api/v1/organisations/\(women)/members", token: women1)
            #expect(listed == .ok && (list["items"] as? [[String: Any]])?.first?["number"] as? String == "PN-7")
            #expect(try await call(client, .post, "/api/v1/organisations/\(youth)/members/\(memberId)/end", token: youth1, json: "{}").0 == .notFound)
            let (ended, after) = try await call(client, .post, "/api/v1/organisations/\(women)/members/\(memberId)/end", token: women1,
                                                json: #"{"leftOn": "2026-11-30"}"#)
            #expect(ended == .ok && after["leftOn"] as? String == "2026-11-30")
            #expect((try await call(client, .get, "/api/v1/organisations/\(women)/members", token: women1).1["items"] as? [Any])?.isEmpty == true)
            #expect((try await call(client, .get, "/api/v1/organisations/\(women)/members?former=true", token: women1).1["items"] as? [Any])?.count == 1)
        }
    }

    @Test("Clubs API: create, add a member, record a session with attendance, read them back; another village's house is refused")
    func clubsAPI() async throws {
        let commune = try await TestCommune()
        let (houseA, houseB) = try await commune.database.write { db -> (Int64, Int64) in
            (try UnitStore.create(db, UnitInput(name: "NVH thôn A", kind: "cultural_house", parentId: commune.villageA), by: .system).id!,
             try UnitStore.create(db, UnitInput(name: "NVH thôn B", kind: "cultural_house", parentId: commune.villageB), by: .system).id!)
        }
        let token = try await token(commune, "thona")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let (created, club) = try await call(client, .post, "/api/v1/clubs", token: token,
                                                 json: #"{"name":"CLB Đọc sách","unitId":\#(houseA),"kind":"club","field":"reading","ageGroups":["children"]}"#)
            #expect(created == .created)
            let id = try #require(club["id"] as? Int)
            #expect(try await call(client, .post, "/api/v1/clubs/\(id)/members", token: token,
                                   json: #"{"personId":\#(commune.personA),"role":"head","joinedOn":"2025-01-02"}"#).0 == .created)
            let (recorded, session) = try await call(client, .post, "/api/v1/clubs/\(id)/sessions", token: token,
                                                     json: #"{"date":"2025-01-10","guests":2,"attendance":[{"personId":\#(commune.personA),"status":"present"}]}"#)
            #expect(recorded == .created)
            #expect(session["present"] as? Int == 1)
            let members = try await call(client, .get, "/api/v1/clubs/\(id)/members", token: token).1["items"] as? [[String: Any]]
            #expect(members?.first?["attendanceRate"] as? Int == 100)
            let sessions = try await call(client, .get, "/api/v1/clubs/\(id)/sessions", token: token).1["items"] as? [[String: Any]]
            #expect(sessions?.first?["date"] as? String == "2025-01-10")
            let (refused, _) = try await call(client, .post, "/api/v1/clubs", token: token,
                                              json: #"{"name":"Lấn sân","unitId":\#(houseB),"kind":"club","field":"reading","ageGroups":["youth"]}"#)
            #expect(refused == .forbidden)
            let (invalid, body) = try await call(client, .post, "/api/v1/clubs", token: token,
                                                 json: #"{"name":"","unitId":\#(houseA),"kind":"x","field":"reading","ageGroups":[]}"#)
            #expect(invalid == .unprocessableContent)
            #expect(((body["error"] as? [String: Any])?["fields"] as? [String: String])?["kind"] != nil)
        }
    }

    @Test("Campaigns API and the calendar feed: create, add an activity, read it as JSON and as iCalendar with a token; no token, no feed")
    func campaignsAPI() async throws {
        let commune = try await TestCommune()
        let token = try await token(commune, "canbo")
        let app = try await buildApplication(TestCommune.configuration, database: commune.database)
        try await app.test(.router) { client in
            let (created, campaign) = try await call(client, .post, "/api/v1/campaigns", token: token,
                                                     json: #"{"title":"Tuần lễ học tập suốt đời 2026","observanceKey":"lifelong-learning-week","#
                                                         + #""startDate":"01/10/2026","endDate":"07/10/2026","#
                                                         + #""leadUnitId":\#(commune.villageA),"coordinatingUnitIds":[]}"#)
            #expect(created == .created)
            let id = try #require(campaign["id"] as? Int)
            #expect(campaign["status"] as? String == "draft")
            let (added, _) = try await call(client, .post, "/api/v1/campaigns/\(id)/activities", token: token,
                                            json: #"{"kind":"talk","title":"Nói chuyện chuyên đề","startsAt":"03/10/2026 19:30","endsAt":"","#
                                                + #""unitId":\#(commune.villageA),"channels":["loudspeaker"]}"#)
            #expect(added == .created)
            let list = try await call(client, .get, "/api/v1/campaigns/\(id)/activities", token: token).1["items"] as? [[String: Any]]
            #expect(list?.first?["startsAt"] as? String == "2026-10-03T19:30")
            let (bad, _) = try await call(client, .post, "/api/v1/campaigns", token: token,
                                          json: #"{"title":"x","startDate":"07/10/2026","endDate":"01/10/2026","#
                                              + #""leadUnitId":\#(commune.villageA),"coordinatingUnitIds":[]}"#)
            #expect(bad == .unprocessableContent)

            // The feed takes a calendar token, never an API token (whose owner could be an admin who can write).
            #expect(try await client.executeRequest(uri: "/calendar/campaigns/\(id).ics?token=\(token)", method: .get, headers: [:], body: nil).status == .unauthorized)
            let feedToken = try await commune.database.write { db in
                try AccountStore.issueToken(db, accountId: try AccountStore.find(db, login: "canbo")!.id!, scope: .calendar, by: .system)
            }
            #expect(try await call(client, .get, "/api/v1/campaigns", token: feedToken).0 == .unauthorized, "a calendar token opens no API")
            let feed = try await client.executeRequest(uri: "/calendar/campaigns/\(id).ics?token=\(feedToken)", method: .get, headers: [:], body: nil)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(String(buffer: feed.body).contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261003T193000"))
            #expect(try await client.executeRequest(uri: "/calendar/all.ics", method: .get, headers: [:], body: nil).status == .unauthorized)
            #expect(try await client.executeRequest(uri: "/calendar/all.ics?token=ds_wrong", method: .get, headers: [:], body: nil).status == .unauthorized)
        }
    }
}
