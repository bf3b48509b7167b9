import Foundation
import GRDB
@testable import Store
import Testing
import Vietnamese

@Suite("Duplicate residents")
struct DuplicateFinderTests {
    /// The register the probes are checked against (ids 1–8 in this order).
    static func register() throws -> (Fixture, [String: Int64]) {
        let fixture = try Fixture()
        var ids: [String: Int64] = [:]
        let people: [(String, String, Int, Bool, String?)] = [
            ("huong", "Nguyễn Thị Hường", 1980, true, "0912345678"), ("phung", "Đặng Văn Phụng", 1975, true, nil),
            ("hwen", "Ksor H'Wen", 1990, false, "0386123456"), ("an", "Lê Văn An", 1960, false, nil),
            ("ha", "Trần Thị Thu Hà", 1985, true, nil), ("hien", "Y Hiên", 2001, false, nil),
            ("binh", "Nguyễn Văn Bình", 1970, true, nil), ("tuan", "Phạm Minh Tuấn", 1988, true, "0977000111"),
        ]
        for (key, name, year, inA, phone) in people {
            ids[key] = try fixture.addPerson(name, village: inA ? fixture.villageA : fixture.villageB, phone: phone, birthYear: year).id!
        }
        return (fixture, ids)
    }

    static func phone(_ text: String) -> String { try! PhoneNumber.parse(text).get().normalized }

    /// name, birth year, village (A, B or none), phone, the record expected first (nil: no candidate).
    static let cases: [(String, Int?, String?, String?, String?)] = [
        ("Nguyen Thi Huong", 1980, "A", nil, "huong"), ("Nguyễn Thị Hường".decomposedStringWithCanonicalMapping, 1980, nil, nil, "huong"),
        ("Nguyễn Thị Hương", 1980, nil, nil, "huong"), ("Nguyễn Thi Hường", nil, "A", nil, "huong"),
        ("Nguyễn Thị Hưởng", 1981, nil, nil, "huong"), ("NGUYỄN THỊ HƯỜNG", 1980, nil, nil, "huong"),
        ("Nguyen Thi Huogn", 1980, nil, nil, "huong"), ("Nguyen Thi Huog", 1980, nil, nil, "huong"),
        ("Nguyễn Hường", 1980, nil, nil, "huong"), ("Nguyễn Thị Hường", nil, nil, "+84 912 345 678", "huong"),
        ("  Nguyễn   Thị  Hường ", 1980, nil, nil, "huong"),
        ("Dang Van Phung", 1975, nil, nil, "phung"), ("ĐẶNG VĂN PHỤNG", 1975, nil, nil, "phung"),
        ("Đặng Văn Phùng", 1975, nil, nil, "phung"), ("Dang Van Phungg", 1975, nil, nil, "phung"),
        ("Ksor HWen", 1990, nil, nil, "hwen"), ("Ksor H’Wen", nil, "B", nil, "hwen"), ("ksor h'wen", nil, nil, "0386 123 456", "hwen"),
        ("Lê Văn Ân", 1960, "B", nil, "an"), ("Le Van An", 1961, nil, nil, "an"),
        ("Trần Thị Thu Hà", 1985, "A", nil, "ha"), ("Tran Thi Ha", 1985, nil, nil, "ha"), ("Trân Thị Thu Hà", 1985, nil, nil, "ha"),
        ("Y Hien", 2001, "B", nil, "hien"), ("Y Hiên", 2002, nil, nil, "hien"), ("Y Hiên", 2001, "A", nil, "hien"),
        ("Pham Minh Tuan", nil, nil, "(+84) 977-000-111", "tuan"), ("Phạm Minh Tuấn", 1988, nil, nil, "tuan"),
        ("Pham Mihn Tuan", 1988, nil, nil, "tuan"), ("Nguyen Van Binh", 1970, "A", nil, "binh"),
        // Not the same person.
        ("Nguyễn Văn Bình", 1995, "A", nil, nil), ("Nguyễn Thị Lan", 1980, "A", nil, nil),
        ("Trần Văn Hùng", nil, nil, "0912345678", nil), ("Lê Văn An", nil, nil, nil, nil),
        ("Hoàng Thị Hường", 1980, "A", nil, nil), ("Nguyễn Thị Hường", 1990, "A", nil, nil), ("Ksor H'Wen", 1950, nil, nil, nil),
        ("Nguyen Thi Huonggg", 1980, "A", nil, nil),
        // A slip in the given name's first two letters is found only with the phone (the index is asked by that prefix).
        ("Nguyen Thi Hong", 1980, nil, nil, nil), ("Nguyen Thi Hong", nil, nil, "0912345678", "huong"),
    ]

    @Test("Candidates are found by folded name, a slip, a missing middle name, confirmed by phone, year or village", arguments: Self.cases)
    func probe(name: String, year: Int?, village: String?, phone: String?, expected: String?) throws {
        let (fixture, ids) = try Self.register()
        let probe = DuplicateFinder.Probe(fullName: name, birthYear: year, villageId: village == "A" ? fixture.villageA : village == "B" ? fixture.villageB : nil,
                                          phone: phone.map(Self.phone))
        let found = try fixture.database.writer.read { try DuplicateFinder.candidates($0, for: probe) }
        #expect(found.first?.id == expected.flatMap { ids[$0] }, "\(name) \(year.map(String.init) ?? "") \(village ?? "") \(phone ?? "")")
    }

    @Test("The rules are a setting: no slips allowed, or a confirming field left out")
    func rules() throws {
        let (fixture, ids) = try Self.register()
        func first(_ probe: DuplicateFinder.Probe, _ rules: DedupeRules) throws -> Int64? {
            try fixture.database.writer.read { try DuplicateFinder.candidates($0, for: probe, rules: rules) }.first?.id
        }
        var strict = DedupeRules.standard
        strict.nameEdits = 0
        #expect(try first(.init(fullName: "Nguyen Thi Huogn", birthYear: 1980), strict) == nil)
        #expect(try first(.init(fullName: "Nguyen Thi Huong", birthYear: 1980), strict) == ids["huong"])
        var noYear = DedupeRules.standard
        noYear.birthYear = false
        #expect(try first(.init(fullName: "Nguyễn Thị Hường", birthYear: 1980), noYear) == nil)
        var noVillage = DedupeRules.standard
        noVillage.village = false
        #expect(try first(.init(fullName: "Nguyễn Thị Hường", villageId: fixture.villageA), noVillage) == nil)
        try fixture.database.writer.write { db in
            try Settings.set(db, DedupeRules.nameEditsSetting.name, to: "0", by: .system)
            try Settings.set(db, DedupeRules.fieldsSetting.name, to: "phone, village", by: .system)
            #expect(try DedupeRules.fromSettings(db) == DedupeRules(nameEdits: 0, phone: true, birthYear: false, village: true))
        }
    }

    @Test("Every reason is named, the strongest match first; the record itself is left out")
    func reasonsAndExclusion() throws {
        let (fixture, ids) = try Self.register()
        let probe = DuplicateFinder.Probe(fullName: "Nguyễn Thị Hường", birthYear: 1980, villageId: fixture.villageA, phone: Self.phone("0912345678"))
        let found = try fixture.database.writer.read { try DuplicateFinder.candidates($0, for: probe) }
        #expect(found.first?.reasons == [.sameName, .samePhone, .sameBirthYear, .sameVillage])
        let itself = try fixture.database.writer.read { try DuplicateFinder.candidates($0, for: probe, excluding: ids["huong"]) }
        #expect(itself.isEmpty)
    }

    @Test("A new person who may already be on the register is not saved until the clerk confirms")
    func createAsks() throws {
        let (fixture, ids) = try Self.register()
        let input = PersonInput(fullName: "Nguyen Thi Huong", birthYear: "1980", villageId: fixture.villageA)
        let refused = #expect(throws: PersonStore.PossibleDuplicates.self) {
            try fixture.database.writer.write { try PersonStore.create($0, input, by: .system, checkDuplicates: true) }
        }
        #expect(refused?.candidates.map(\.id) == [ids["huong"]!])
        let count = { try fixture.database.writer.read { try Person.fetchCount($0) } }
        #expect(try count() == 8)
        _ = try fixture.database.writer.write { try PersonStore.create($0, input, by: .system, checkDuplicates: true, confirmedNew: true) }
        #expect(try count() == 9)
    }
}

@Suite("Name distance")
struct NameDistanceTests {
    /// The textbook distance, every cell computed: the banded one must agree with it wherever it answers.
    static func reference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    @Test("The banded distance equals the full one up to its limit, on 3,000 random pairs of short names")
    func bandedAgrees() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("anhuo ".utf8)
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 0...8, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
            var b = a
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &rng))
                case 1: b.insert(letters.randomElement(using: &rng)!, at: Int.random(in: 0...b.count, using: &rng))
                case 2 where b.count > 1: let i = Int.random(in: 0..<(b.count - 1), using: &rng); b.swapAt(i, i + 1)
                case 3 where !b.isEmpty: b[Int.random(in: 0..<b.count, using: &rng)] = letters.randomElement(using: &rng)!
                default: break
                }
            }
            let full = Self.reference(a, b)
            for limit in 0...2 {
                #expect(DuplicateFinder.osa(a, b, limit: limit) == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }
}

@Suite("Duplicates in imports")
struct ImportDuplicatesTests {
    func run(_ fixture: Fixture, _ csv: String, _ handling: PeopleImporter.DuplicateHandling) throws -> ImportReport {
        try fixture.database.writer.writeWithoutTransaction { db in
            try PeopleImporter.run(db, data: Data(csv.utf8), file: "truong.csv", options: .init(duplicates: handling), by: .system)
        }
    }

    static let csv = "Họ và tên,Giới tính,Năm sinh,Thôn,Điện thoại\nNguyen Thi Huong,Nữ,1980,Thôn A,\nLê Văn Mới,Nam,1990,Thôn A,\nĐặng Văn Phụng,Nam,1975,,\n"

    @Test("Each row that may be someone on the register is reported with its line and who; skipped when asked")
    func reportOrSkip() throws {
        let (reported, ids) = try DuplicateFinderTests.register()
        let report = try run(reported, Self.csv, .report)
        #expect(report.succeeded && report.inserted == 3 && report.skipped == 0)
        #expect(report.duplicates.map(\.line) == [2, 4] && report.duplicates.map(\.candidate.id) == [ids["huong"], ids["phung"]])
        #expect(report.duplicates.first?.description
                    == "truong.csv:2: Nguyen Thi Huong có thể đã có: #\(ids["huong"]!) Nguyễn Thị Hường (họ tên gần giống, cùng năm sinh, cùng thôn)"
                || report.duplicates.first?.description.contains("có thể đã có: #\(ids["huong"]!) Nguyễn Thị Hường") == true)
        let (skipping, _) = try DuplicateFinderTests.register()
        let skipped = try run(skipping, Self.csv, .skip)
        #expect(skipped.succeeded && skipped.inserted == 1 && skipped.skipped == 2)
        #expect(try skipping.database.writer.read { try Person.fetchCount($0) } == 9)
    }

    @Test("Linked: the row is taken as the resident found, who gains only what their record lacked, and no one is added")
    func link() throws {
        let (fixture, ids) = try DuplicateFinderTests.register()
        let csv = "Họ và tên,Giới tính,Năm sinh,Thôn,Điện thoại,Đồng ý nhận tin\nNguyen Thi Huong,Nữ,1980,Thôn A,0977 123 456,có\nLê Văn Mới,Nam,1990,Thôn A,,\n"
        let before = try fixture.database.writer.read { try Person.fetchOne($0, key: ids["huong"]!)! }
        let report = try run(fixture, csv, .link)
        #expect(report.succeeded && report.inserted == 1 && report.linked == 1)
        #expect(try fixture.database.writer.read { try Person.fetchCount($0) } == 9)
        let after = try fixture.database.writer.read { try Person.fetchOne($0, key: ids["huong"]!)! }
        #expect(after.fullName == before.fullName, "the name on the register stays")
        #expect(after.phone == (before.phone ?? "+84977123456"), "a phone is filled only where there was none")
        #expect(after.birthYear == before.birthYear && after.villageId == before.villageId)
        let consents = try fixture.database.writer.read { try ConsentStore.consents($0, personId: ids["huong"]!) }
        #expect(consents.contains { $0.channel == .sms && $0.isActive })
        // A dry run links nothing.
        let (dry, dryIds) = try DuplicateFinderTests.register()
        let dryReport = try dry.database.writer.writeWithoutTransaction { db in
            try PeopleImporter.run(db, data: Data(csv.utf8), file: "truong.csv", options: .init(dryRun: true, duplicates: .link), by: .system)
        }
        #expect(dryReport.linked == 1)
        #expect(try dry.database.writer.read { try ConsentStore.consents($0, personId: dryIds["huong"]!) }.isEmpty)
    }

    @Test("An empty register is not checked: the first load stays fast")
    func emptyRegister() throws {
        let fixture = try Fixture()
        let report = try run(fixture, Self.csv, .skip)
        #expect(report.inserted == 3 && report.duplicates.isEmpty && !report.duplicatesNotChecked)
    }
}
