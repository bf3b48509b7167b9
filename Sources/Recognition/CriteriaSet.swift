import DataFiles
import Foundation
import Vietnamese
import Yams

/// Who a criteria set assesses.
public enum SubjectKind: String, Codable, CaseIterable, Sendable, Labelled {
    case household, clan, village, commune, unit, person

    public var label: String {
        switch self {
        case .household: return "Hộ gia đình"
        case .clan: return "Dòng họ"
        case .village: return "Thôn"
        case .commune: return "Xã"
        case .unit: return "Đơn vị"
        case .person: return "Cá nhân"
        }
    }

    public var englishLabel: String {
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

/// A criteria set from `campaigns/criteria/*.yaml`: criteria in groups, scored with points or pass/fail, and the
/// thresholds of recognition (the highest one reached is the result: "Đạt", "Mức 1", "Mức 2"…). Data, never code.
public struct CriteriaSet: Sendable, Equatable {
    public struct Criterion: Sendable, Equatable {
        public let key: String
        public let text: String
        /// Points sets: the most this criterion gives. Pass/fail sets: 1.
        public let points: Int
        /// A source Đèn Sách can pre-fill from its data (`ComputedCriteria`), or nil.
        public let computed: String?
    }
    public struct Group: Sendable, Equatable { public let name: String; public let criteria: [Criterion] }
    public struct Threshold: Sendable, Equatable { public let label: String; public let min: Int }

    public let key: String
    public let title: String
    public let subject: SubjectKind
    public let version: String
    public let years: ClosedRange<Int>
    public let usesPoints: Bool
    public let honourForm: String?
    public let thresholds: [Threshold]
    public let groups: [Group]

    public var criteria: [Criterion] { groups.flatMap(\.criteria) }
    /// 100 for a household set; the number of criteria for a pass/fail set.
    public var maximum: Int { criteria.reduce(0) { $0 + $1.points } }

    /// The highest threshold the score reaches, or nil (not recognised).
    public func result(score: Int) -> Threshold? { thresholds.filter { score >= $0.min }.max { $0.min < $1.min } }

    public init(yaml: String, file: String) throws {
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
        let scoring = try reader.string(map, "scoring", in: root)!
        guard ["points", "passfail"].contains(scoring) else { throw fail(map["scoring"], "scoring", "dùng points hoặc passfail") }
        usesPoints = scoring == "points"
        honourForm = try reader.string(map, "honourForm", in: root, required: false)
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
                criteria.append(Criterion(key: key, text: try reader.string(c, "text", in: node)!, points: points, computed: computed))
            }
            groups.append(Group(name: try reader.string(groupMap, "name", in: groupNode)!, criteria: criteria))
        }
        self.groups = groups
        var thresholds: [Threshold] = []
        for node in try reader.sequence(map["thresholds"], field: "thresholds", parent: root) {
            let t = try reader.mapping(node, field: "thresholds")
            guard let text = try reader.string(t, "min", in: node), let min = Int(text), min > 0 else { throw fail(node, "min", "ngưỡng là số nguyên dương") }
            thresholds.append(Threshold(label: try reader.string(t, "label", in: node)!, min: min))
        }
        self.thresholds = thresholds
        if thresholds.isEmpty { throw fail(root, "thresholds", "cần ít nhất một ngưỡng công nhận") }
        if let over = thresholds.first(where: { $0.min > maximum }) {
            throw fail(map["thresholds"], "thresholds", "ngưỡng \"\(over.label)\" (\(over.min)) vượt tổng \(maximum)")
        }
    }
}

/// Every criteria set of `campaigns/criteria/`.
public struct CriteriaSets: Sendable {
    public let sets: [CriteriaSet]

    public init(directory: String) throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        if files.isEmpty { throw DataFileError(file: directory, line: 1, field: "", message: "không có bộ tiêu chí nào (*.yaml)") }
        sets = try files.map { file in
            let (text, name) = try YAMLReader.text(ofFile: directory + "/" + file, holding: "bộ tiêu chí")
            return try CriteriaSet(yaml: text, file: name)
        }
    }

    public init(sets: [CriteriaSet]) { self.sets = sets }

    public func set(_ key: String) -> CriteriaSet? { sets.first { $0.key == key } }
}
