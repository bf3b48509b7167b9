import GRDB
import Vietnamese

/// Likely duplicate pairs across the whole register, ranked: people are read once and put in blocks that a pair of
/// records of one resident shares — the given name with the birth year, the family name with the village and birth
/// year (a slip in the given name), the phone — and only records of one block are compared, with the finder's rules.
package enum DuplicateScan {
    package struct Side: Sendable, Equatable {
        package let id: Int64; package let fullName: String; package let birthYear: Int?; package let villageId: Int64?; package let phone: String?
    }
    package struct Pair: Sendable, Equatable {
        package let first: Side
        package let second: Side
        package let reasons: [DuplicateFinder.Reason]
        package var score: Int { DuplicateFinder.score(reasons) }
    }
    package struct Result: Sendable {
        package let pairs: [Pair]
        package let people: Int
        /// Blocks too large to compare pair by pair (hundreds of namesakes of one year): left out, and counted.
        package let skippedBlocks: Int
    }

    /// A block larger than this is a common name, not a duplicate: comparing it would cost its size squared.
    static let blockLimit = 200

    package static func scan(_ db: Database, rules: DedupeRules = .standard, for principal: Principal = .system, limit: Int = 500) throws -> Result {
        var records: [DuplicateFinder.Record] = []
        // Each record's block keys, computed once: the family and phone blocks compare them for every pair.
        // Kept as 32 bits: a collision would only leave one pair to the next block, and a million records save 8 MB.
        var givenKeys: [Int32] = [], familyKeys: [Int32] = []
        // Blocks by a hash of their key: two keys colliding only add comparisons, the judge decides.
        var byGiven: [Int: [Int32]] = [:], byFamily: [Int: [Int32]] = [:], byPhone: [Int: [Int32]] = [:]
        var filter = SQLFilter()
        if case .units(let ids) = principal.readScope { filter.add("villageId IN (\(SQLList.ids(ids)))") }
        // Names are read back only for the pairs kept: a million of them held in memory cost more than the keys.
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, searchKey, birthYear, villageId, phone FROM person\(filter.whereClause)",
                                         arguments: filter.arguments)
        while let row = try cursor.next() {
            let record = DuplicateFinder.Record(id: row[0], fullName: "", searchKey: row[1], birthYear: row[2], villageId: row[3], phone: row[4])
            guard !record.key.isEmpty else { continue }
            let index = Int32(records.count)
            records.append(record)
            let given = givenKey(record), family = familyKey(record)
            givenKeys.append(Int32(truncatingIfNeeded: given))
            familyKeys.append(Int32(truncatingIfNeeded: family))
            byGiven[given, default: []].append(index)
            byFamily[family, default: []].append(index)
            if rules.phone, let phone = record.phone { byPhone[phone.hashValue, default: []].append(index) }
        }
        var top = TopPairs(limit: limit)
        var skipped = 0
        // A pair is judged in the first block it shares — given name, then family, then phone — so none twice.
        func compare(_ members: [Int32], skip: (Int, Int) -> Bool) {
            guard members.count > 1 else { return }
            guard members.count <= blockLimit else { skipped += 1; return }
            for i in 0..<(members.count - 1) {
                let ia = Int(members[i]), a = records[ia]
                let probe = DuplicateFinder.Probe(fullName: a.fullName, birthYear: a.birthYear, villageId: a.villageId, phone: a.phone)
                for j in (i + 1)..<members.count {
                    let ib = Int(members[j]), b = records[ib]
                    guard !skip(ia, ib), let candidate = DuplicateFinder.judge(key: a.key, probe: probe, b, rules: rules) else { continue }
                    top.add(Pair(first: side(a), second: side(b), reasons: candidate.reasons))
                }
            }
        }
        for members in byGiven.values { compare(members) { _, _ in false } }
        for members in byFamily.values { compare(members) { givenKeys[$0] == givenKeys[$1] } }
        for members in byPhone.values { compare(members) { givenKeys[$0] == givenKeys[$1] || familyKeys[$0] == familyKeys[$1] } }
        let pairs = top.ranked()
        let names = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT id, fullName FROM person WHERE id IN (\(SQLList.ids(Set(pairs.flatMap { [$0.first.id, $0.second.id] }))))
            """).map { ($0[0] as Int64, $0[1] as String) })
        func named(_ side: Side) -> Side {
            Side(id: side.id, fullName: names[side.id] ?? "", birthYear: side.birthYear, villageId: side.villageId, phone: side.phone)
        }
        return Result(pairs: pairs.map { Pair(first: named($0.first), second: named($0.second), reasons: $0.reasons) },
                      people: records.count, skippedBlocks: skipped)
    }

    static func givenKey(_ r: DuplicateFinder.Record) -> Int {
        var hasher = Hasher()
        hasher.combine(r.key.split(separator: 0x20).last.map(Array.init) ?? [])
        hasher.combine(r.birthYear)
        return hasher.finalize()
    }

    static func familyKey(_ r: DuplicateFinder.Record) -> Int {
        var hasher = Hasher()
        hasher.combine(r.key.split(separator: 0x20).first.map(Array.init) ?? [])
        hasher.combine(r.villageId)
        hasher.combine(r.birthYear)
        return hasher.finalize()
    }

    /// The likeliest pairs seen so far, at most `limit` kept: a common name's thousand look-alikes never pile up.
    struct TopPairs {
        let limit: Int
        private var pairs: [Pair] = []
        init(limit: Int) { self.limit = limit }

        mutating func add(_ pair: Pair) {
            pairs.append(pair)
            if pairs.count >= 2 * limit + 64 { pairs = ranked() }
        }

        func ranked() -> [Pair] {
            Array(pairs.sorted { ($0.score, -min($0.first.id, $0.second.id)) > ($1.score, -min($1.first.id, $1.second.id)) }.prefix(limit))
        }
    }

    static func side(_ r: DuplicateFinder.Record) -> Side {
        Side(id: r.id, fullName: r.fullName, birthYear: r.birthYear, villageId: r.villageId, phone: r.phone)
    }
}
