import GRDB
import Vietnamese

/// How strictly two records are taken for the same resident: how many typing slips a name may differ by, and which
/// other fields may confirm it. A setting (`dedupe.nameEdits`, `dedupe.fields`), read when candidates are sought.
public struct DedupeRules: Sendable, Equatable {
    /// Letters inserted, dropped, changed or two neighbours swapped, on the folded name (tones and đ already gone).
    public var nameEdits: Int
    public var phone: Bool
    public var birthYear: Bool
    public var village: Bool

    public static let standard = DedupeRules(nameEdits: 1, phone: true, birthYear: true, village: true)

    public static let nameEditsSetting = Settings.Key("dedupe.nameEdits", label: "Tìm người trùng: số chữ gõ sai bỏ qua trong họ tên (0, 1 hoặc 2)", default: "1")
    public static let fieldsSetting = Settings.Key("dedupe.fields", label: "Tìm người trùng: trường xác nhận, cách nhau dấu phẩy (phone, birthYear, village)",
                                                    default: "phone,birthYear,village")

    public static func fromSettings(_ db: Database) throws -> DedupeRules {
        let edits = Int(try Settings.value(db, nameEditsSetting)).map { min(max($0, 0), 2) } ?? 1
        let fields = Set(try Settings.value(db, fieldsSetting).split(separator: ",").map { VietnameseText.searchKey(String($0)).replacingOccurrences(of: " ", with: "") })
        return DedupeRules(nameEdits: edits, phone: fields.contains("phone"), birthYear: fields.contains("birthyear"), village: fields.contains("village"))
    }
}

/// Residents who may be the one about to be saved: found by folded name (tones, đ/d, NFD and apostrophes do not
/// matter; a slip of a letter or two swapped letters tolerated; a middle name left out tolerated), confirmed by the
/// same phone, a birth year within one, or the same village. Shown before a form saves, refused by the API unless
/// confirmed, reported by imports, and paired on the duplicates page.
public enum DuplicateFinder {
    public struct Probe: Sendable, Equatable {
        public var fullName: String
        public var birthYear: Int?
        public var villageId: Int64?
        /// Normalised "+84…".
        public var phone: String?
        public init(fullName: String, birthYear: Int? = nil, villageId: Int64? = nil, phone: String? = nil) {
            self.fullName = fullName; self.birthYear = birthYear; self.villageId = villageId; self.phone = phone
        }
    }

    public enum Reason: String, Sendable, Equatable, CaseIterable, Labelled {
        case samePhone, sameName, similarName, sameBirthYear, nearBirthYear, sameVillage

        public var label: String {
            switch self {
            case .samePhone: return "cùng số điện thoại"
            case .sameName: return "cùng họ tên"
            case .similarName: return "họ tên gần giống"
            case .sameBirthYear: return "cùng năm sinh"
            case .nearBirthYear: return "năm sinh lệch 1"
            case .sameVillage: return "cùng thôn"
            }
        }

        public var englishLabel: String {
            switch self {
            case .samePhone: return "same phone"
            case .sameName: return "same name"
            case .similarName: return "similar name"
            case .sameBirthYear: return "same birth year"
            case .nearBirthYear: return "birth year one apart"
            case .sameVillage: return "same village"
            }
        }

        var weight: Int {
            switch self {
            case .samePhone: return 40
            case .sameName: return 40
            case .similarName: return 25
            case .sameBirthYear: return 20
            case .nearBirthYear: return 10
            case .sameVillage: return 10
            }
        }
    }

    public struct Candidate: Sendable, Equatable {
        public let id: Int64
        public let fullName: String
        public let birthYear: Int?
        public let villageId: Int64?
        public let phone: String?
        public let reasons: [Reason]
        /// Higher is likelier: the reasons' weights summed.
        public var score: Int { reasons.reduce(0) { $0 + $1.weight } }
    }

    /// The record compared: what the finder reads of a person.
    struct Record {
        let id: Int64, fullName: String, words: [Substring], birthYear: Int?, villageId: Int64?, phone: String?
    }

    /// Likely duplicates of `probe`, likeliest first (at most `limit`); `excluding` leaves out the record itself.
    public static func candidates(_ db: Database, for probe: Probe, excluding: Int64? = nil, rules: DedupeRules = .standard,
                                  limit: Int = 5) throws -> [Candidate] {
        let key = VietnameseText.searchKey(VietnameseText.clean(probe.fullName))
        let words = key.split(separator: " ")
        let tokens = VietnameseText.searchWords(probe.fullName).map { Substring($0) }
        guard !words.isEmpty, !tokens.isEmpty else { return [] }
        var ids: [Int64] = []
        if rules.phone, let phone = probe.phone {
            ids += try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM person WHERE phone = ? LIMIT 50"), arguments: [phone])
        }
        // Every pair of the name's words that holds the given name or the family name: a slip in any other word, or in
        // one of those two, still leaves a pair that matches exactly. The full-text index answers each pair at once.
        if let match = pairsQuery(tokens) {
            ids += try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT 5000"), arguments: [match])
        }
        let unique = Array(Set(ids)).filter { $0 != excluding }
        guard !unique.isEmpty else { return [] }
        var found: [Candidate] = []
        for chunk in stride(from: 0, to: unique.count, by: 900).map({ Array(unique[$0..<min($0 + 900, unique.count)]) }) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, fullName, searchKey, birthYear, villageId, phone FROM person WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(chunk))
            for row in rows {
                let searchKey: String = row[2]
                let record = Record(id: row[0], fullName: row[1], words: searchKey.split(separator: " "), birthYear: row[3], villageId: row[4], phone: row[5])
                if let candidate = judge(words: words, probe: probe, record, rules: rules) { found.append(candidate) }
            }
        }
        return Array(found.sorted { ($0.score, -$0.id) > ($1.score, -$1.id) }.prefix(limit))
    }

    /// `("nguyen" AND "an") OR ("van" AND "an") OR …`: pairs with the last word (given name) or the first (family).
    static func pairsQuery(_ words: [Substring]) -> String? {
        let quoted = words.map { "\"\($0)\"" }
        guard quoted.count > 1 else { return quoted.first }
        var pairs: [String] = []
        for i in 0..<quoted.count {
            for j in (i + 1)..<quoted.count where i == 0 || j == quoted.count - 1 {
                pairs.append("(\(quoted[i]) AND \(quoted[j]))")
            }
        }
        return pairs.joined(separator: " OR ")
    }

    /// A record is a candidate when its name is the same or close, and at least one other field confirms it — or
    /// when it has the same phone and a name close enough (people of one family share a phone, not a name).
    static func judge(words: [Substring], probe: Probe, _ record: Record, rules: DedupeRules) -> Candidate? {
        var reasons: [Reason] = []
        let distance = nameDistance(words, record.words, limit: rules.nameEdits)
        guard let distance else { return nil }
        reasons.append(distance == 0 ? .sameName : .similarName)
        if rules.phone, let phone = probe.phone, phone == record.phone { reasons.append(.samePhone) }
        if rules.birthYear, let a = probe.birthYear, let b = record.birthYear {
            if a == b { reasons.append(.sameBirthYear) } else if abs(a - b) == 1 { reasons.append(.nearBirthYear) }
            else if abs(a - b) > 3 { return nil }  // born years apart: namesakes, not one person
        }
        if rules.village, let a = probe.villageId, a == record.villageId { reasons.append(.sameVillage) }
        guard reasons.count > 1 else { return nil }
        return Candidate(id: record.id, fullName: record.fullName, birthYear: record.birthYear, villageId: record.villageId,
                         phone: record.phone, reasons: reasons)
    }

    /// Edits between two folded names, or nil beyond `limit`: letters compared with one slip (insert, drop, change,
    /// two neighbours swapped) per allowed edit; a middle name present in one and missing in the other counts as one
    /// edit ("Nguyễn An" and "Nguyễn Văn An").
    static func nameDistance(_ a: [Substring], _ b: [Substring], limit: Int) -> Int? {
        let x = Array(a.joined(separator: " ").utf8), y = Array(b.joined(separator: " ").utf8)
        if x == y { return 0 }
        if let d = osa(x, y, limit: limit) { return d }
        // A missing middle name: same family and given name, one has a word more in between.
        if limit >= 1, a.count != b.count, min(a.count, b.count) >= 2, a.first == b.first, a.last == b.last, abs(a.count - b.count) == 1 {
            let (short, long) = a.count < b.count ? (a, b) : (b, a)
            if Array(long.dropFirst().dropLast()).starts(with: Array(short.dropFirst().dropLast())) || short.count == 2 { return 1 }
        }
        return nil
    }

    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), nil when above `limit`.
    static func osa(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
