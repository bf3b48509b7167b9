import GRDB
import Vietnamese

/// Likely duplicate pairs across the whole register, ranked: people are read once and put in blocks that a pair of
/// records of one resident shares — the given name with the birth year, the family name with the village and birth
/// year (a slip in the given name), the phone — and only records of one block are compared, with the finder's rules.
public enum DuplicateScan {
    public struct Side: Sendable, Equatable {
        public let id: Int64; public let fullName: String; public let birthYear: Int?; public let villageId: Int64?; public let phone: String?
    }
    public struct Pair: Sendable, Equatable {
        public let first: Side
        public let second: Side
        public let reasons: [DuplicateFinder.Reason]
        public var score: Int { reasons.reduce(0) { $0 + $1.weight } }
    }
    public struct Result: Sendable {
        public let pairs: [Pair]
        public let people: Int
        /// Blocks too large to compare pair by pair (hundreds of namesakes of one year): left out, and counted.
        public let skippedBlocks: Int
    }

    /// A block larger than this is a common name, not a duplicate: comparing it would cost its size squared.
    static let blockLimit = 200

    public static func scan(_ db: Database, rules: DedupeRules = .standard, for principal: Principal = .system, limit: Int = 500) throws -> Result {
        var records: [DuplicateFinder.Record] = []
        var blocks: [String: [Int32]] = [:]
        var filter = SQLFilter()
        if case .units(let ids) = principal.readScope { filter.add("villageId IN (\(SQLList.ids(ids)))") }
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, fullName, searchKey, birthYear, villageId, phone FROM person\(filter.whereClause)",
                                         arguments: filter.arguments)
        while let row = try cursor.next() {
            let key: String = row[2]
            let words = key.split(separator: " ")
            guard let given = words.last, let family = words.first else { continue }
            let record = DuplicateFinder.Record(id: row[0], fullName: row[1], words: words, birthYear: row[3], villageId: row[4], phone: row[5])
            let index = Int32(records.count)
            records.append(record)
            let year = record.birthYear.map(String.init) ?? "-"
            blocks["g\(given)|\(year)", default: []].append(index)
            blocks["f\(family)|\(record.villageId ?? 0)|\(year)", default: []].append(index)
            if rules.phone, let phone = record.phone { blocks["p\(phone)", default: []].append(index) }
        }
        var seen: Set<Int64> = []
        var pairs: [Pair] = []
        var skipped = 0
        for members in blocks.values where members.count > 1 {
            guard members.count <= blockLimit else { skipped += 1; continue }
            for i in 0..<(members.count - 1) {
                let a = records[Int(members[i])]
                let probe = DuplicateFinder.Probe(fullName: a.fullName, birthYear: a.birthYear, villageId: a.villageId, phone: a.phone)
                for j in (i + 1)..<members.count {
                    let b = records[Int(members[j])]
                    let pairKey = min(a.id, b.id) << 32 | max(a.id, b.id)
                    guard !seen.contains(pairKey), let candidate = DuplicateFinder.judge(words: a.words, probe: probe, b, rules: rules) else { continue }
                    seen.insert(pairKey)
                    pairs.append(Pair(first: side(a), second: side(b), reasons: candidate.reasons))
                }
            }
        }
        let ranked = pairs.sorted { ($0.score, -min($0.first.id, $0.second.id)) > ($1.score, -min($1.first.id, $1.second.id)) }
        return Result(pairs: Array(ranked.prefix(limit)), people: records.count, skippedBlocks: skipped)
    }

    static func side(_ r: DuplicateFinder.Record) -> Side {
        Side(id: r.id, fullName: r.fullName, birthYear: r.birthYear, villageId: r.villageId, phone: r.phone)
    }
}
