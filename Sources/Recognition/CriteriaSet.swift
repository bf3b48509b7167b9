import DataFiles
import Foundation
import Vietnamese
import Yams

/// Who a criteria set assesses.
package enum SubjectKind: String, Codable, CaseIterable, Sendable, Labelled {
    case household, clan, village, commune, unit, person

    package var label: String {
        switch self {
        case .household: return "Hộ gia đình"
        case .clan: return "Dòng họ"
        case .village: return "Thôn"
        case .commune: return "Xã"
        case .unit: return "Đơn vị"
        case .person: return "Cá nhân"
        }
    }

    package var englishLabel: String {
        switch self {
        case .household: return "Household"
        case .clan: return "Clan"
        case .village: return "Village"
        case .commune: return "Commune"
        case .unit: return "Unit"
        case .person: return "Individual"
        }
    }
}

/// A criteria set from `campaigns/criteria/*.yaml`: criteria in groups, scored three ways — points (with a total to
/// reach and, as in QĐ 244/QĐ-KHVN, a least score for every indicator), pass/fail (a number of criteria to pass), or
/// levels (TT 25/2023/TT-BGDĐT: each level has criteria of its own and is met when they and every lower level's are
/// met). The result is the highest threshold or level reached. Each set names its legal source and year, and how many
/// years a recognition holds before it must be renewed. Data, never code.
package struct CriteriaSet: Sendable, Equatable {
    package enum Scoring: String, Sendable, Equatable { case points, passfail, levels }

    package struct Criterion: Sendable, Equatable {
        package let key: String
        package let text: String
        /// Points sets: the most this criterion gives. Pass/fail and level sets: 1.
        package let points: Int
        /// A source Đèn Sách can pre-fill from its data (`ComputedCriteria`), or nil.
        package let computed: String?
        /// Level sets: the level this criterion belongs to (1 for the others).
        package let level: Int
    }
    package struct Group: Sendable, Equatable { package let name: String; package let criteria: [Criterion] }
    /// A result: reached with `min` points (or passed criteria), every criterion scoring at least `minEach` when set;
    /// in a level set, reached when every criterion of levels up to `level` is passed.
    package struct Threshold: Sendable, Equatable {
        package let label: String
        package let min: Int
        package var minEach: Int? = nil
        package var level: Int? = nil
    }

    package let key: String
    package let title: String
    package let subject: SubjectKind
    package let version: String
    package let years: ClosedRange<Int>
    package let scoring: Scoring
    package let honourForm: String?
    package let thresholds: [Threshold]
    package let groups: [Group]
    /// The act the criteria come from ("Thông tư 25/2023/TT-BGDĐT ngày 27/12/2023 …") and its year.
    package let source: String
    package let sourceYear: Int
    /// How many years a recognition holds (the year assessed included); nil when it does not expire.
    package let validityYears: Int?

    package var usesPoints: Bool { scoring == .points }
    package var criteria: [Criterion] { groups.flatMap(\.criteria) }
    /// 100 for a household set; the number of criteria for a pass/fail or level set.
    package var maximum: Int { criteria.reduce(0) { $0 + $1.points } }

    /// The highest threshold or level reached with these points per criterion (0 or 1 for pass/fail), or nil.
    package func result(points: [String: Int]) -> Threshold? {
        let score = criteria.reduce(0) { $0 + (points[$1.key] ?? 0) }
        let reached = thresholds.filter { threshold in
            if let level = threshold.level {
                return criteria.allSatisfy { $0.level > level || (points[$0.key] ?? 0) > 0 }
            }
            if let least = threshold.minEach, criteria.contains(where: { (points[$0.key] ?? 0) < least }) { return false }
            return score >= threshold.min
        }
        return reached.max { ($0.level ?? 0, $0.min) < ($1.level ?? 0, $1.min) }
    }

    /// The last year a recognition of `year` holds, or nil when it does not expire.
    package func lastValidYear(recognisedIn year: Int) -> Int? { validityYears.map { year + $0 - 1 } }

    /// How the thresholds read: "Đạt: 80 điểm, mỗi chỉ số từ 5", "Mức độ 1: đạt 11 tiêu chí mức độ 1; Mức độ 2: …".
    package func thresholdsText(english: Bool) -> String {
        thresholds.map { threshold in
            if let level = threshold.level {
                let count = criteria.filter { $0.level <= level }.count
                let levels = level == 1 ? "1" : "1–\(level)"
                return english ? "\(threshold.label): all \(count) criteria of level \(levels)" : "\(threshold.label): đạt cả \(count) tiêu chí mức độ \(levels)"
            }
            let unit = usesPoints ? (english ? " points" : " điểm") : (english ? " criteria" : " tiêu chí")
            let each = threshold.minEach.map { english ? ", each indicator at least \($0)" : ", mỗi chỉ số từ \($0) điểm" } ?? ""
            return "\(threshold.label): \(threshold.min)\(unit)\(each)"
        }.joined(separator: "; ")
    }

    package init(yaml: String, file: String) throws {
        let reader = YAMLReader(file: file)
        let root = try reader.root(yaml)
        let map = try reader.mapping(root, field: "key")
        func fail(_ node: Node?, _ field: String, _ message: String) -> DataFileError {
            DataFileError(file: file, line: reader.line(node ?? root), field: field, message: message)
        }
        key = try reader.string(map, "key", in: root)!
        title = try reader.string(map, "title", in: root)!
        let subjectText = try reader.string(map, "subject", in: root)!
        guard let subject = SubjectKind(rawValue: subjectText) else {
            throw fail(map["subject"], "subject", "\"\(subjectText)\" không có; dùng \(SubjectKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.subject = subject
        version = try reader.string(map, "version", in: root)!
        let yearsText = try reader.string(map, "years", in: root)!
        let bounds = yearsText.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard bounds.count == 2, bounds[0] <= bounds[1] else { throw fail(map["years"], "years", "dạng 2021-2030") }
        years = bounds[0]...bounds[1]
        let scoringText = try reader.string(map, "scoring", in: root)!
        guard let scoring = Scoring(rawValue: scoringText) else { throw fail(map["scoring"], "scoring", "dùng points, passfail hoặc levels") }
        self.scoring = scoring
        let usesPoints = scoring == .points
        honourForm = try reader.string(map, "honourForm", in: root, required: false)
        source = try reader.string(map, "source", in: root)!
        guard let sourceYearText = try reader.string(map, "sourceYear", in: root), let sourceYear = Int(sourceYearText),
              (1945...2200).contains(sourceYear) else {
            throw fail(map["sourceYear"], "sourceYear", "năm của văn bản là số có 4 chữ số")
        }
        self.sourceYear = sourceYear
        if let text = try reader.string(map, "validityYears", in: root, required: false) {
            guard let value = Int(text), (1...10).contains(value) else { throw fail(map["validityYears"], "validityYears", "số năm từ 1 đến 10") }
            validityYears = value
        } else {
            validityYears = nil
        }
        var groups: [Group] = []
        var seen: Set<String> = []
        for groupNode in try reader.sequence(map["groups"], field: "groups", parent: root) {
            let groupMap = try reader.mapping(groupNode, field: "groups")
            var criteria: [Criterion] = []
            for node in try reader.sequence(groupMap["criteria"], field: "criteria", parent: groupNode) {
                let c = try reader.mapping(node, field: "criteria")
                let key = try reader.string(c, "key", in: node)!
                guard seen.insert(key).inserted else { throw fail(node, "key", "tiêu chí \"\(key)\" bị trùng") }
                var points = 1
                if usesPoints {
                    guard let text = try reader.string(c, "points", in: node), let value = Int(text), value > 0 else {
                        throw fail(c["points"] ?? node, "points", "số điểm tối đa là số nguyên dương")
                    }
                    points = value
                }
                let computed = try reader.string(c, "computed", in: node, required: false)
                if let computed, !ComputedCriteria.sources.contains(computed) {
                    throw fail(c["computed"], "computed", "\"\(computed)\" không có; dùng \(ComputedCriteria.sources.sorted().joined(separator: ", "))")
                }
                var level = 1
                if let text = try reader.string(c, "level", in: node, required: false) {
                    guard scoring == .levels, let value = Int(text), value >= 1 else {
                        throw fail(c["level"], "level", scoring == .levels ? "mức độ là số nguyên dương" : "chỉ dùng với scoring: levels")
                    }
                    level = value
                }
                criteria.append(Criterion(key: key, text: try reader.string(c, "text", in: node)!, points: points, computed: computed, level: level))
            }
            groups.append(Group(name: try reader.string(groupMap, "name", in: groupNode)!, criteria: criteria))
        }
        self.groups = groups
        var thresholds: [Threshold] = []
        if scoring == .levels {
            // Levels in order: "Mức độ 1", "Mức độ 2"; each is met by its own criteria and the lower levels'.
            for (index, node) in try reader.sequence(map["levels"], field: "levels", parent: root).enumerated() {
                let t = try reader.mapping(node, field: "levels")
                let level = index + 1
                guard groups.flatMap(\.criteria).contains(where: { $0.level == level }) || level == 1 else {
                    throw fail(node, "levels", "mức độ \(level) chưa có tiêu chí nào (ghi level: \(level) ở tiêu chí)")
                }
                thresholds.append(Threshold(label: try reader.string(t, "label", in: node)!, min: 0, level: level))
            }
            if let beyond = groups.flatMap(\.criteria).first(where: { $0.level > thresholds.count }) {
                throw fail(root, "level", "tiêu chí \"\(beyond.key)\" thuộc mức độ \(beyond.level) nhưng bộ chỉ có \(thresholds.count) mức độ")
            }
        } else {
            for node in try reader.sequence(map["thresholds"], field: "thresholds", parent: root) {
                let t = try reader.mapping(node, field: "thresholds")
                guard let text = try reader.string(t, "min", in: node), let min = Int(text), min > 0 else { throw fail(node, "min", "ngưỡng là số nguyên dương") }
                var threshold = Threshold(label: try reader.string(t, "label", in: node)!, min: min)
                if let eachText = try reader.string(t, "minEach", in: node, required: false) {
                    guard usesPoints, let each = Int(eachText), each > 0 else {
                        throw fail(t["minEach"], "minEach", "điểm tối thiểu mỗi chỉ số là số nguyên dương, chỉ với scoring: points")
                    }
                    threshold.minEach = each
                }
                thresholds.append(threshold)
            }
        }
        self.thresholds = thresholds
        if thresholds.isEmpty { throw fail(root, scoring == .levels ? "levels" : "thresholds", "cần ít nhất một ngưỡng công nhận") }
        if let over = thresholds.first(where: { $0.min > maximum }) {
            throw fail(map["thresholds"], "thresholds", "ngưỡng \"\(over.label)\" (\(over.min)) vượt tổng \(maximum)")
        }
    }
}

/// Every criteria set of `campaigns/criteria/`.
package struct CriteriaSets: Sendable {
    package let sets: [CriteriaSet]

    package init(directory: String) throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        if files.isEmpty { throw DataFileError(file: directory, line: 1, field: "", message: "không có bộ tiêu chí nào (*.yaml)") }
        sets = try files.map { file in
            let (text, name) = try YAMLReader.text(ofFile: directory + "/" + file, holding: "bộ tiêu chí")
            return try CriteriaSet(yaml: text, file: name)
        }
    }

    package init(sets: [CriteriaSet]) { self.sets = sets }

    package func set(_ key: String) -> CriteriaSet? { sets.first { $0.key == key } }
}
