import GRDB
import Vietnamese

/// How strictly two records are taken for the same resident: how many typing slips a name may differ by, and which
/// other fields may confirm it. A setting (`dedupe.nameEdits`, `dedupe.fields`), read when candidates are sought.
package struct DedupeRules: Sendable, Equatable {
    /// Letters inserted, dropped, changed or two neighbours swapped, on the folded name (tones and đ already gone).
    package var nameEdits: Int
    package var phone: Bool
    package var birthYear: Bool
    package var village: Bool

    package static let standard = DedupeRules(nameEdits: 1, phone: true, birthYear: true, village: true)

    package static let nameEditsSetting = Settings.Key("dedupe.nameEdits", label: "Tìm người trùng: số chữ gõ sai bỏ qua trong họ tên (0, 1 hoặc 2)", default: "1")
    package static let fieldsSetting = Settings.Key("dedupe.fields", label: "Tìm người trùng: trường xác nhận, cách nhau dấu phẩy (phone, birthYear, village)",
                                                    default: "phone,birthYear,village")

    package static func fromSettings(_ db: Database) throws -> DedupeRules {
        let edits = Int(try Settings.value(db, nameEditsSetting)).map { min(max($0, 0), 2) } ?? 1
        let fields = Set(try Settings.value(db, fieldsSetting).split(separator: ",").map { VietnameseText.searchKey(String($0)).replacingOccurrences(of: " ", with: "") })
        return DedupeRules(nameEdits: edits, phone: fields.contains("phone"), birthYear: fields.contains("birthyear"), village: fields.contains("village"))
    }
}

/// Residents who may be the one about to be saved: found by folded name (tones, đ/d, NFD and apostrophes do not
/// matter; a slip of a letter or two swapped letters tolerated; a middle name left out tolerated), confirmed by the
/// same phone, a birth year within one, or the same village. Shown before a form saves, refused by the API unless
/// confirmed, reported by imports, and paired on the duplicates page.
package enum DuplicateFinder {
    package struct Probe: Sendable, Equatable {
        package var fullName: String
        package var birthYear: Int?
        package var villageId: Int64?
        /// Normalised "+84…".
        package var phone: String?
        package init(fullName: String, birthYear: Int? = nil, villageId: Int64? = nil, phone: String? = nil) {
            self.fullName = fullName; self.birthYear = birthYear; self.villageId = villageId; self.phone = phone
        }
    }

    package enum Reason: String, Sendable, Equatable, CaseIterable, Labelled {
        case samePhone, sameName, similarName, sameBirthYear, nearBirthYear, sameVillage

        package var label: String {
            switch self {
            case .samePhone: return "cùng số điện thoại"
            case .sameName: return "cùng họ tên"
            case .similarName: return "họ tên gần giống"
            case .sameBirthYear: return "cùng năm sinh"
            case .nearBirthYear: return "năm sinh lệch 1"
            case .sameVillage: return "cùng thôn"
            }
        }

        package var englishLabel: String {
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

    package struct Candidate: Sendable, Equatable {
        package let id: Int64
        package let fullName: String
        package let birthYear: Int?
        package let villageId: Int64?
        package let phone: String?
        package let reasons: [Reason]
        /// Higher is likelier: the reasons' weights summed.
        package var score: Int { DuplicateFinder.score(reasons) }
    }

    /// How likely a match is: its reasons' weights summed (candidates on entry and pairs of the scan alike).
    static func score(_ reasons: [Reason]) -> Int { reasons.reduce(0) { $0 + $1.weight } }

    /// The record compared: what the finder reads of a person — its folded name as bytes, so comparing a million
    /// pairs allocates nothing.
    struct Record {
        let id: Int64, fullName: String, key: [UInt8], birthYear: Int?, villageId: Int64?, phone: String?

        init(id: Int64, fullName: String, searchKey: String, birthYear: Int?, villageId: Int64?, phone: String?) {
            self.id = id; self.fullName = fullName; key = Array(searchKey.utf8); self.birthYear = birthYear; self.villageId = villageId; self.phone = phone
        }
    }

    /// Likely duplicates of `probe`, likeliest first (at most `limit`); `excluding` leaves out the record itself.
    package static func candidates(_ db: Database, for probe: Probe, excluding: Int64? = nil, rules: DedupeRules = .standard,
                                  limit: Int = 5) throws -> [Candidate] {
        let key = VietnameseText.searchKey(VietnameseText.clean(probe.fullName))
        let folded = Array(key.utf8)
        let tokens = VietnameseText.searchWords(probe.fullName).map { Substring($0) }
        guard !folded.isEmpty, !tokens.isEmpty else { return [] }
        var ids: [Int64] = []
        if rules.phone, let phone = probe.phone {
            ids += try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM person WHERE phone = ? LIMIT 50"), arguments: [phone])
        }
        // Names close to this one, among the people another field could confirm (a name alone never is enough): the
        // given name with each other word, and the family name with the given name's first two letters (a slip in
        // the given name), answered by the full-text index.
        var confirm: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if rules.birthYear, let year = probe.birthYear { confirm.append("p.birthYear BETWEEN ? AND ?"); arguments += [year - 1, year + 1] }
        if rules.village, let village = probe.villageId { confirm.append("p.villageId = ?"); arguments.append(village) }
        if !confirm.isEmpty, let match = pairsQuery(tokens) {
            ids += try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT p.id FROM person_fts f JOIN person p ON p.id = f.rowid WHERE person_fts MATCH ? AND (\(confirm.joined(separator: " OR "))) LIMIT 500
                """), arguments: StatementArguments([match] + arguments))
        }
        let unique = Array(Set(ids)).filter { $0 != excluding }
        guard !unique.isEmpty else { return [] }
        var found: [Candidate] = []
        for chunk in stride(from: 0, to: unique.count, by: 900).map({ Array(unique[$0..<min($0 + 900, unique.count)]) }) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, fullName, searchKey, birthYear, villageId, phone FROM person WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(chunk))
            for row in rows {
                let record = Record(id: row[0], fullName: row[1], searchKey: row[2], birthYear: row[3], villageId: row[4], phone: row[5])
                if let candidate = judge(key: folded, probe: probe, record, rules: rules) { found.append(candidate) }
            }
        }
        return Array(found.sorted { ($0.score, -$0.id) > ($1.score, -$1.id) }.prefix(limit))
    }

    /// `("nguyen" AND "an") OR ("van" AND "an") OR ("nguyen" AND "an" *)…`: the given name (last word) with every other
    /// word, and the family name (first) with the given name's first two letters.
    static func pairsQuery(_ words: [Substring]) -> String? {
        let quoted = words.map { "\"\($0)\"" }
        guard let given = quoted.last, let family = quoted.first else { return nil }
        guard quoted.count > 1 else { return given }
        var pairs = quoted.dropLast().map { "(\($0) AND \(given))" }
        if let last = words.last, last.count >= 3 { pairs.append("(\(family) AND \"\(last.prefix(2))\" *)") }
        return pairs.joined(separator: " OR ")
    }

    /// A record is a candidate when its name is the same or close, and at least one other field confirms it — or
    /// when it has the same phone and a name close enough (people of one family share a phone, not a name).
    static func judge(key: [UInt8], probe: Probe, _ record: Record, rules: DedupeRules) -> Candidate? {
        var reasons: [Reason] = []
        let distance = nameDistance(key, record.key, limit: rules.nameEdits)
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
    static func nameDistance(_ x: [UInt8], _ y: [UInt8], limit: Int) -> Int? {
        if x == y { return 0 }
        if let d = osa(x, y, limit: limit) { return d }
        guard limit >= 1 else { return nil }
        // A missing middle name: same family and given name, one has a word more in between.
        let a = x.split(separator: 0x20), b = y.split(separator: 0x20)
        guard a.count != b.count, abs(a.count - b.count) == 1, min(a.count, b.count) >= 2, a.first == b.first, a.last == b.last else { return nil }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        let shortMiddle = Array(short.dropFirst().dropLast()), longMiddle = Array(long.dropFirst().dropLast())
        return longMiddle.starts(with: shortMiddle, by: ==) || shortMiddle.isEmpty ? 1 : nil
    }

    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), nil when above `limit`; only the
    /// band of cells within `limit` of the diagonal is computed (a name is compared with a million others).
    static func osa(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        let far = limit + 1
        var previous2 = [Int](repeating: far, count: b.count + 1)
        var previous = (0...b.count).map { min($0, far) }
        var current = [Int](repeating: far, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = min(i, far)
            if low > 1 { current[low - 1] = far }
            var rowMinimum = current[0]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = min(value, far)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < b.count { current[high + 1] = far }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
