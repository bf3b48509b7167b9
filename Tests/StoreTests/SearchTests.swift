import Foundation
import GRDB
import Testing
@testable import Store
import Vietnamese

@Suite("People search")
struct SearchTests {
    @Test("Accented, unaccented and NFD queries all find the same person")
    func foldsQueries() throws {
        let fixture = try Fixture()
        try fixture.addPerson("Đặng Thị Phụng", village: fixture.villageA)
        try fixture.addPerson("Nguyễn Văn An", village: fixture.villageA)
        for query in ["dang thi phung", "Đặng Thị Phụng", "Đặng Thị Phụng".decomposedStringWithCanonicalMapping, "DANG phung", "phun"] {
            let page = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(text: query), for: .system) }
            #expect(page.items.map(\.fullName) == ["Đặng Thị Phụng"], "query \(query)")
        }
    }

    @Test("Ethnic names with an apostrophe are found with or without it, and lists order them by given name")
    func apostrophesAndGivenNameOrder() throws {
        let fixture = try Fixture()
        try fixture.addPerson("Ksor H’Wen", village: fixture.villageA)
        try fixture.addPerson("Nguyễn Văn Án", village: fixture.villageA)
        try fixture.addPerson("Trần Văn An", village: fixture.villageA)
        try fixture.addPerson("Lê Văn Ản", village: fixture.villageA)
        for query in ["hwen", "h'wen", "H’Wen", "ksor hwen"] {
            let page = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(text: query), for: .system) }
            #expect(page.items.map(\.fullName) == ["Ksor H’Wen"], "query \(query)")
        }
        let all = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(text: ""), for: .system) }
        #expect(all.items.map(\.fullName) == ["Trần Văn An", "Lê Văn Ản", "Nguyễn Văn Án", "Ksor H’Wen"])
    }

    @Test("A person's own sort name places them by the word their naming system puts first")
    func ownSortName() throws {
        let fixture = try Fixture()
        try fixture.addPerson("Lê Văn Tâm", village: fixture.villageA)
        try fixture.addPerson("Lê Văn Ry", village: fixture.villageA)
        let input = PersonInput(fullName: "Thạch Thị Sa Vi", villageId: fixture.villageA, sortName: "Sa Vi Thạch Thị")
        let created = try fixture.database.writer.write { try PersonStore.create($0, input, by: .system) }
        #expect(created.sortName == "Sa Vi Thạch Thị")
        let names = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(text: ""), for: .system) }.items.map(\.fullName)
        #expect(names == ["Lê Văn Ry", "Thạch Thị Sa Vi", "Lê Văn Tâm"])
    }

    @Test("Stored names are NFC even when typed in NFD")
    func storesNFC() throws {
        let fixture = try Fixture()
        let person = try fixture.addPerson("Lê Thị Hường".decomposedStringWithCanonicalMapping, village: fixture.villageA)
        #expect(Array(person.fullName.unicodeScalars) == Array("Lê Thị Hường".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test("Exact name first, then people whose given name matches, then the rest by given name")
    func ranking() throws {
        let fixture = try Fixture()
        try fixture.addPerson("An Văn Bình", village: fixture.villageA)
        try fixture.addPerson("Trần Thị An", village: fixture.villageA)
        try fixture.addPerson("Lê An", village: fixture.villageA)
        try fixture.addPerson("An", village: fixture.villageA)
        let names = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(text: "an"), for: .system) }.items.map(\.fullName)
        #expect(names == ["An", "Lê An", "Trần Thị An", "An Văn Bình"])
    }

    @Test("Phone numbers are searchable in any written form, alone or with a name")
    func phoneSearch() throws {
        let fixture = try Fixture()
        try fixture.addPerson("Hồ Văn Sơn", village: fixture.villageA, phone: "0912 345 678")
        try fixture.addPerson("Hồ Thị Lan", village: fixture.villageA, phone: "0913 111 222")
        try fixture.addPerson("Hồ Văn Ba", village: fixture.villageA)
        func names(_ text: String) throws -> [String] {
            try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(text: text), for: .system) }.items.map(\.fullName)
        }
        for query in ["0912345678", "912345", "+84912345678", "0912 345", "0912.345.678", "+84 912 345", "84912345678", "Sơn 0912", "ho 0912 345"] {
            #expect(try names(query) == ["Hồ Văn Sơn"], "query \(query)")
        }
        #expect(try names("091") == ["Hồ Thị Lan", "Hồ Văn Sơn"])
        #expect(try names("Lan 0912").isEmpty)
        #expect(try names("0914").isEmpty)
    }

    @Test("Typed text splits into name words for the full-text index and a phone start for the phone index")
    func splitsNameAndPhone() {
        let text = PersonSearchText("Nguyễn Lan 0912 345")
        #expect(text.name.words == ["nguyen", "lan"])
        #expect(text.phoneStart == "+84912345")
        #expect(PersonSearchText("Lan").phoneStart == nil)
        #expect(PersonSearchText("+84 912").phoneStart == "+84912")
        #expect(PersonSearchText("0912").name.isEmpty)
    }

    @Test("Lists sort by given name and page through everyone; totals come from kept counters")
    func listingAndPaging() throws {
        let fixture = try Fixture()
        for name in ["Trần Văn Cường", "Nguyễn Thị An", "Lê Bình", "Phạm Thị Dung", "Võ Minh Em"] {
            try fixture.addPerson(name, village: fixture.villageA)
        }
        let first = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(page: 1, perPage: 2), for: .system) }
        let second = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(page: 2, perPage: 2), for: .system) }
        #expect(first.items.map(\.fullName) == ["Nguyễn Thị An", "Lê Bình"])
        #expect(second.items.map(\.fullName) == ["Trần Văn Cường", "Phạm Thị Dung"])
        #expect(first.total == 5)
        #expect(first.pageCount == 3)
    }

    @Test("A unit editor sees only people of their village, in lists and searches")
    func scopedSearch() throws {
        let fixture = try Fixture()
        try fixture.addPerson("Nguyễn Văn Ở A", village: fixture.villageA)
        let other = try fixture.addPerson("Nguyễn Văn Ở B", village: fixture.villageB)
        let page = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(text: "nguyen"), for: fixture.editorA) }
        #expect(page.items.map(\.fullName) == ["Nguyễn Văn Ở A"])
        let all = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(), for: fixture.editorA) }
        #expect(all.total == 1)
        #expect(throws: DomainError.outsideScope) {
            try fixture.database.writer.read { try PersonStore.get($0, id: other.id!, for: fixture.editorA) }
        }
    }

    @Test("Counters follow inserts, moves between villages and deletions")
    func countersStayTrue() throws {
        let fixture = try Fixture()
        let person = try fixture.addPerson("Bùi Văn Tư", village: fixture.villageA)
        try fixture.addPerson("Bùi Thị Năm", village: fixture.villageA)
        try fixture.database.writer.write { db in
            _ = try PersonStore.update(db, id: person.id!, PersonInput(fullName: "Bùi Văn Tư", villageId: fixture.villageB), by: .system)
        }
        let (a, b, problems) = try fixture.database.writer.read { db in
            (try PersonStore.search(db, PersonQuery(villageId: fixture.villageA), for: .system).total,
             try PersonStore.search(db, PersonQuery(villageId: fixture.villageB), for: .system).total,
             try DatabaseCheck.run(db))
        }
        #expect(a == 1 && b == 1)
        #expect(problems.isEmpty)
        try fixture.database.writer.write { _ = try Person.deleteOne($0, key: person.id!) }
        let afterDelete = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(), for: .system).total }
        #expect(afterDelete == 1)
    }
}

@Suite("Search with common middle names")
struct CommonMiddleNameTests {
    @Test("'Thị' and 'Văn' still narrow the result when checked on candidates rather than in the index")
    func middleNamesStillCount() throws {
        let fixture = try Fixture()
        try fixture.addPerson("Nguyễn Thị Lan", village: fixture.villageA)
        try fixture.addPerson("Nguyễn Văn Lan", village: fixture.villageA)
        try fixture.addPerson("Nguyễn Thị Lan Anh", village: fixture.villageA)
        try fixture.addPerson("Nguyễn Thịnh Lan", village: fixture.villageA)
        let query = FullTextQuery("Nguyễn Thị Lan")
        #expect(query.matchExpression == #""nguyen" "lan"*"#)
        #expect(query.checkedWords == ["thi"])
        let names = try fixture.database.writer.read { try PersonStore.search($0, PersonQuery(text: "nguyen thi lan"), for: .system) }.items.map(\.fullName)
        #expect(names == ["Nguyễn Thị Lan", "Nguyễn Thị Lan Anh"])
        // With fewer narrowing words the middle name stays in the index lookup.
        #expect(FullTextQuery("thi lan").matchExpression == #""thi" "lan"*"#)
    }
}

@Suite("Search index migration")
struct SearchMigrationTests {
    @Test("People written before store.v3 are found by name and phone afterwards, and later edits keep the index true")
    func rebuildsOldIndex() throws {
        let queue = try DatabaseQueue()
        let migrator = AppDatabase.migrator(modules: [StoreSchema.self])
        try migrator.migrate(queue, upTo: "store.v2-household-index")
        let id = try queue.write { db -> Int64 in
            let village = try UnitStore.create(db, UnitInput(name: "Thôn Cũ", kind: "village"), by: .system).id!
            // As the code of that time wrote a person: the columns of store.v1 only (today's record has more).
            try db.execute(sql: """
                INSERT INTO person (fullName, sortKey, searchKey, gender, villageId, phone, phoneOriginal, createdAt, updatedAt)
                VALUES (?, ?, ?, 'unknown', ?, '+84987654321', '0987 654 321', ?, ?)
                """, arguments: ["Đinh Thị Hoa", NameSortKey.make(cleaned: "Đinh Thị Hoa"), VietnameseText.searchKey("Đinh Thị Hoa"), village, Date(), Date()])
            return db.lastInsertedRowID
        }
        let database = try AppDatabase(queue, modules: [StoreSchema.self])
        func names(_ text: String) throws -> [String] {
            try database.writer.read { try PersonStore.search($0, PersonQuery(text: text), for: .system) }.items.map(\.fullName)
        }
        #expect(try names("dinh hoa") == ["Đinh Thị Hoa"])
        #expect(try names("0987 654") == ["Đinh Thị Hoa"])
        try database.writer.write { db in
            let person = try PersonStore.get(db, id: id, for: .system)
            _ = try PersonStore.update(db, id: id, PersonInput(fullName: "Đinh Thị Hồng", villageId: person.villageId, phone: "0987 654 321"), by: .system)
        }
        #expect(try names("hoa").isEmpty)
        #expect(try names("hong") == ["Đinh Thị Hồng"])
        try database.writer.write { _ = try Person.deleteOne($0, key: id) }
        #expect(try names("hong").isEmpty)
        #expect(try names("0987").isEmpty)
        let problems = try database.writer.read { db in
            (try DatabaseCheck.run(db), try Bool.fetchOne(db, sql: "SELECT count(*) = 0 FROM person_fts WHERE person_fts MATCH 'dinh'"))
        }
        #expect(problems.0.isEmpty)
        #expect(problems.1 == true)
    }
}
