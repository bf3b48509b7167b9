import BackOffice
import Foundation
import GRDB
import Honours
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import Recognition
import Training
import Vietnamese

@Suite("Training and duties pages, API")
struct TrainingPagesTests {
    /// The test commune with a school library in Thôn A (so Thôn A's editor serves it) and a school.
    static func commune() async throws -> (TestCommune, library: Int64, school: Int64) {
        let commune = try await TestCommune()
        let (library, school) = try await commune.database.write { db -> (Int64, Int64) in
            let library = try UnitStore.create(db, UnitInput(name: "Thư viện thôn A", kind: "commune_library", parentId: commune.villageA), by: .system).id!
            let school = try UnitStore.create(db, UnitInput(name: "Trường TH Thử", kind: "school", parentId: nil), by: .system).id!
            return (library, school)
        }
        return (commune, library, school)
    }

    @Test("Commune staff record a course and its participants on the pages; a village editor adds only its own people; a viewer reads")
    func coursePages() async throws {
        let (commune, library, school) = try await Self.commune()
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let form = try await browser.get("/training/new")
            #expect(form.status == .ok && form.text.contains("Đơn vị tổ chức"))
            let bad = try await browser.post("/training", ["title": "", "organiser": "", "level": "commune", "topic": "digital", "startDate": "31/02/2026", "hours": "x"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Nhập tên lớp, hội thảo") && bad.text.contains("Số giờ học, ví dụ 16 hoặc 3,5"))
            let created = try await browser.post("/training", ["title": "Kỹ năng số <script>alert(1)</script>", "organiser": "UBND xã", "level": "commune",
                                                               "topic": "digital", "startDate": "12/05/2026", "endDate": "13/05/2026", "hours": "16"])
            #expect(created.status == .found)
            let path = try #require(created.location).components(separatedBy: "?")[0]
            let page = try await browser.get(path)
            #expect(page.text.contains("Kỹ năng số &lt;script&gt;") && !page.text.contains("<script>alert(1)"), "the title is escaped")
            #expect(try await browser.post(path + "/participants", ["personId": String(commune.personB), "unitId": String(school), "role": "staff",
                                                                     "attended": "1", "certificate": "GCN số 07"]).status == .found)
            let year = try await browser.get("/training?year=2026")
            #expect(year.text.contains("Trường TH Thử") && year.text.contains(">16<"), "totals per unit: the school's 16 hours")
        }
        let courseId = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM trainingCourse")! }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/training?year=2026")
            #expect(try await browser.get("/training/new").status == .forbidden)
            #expect(try await browser.post("/training", ["title": "Lớp", "organiser": "Xã", "level": "commune", "topic": "digital",
                                                         "startDate": "12/05/2026", "hours": "2"]).status == .forbidden)
            let page = try await browser.get("/training/\(courseId)")
            #expect(!page.text.contains("Trần Thị Bình"), "another unit's participant is not shown to a village editor")
            #expect(try await browser.post("/training/\(courseId)/participants", ["personId": String(commune.personA), "unitId": String(school)]).status == .forbidden)
            #expect(try await browser.post("/training/\(courseId)/participants", ["personId": String(commune.personA), "unitId": String(library)]).status == .found)
            #expect(try await browser.post("/training/\(courseId)/participants/\(commune.personB)/remove", [:]).status == .forbidden)
            let study = try await browser.post("/training/self-study", ["personId": String(commune.personA), "unitId": String(library), "date": "02/04/2026",
                                                                        "hours": "2,5", "topic": "digital", "description": "Khóa học trực tuyến kỹ năng số"])
            #expect(study.status == .found)
        }
        try await commune.run { browser in
            _ = try await browser.signIn("xem", TestCommune.password)
            let page = try await browser.get("/training?year=2026")
            #expect(page.status == .ok && page.text.contains("Nguyễn Văn An") && !page.text.contains(#"action="/training/self-study""#))
            #expect(try await browser.post("/training/\(courseId)/participants", ["personId": String(commune.personA), "unitId": String(library)]).status == .forbidden)
        }
    }

    @Test("The training API lists, creates and adds participants with the pages' checks")
    func api() async throws {
        let (commune, library, school) = try await Self.commune()
        let officer = try await commune.token("canbo"), editor = try await commune.token("thona")
        try await commune.run { browser in
            browser.bearer.withLockedValue { $0 = officer }
            let created = try await browser.send("/api/v1/training/courses", method: .post,
                                                 body: #"{"title":"Nghiệp vụ thư viện","organiser":"Thư viện tỉnh","#
                                                     + #""level":"province","topic":"library","#
                                                     + #""startDate":"18/09/2026","endDate":"20/09/2026","hours":24}"#,
                                                 contentType: "application/json")
            #expect(created.status == .created && created.text.contains(#""hours":24"#) && created.text.contains(#""startDate":"2026-09-18""#))
            let id = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM trainingCourse")! }
            let added = try await browser.send("/api/v1/training/courses/\(id)/participants", method: .post,
                                               body: #"{"personId":\#(commune.personB),"unitId":\#(school),"certificate":"GCN 12"}"#,
                                               contentType: "application/json")
            #expect(added.status == .ok && added.text.contains(#""certificate":"GCN 12""#))
            let bad = try await browser.send("/api/v1/training/courses", method: .post,
                                             body: #"{"title":"","organiser":"x","level":"moon","topic":"digital","startDate":"x","hours":1}"#,
                                             contentType: "application/json")
            #expect(bad.status == .unprocessableContent && bad.text.contains("level"))
            let huge = try await browser.send("/api/v1/training/courses", method: .post,
                                              body: #"{"title":"A","organiser":"B","level":"commune","topic":"digital","#
                                                  + #""startDate":"01/02/2026","hours":1e300}"#,
                                              contentType: "application/json")
            #expect(huge.status == .unprocessableContent && huge.text.contains("hours"), "absurd hours are refused, not a crash")
            #expect(try await browser.get("/api/v1/training/courses?year=2026").text.contains(#""total":1"#))
            browser.bearer.withLockedValue { $0 = editor }
            let refused = try await browser.send("/api/v1/training/courses", method: .post,
                                                 body: #"{"title":"A","organiser":"B","level":"commune","topic":"digital","#
                                                     + #""startDate":"01/02/2026","hours":1}"#,
                                                 contentType: "application/json")
            #expect(refused.status == .forbidden)
            let outside = try await browser.send("/api/v1/training/courses/\(id)/participants", method: .post,
                                                 body: #"{"personId":\#(commune.personA),"unitId":\#(school)}"#, contentType: "application/json")
            #expect(outside.status == .forbidden)
            let own = try await browser.get("/api/v1/training/courses/\(id)")
            #expect(own.status == .ok && !own.text.contains("Trần Thị Bình"), "a unit-scoped token reads only its units' participants")
            _ = library
        }
    }

    @Test("A unit's standing duties show on its page; its editor records status and evidence; another unit's editor cannot; done needs evidence")
    func duties() async throws {
        let (commune, _, school) = try await Self.commune()
        let committee = try await commune.database.read { try Int64.fetchOne($0, sql: "SELECT id FROM unit WHERE kind = 'commune_committee'")! }
        try await commune.run { browser in
            _ = try await browser.signIn("canbo", TestCommune.password)
            let page = try await browser.get("/units/\(school)?year=2026")
            #expect(page.text.contains("Nhiệm vụ thường xuyên theo Kế hoạch năm 2026") && page.text.contains("luân chuyển sách báo"))
            let noEvidence = try await browser.post("/units/\(school)/duties/truong-ke-hoach", ["year": "2026", "status": "done"])
            #expect(noEvidence.status == .unprocessableContent && noEvidence.text.contains("Ghi minh chứng đã hoàn thành"))
            #expect(try await browser.post("/units/\(school)/duties/truong-ke-hoach", ["year": "2026", "status": "done",
                                                                                        "evidence": "Kế hoạch số 12/KH-TH ngày 10/9/2026"]).status == .found)
            #expect(try await browser.post("/units/\(school)/duties/tc-kinh-phi", ["year": "2026", "status": "done", "evidence": "x"]).status == .notFound,
                    "a duty that is not the school's")
            let committeePage = try await browser.get("/units/\(committee)?year=2026")
            #expect(committeePage.text.contains("Công chức Tài chính – Kế toán xã") && committeePage.text.contains("trước ngày 20/11"))
        }
        try await commune.run { browser in
            _ = try await browser.signIn("thona", TestCommune.password)
            try await browser.get("/units/\(commune.villageA)")
            #expect(try await browser.post("/units/\(school)/duties/truong-ke-hoach", ["year": "2026", "status": "not_done"]).status == .forbidden)
        }
        let summary = try await commune.database.read { db -> [DutySummaryLine] in
            try DutySummaryLine.of(db)
        }
        #expect(summary.first { $0.key == "truong-ke-hoach" } == DutySummaryLine(key: "truong-ke-hoach", units: 1, done: 1,
                                                                                  evidence: ["Trường TH Thử: Kế hoạch số 12/KH-TH ngày 10/9/2026"]))
    }
}

/// The report's duty summary, read the way the yearly report reads it.
struct DutySummaryLine: Equatable {
    let key: String; let units: Int; let done: Int; let evidence: [String]

    static func of(_ db: Database) throws -> [DutySummaryLine] {
        let programme = try Programme(path: repositoryRoot.appendingPathComponent("campaigns/programme.yaml").path)
        return try DutyStore.summary(db, year: 2026, programme: programme).map { DutySummaryLine(key: $0.duty.key, units: $0.units, done: $0.done, evidence: $0.evidence) }
    }
}

@Suite("Recognition that expires")
struct RecognitionExpiryTests {
    @Test("The commune recognised at level 1 in 2024 holds to the end of 2026; in 2027 the list says it must be assessed again")
    func expiry() async throws {
        let commune = try await TestCommune()
        let sets = try CriteriaSets(directory: repositoryRoot.appendingPathComponent("campaigns/criteria").path)
        let forms = try HonourForms(path: repositoryRoot.appendingPathComponent("campaigns/honours.yaml").path)
        let set = try #require(sets.set("cong-dong-hoc-tap-xa"))
        let id = try await commune.database.write { db -> Int64 in
            let committee = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE kind = 'commune_committee'")!
            let registration = try RecognitionStore.register(db, year: 2024, set: set, subjectId: committee, on: CivilDate(year: 2024, month: 1, day: 10)!, by: .system)
            var scores = Dictionary(uniqueKeysWithValues: set.criteria.map { ($0.key, RecognitionStore.ScoreInput(passed: true)) })
            scores["pcgd-xmc-2"] = .init(passed: false)
            _ = try RecognitionStore.assess(db, id: registration.id!, set: set, scores: scores, on: CivilDate(year: 2024, month: 12, day: 20)!, by: .system)
            _ = try RecognitionStore.decide(db, id: registration.id!, approve: true, set: set, forms: forms, by: .system)
            return registration.id!
        }
        func page(_ path: String, on day: Double) async throws -> String {
            var configuration = TestCommune.configuration
            configuration.clock = .fixed(Date(timeIntervalSince1970: day))
            let app = try await buildApplication(configuration, database: commune.database)
            return try await app.test(.router) { client in
                let browser = Browser(client)
                _ = try await browser.signIn("canbo", TestCommune.password)
                return try await browser.get(path).text
            }
        }
        let list = "/recognition/registrations?year=2024&set=cong-dong-hoc-tap-xa"
        let in2026 = try await page(list, on: 1_790_000_000)  // 2026-09-21
        #expect(in2026.contains("Mức độ 1") && in2026.contains(">2026<") && !in2026.contains("đã hết hiệu lực"))
        let in2027 = try await page(list, on: 1_830_000_000)  // 2027-12-28
        #expect(in2027.contains("2026 — đã hết hiệu lực, cần đánh giá lại"))
        let assessment = try await page("/recognition/registrations/\(id)", on: 1_830_000_000)
        #expect(assessment.contains("Thông tư 25/2023/TT-BGDĐT") && assessment.contains("3 năm, hết hạn phải đánh giá công nhận lại")
                && assessment.contains("<strong>đã hết hiệu lực, cần đánh giá lại</strong>"))
    }
}
