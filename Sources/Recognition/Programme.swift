import DataFiles
import Foundation
import Store
import Vietnamese
import Yams

/// One indicator of the plan (II.2), from `campaigns/programme.yaml`.
package struct ProgrammeIndicator: Sendable, Equatable {
    /// share: a % against targets; growth: average yearly growth; yesno: a facility that does or does not yet do
    /// what the plan asks by 2025 (1 or 0; the targets are 1).
    /// count: a number of people (staff trained in digital skills) rising in a straight line to its targets.
    package enum Kind: String, Sendable { case share, growth, yesno, count }
    package let key: String
    package let name: String
    package let unit: String
    package let kind: Kind
    /// The computed source (`Indicators.computed`), or nil for a value entered by hand each year.
    package let computed: String?
    package let baselineYear: Int
    package let baseline: Double
    /// Share: the target in %. Growth: the average yearly growth in % to that year.
    package let target2025: Double
    package let target2030: Double

    package init(key: String, name: String, unit: String, kind: Kind, computed: String?, baselineYear: Int, baseline: Double,
                target2025: Double, target2030: Double) {
        self.key = key; self.name = name; self.unit = unit; self.kind = kind; self.computed = computed
        self.baselineYear = baselineYear; self.baseline = baseline; self.target2025 = target2025; self.target2030 = target2030
    }

    /// Where the indicator should be in a year: shares rise in a straight line from the baseline to the 2025 and
    /// 2030 targets; growth compounds (+4%/year to 2025 means baseline × 1.04^(years since the baseline)).
    package func trajectory(_ year: Int) -> Double {
        switch kind {
        case .yesno:
            return year >= 2025 ? target2025 : baseline
        case .share, .count:
            if year <= baselineYear { return baseline }
            if year <= 2025 { return baseline + (target2025 - baseline) * Double(year - baselineYear) / Double(max(1, 2025 - baselineYear)) }
            if year <= 2030 { return target2025 + (target2030 - target2025) * Double(year - 2025) / 5 }
            return target2030
        case .growth:
            let first = min(year, 2025) - baselineYear
            var value = baseline * pow(1 + target2025 / 100, Double(max(0, first)))
            if year > 2025 { value *= pow(1 + target2030 / 100, Double(min(year, 2030) - 2025)) }
            return value
        }
    }

    /// Compound annual growth from the baseline to a value, in %: ((value / baseline)^(1/years) − 1) × 100.
    package func compoundGrowth(to value: Double, in year: Int) -> Double? {
        guard kind == .growth, year > baselineYear, baseline > 0, value > 0 else { return nil }
        return (pow(value / baseline, 1 / Double(year - baselineYear)) - 1) * 100
    }

    package func onTrack(_ value: Double, in year: Int) -> Bool { value + 1e-9 >= trajectory(year) }

    /// A value as pages and reports show it: "Có" / "Chưa" for a yes/no indicator, the number otherwise.
    package func display(_ value: Double?, english: Bool = false) -> String {
        guard kind == .yesno else { return DecimalText.number(value) }
        guard let value else { return "" }
        return value >= 0.5 ? (english ? "Yes" : "Có") : (english ? "Not yet" : "Chưa")
    }
}

/// A standing duty the plan gives a kind of unit for the whole programme (plan V.1–V.5), followed year by year.
package struct ProgrammeDuty: Sendable, Equatable {
    package let key: String
    /// Where the plan says it ("V.1").
    package let section: String
    /// Who carries it, as the plan names them ("Công chức Văn hóa – Xã hội xã").
    package let assignee: String
    /// The kinds of unit it falls to (every school, every mass organisation…).
    package let unitKinds: [UnitKind]
    package let text: String
}

package struct Programme: Sendable {
    package let indicators: [ProgrammeIndicator]
    package let duties: [ProgrammeDuty]

    /// The duties that fall to a unit of this kind.
    package func duties(for kind: UnitKind) -> [ProgrammeDuty] { duties.filter { $0.unitKinds.contains(kind) } }

    package init(path: String) throws {
        let (text, file) = try YAMLReader.text(ofFile: path, holding: "chỉ tiêu")
        try self.init(yaml: text, file: file)
    }

    package init(yaml: String, file: String) throws {
        let reader = YAMLReader(file: file)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, field: "indicators")
        duties = try Self.duties(top, reader: reader, file: file, root: root)
        indicators = try reader.sequence(top["indicators"], field: "indicators", parent: root).map { node in
            let map = try reader.mapping(node, field: "indicators")
            func number(_ key: String, in mapping: Node.Mapping, node: Node) throws -> Double {
                guard let text = try reader.string(mapping, key, in: node), let value = Double(text) else {
                    throw DataFileError(file: file, line: reader.line(mapping[key] ?? node), field: key, message: "phải là số")
                }
                return value
            }
            let kindText = try reader.string(map, "kind", in: node)!
            guard let kind = ProgrammeIndicator.Kind(rawValue: kindText) else {
                throw DataFileError(file: file, line: reader.line(map["kind"]), field: "kind", message: "dùng share, growth, yesno hoặc count")
            }
            let source = try reader.string(map, "source", in: node)!
            var computed: String?
            if source == "computed" {
                computed = try reader.string(map, "computed", in: node)!
                guard Indicators.computedSources.contains(computed!) else {
                    throw DataFileError(file: file, line: reader.line(map["computed"]), field: "computed",
                                        message: "\"\(computed!)\" không có; dùng \(Indicators.computedSources.sorted().joined(separator: ", "))")
                }
            } else if source != "manual" {
                throw DataFileError(file: file, line: reader.line(map["source"]), field: "source", message: "dùng computed hoặc manual")
            }
            guard let baselineNode = map["baseline"] else { throw DataFileError(file: file, line: reader.line(node), field: "baseline", message: "thiếu năm gốc") }
            let baseline = try reader.mapping(baselineNode, field: "baseline")
            return ProgrammeIndicator(key: try reader.string(map, "key", in: node)!, name: try reader.string(map, "name", in: node)!,
                                      unit: try reader.string(map, "unit", in: node)!, kind: kind, computed: computed,
                                      baselineYear: Int(try number("year", in: baseline, node: baselineNode)), baseline: try number("value", in: baseline, node: baselineNode),
                                      target2025: try number("target2025", in: map, node: node), target2030: try number("target2030", in: map, node: node))
        }
    }

    package func indicator(_ key: String) -> ProgrammeIndicator? { indicators.first { $0.key == key } }
    package func duty(_ key: String) -> ProgrammeDuty? { duties.first { $0.key == key } }

    static func duties(_ top: Node.Mapping, reader: YAMLReader, file: String, root: Node) throws -> [ProgrammeDuty] {
        guard top["duties"] != nil else { return [] }
        var seen: Set<String> = []
        return try reader.sequence(top["duties"], field: "duties", parent: root).map { node in
            let map = try reader.mapping(node, field: "duties")
            let key = try reader.string(map, "key", in: node)!
            guard seen.insert(key).inserted else { throw DataFileError(file: file, line: reader.line(node), field: "key", message: "khóa \"\(key)\" bị trùng") }
            let kinds = try reader.cases(map, "unitKinds", of: UnitKind.self)
            if kinds.isEmpty { throw DataFileError(file: file, line: reader.line(node), field: "unitKinds", message: "cần ít nhất một loại đơn vị") }
            return ProgrammeDuty(key: key, section: try reader.string(map, "section", in: node)!, assignee: try reader.string(map, "assignee", in: node)!,
                                 unitKinds: kinds, text: try reader.string(map, "text", in: node)!)
        }
    }
}
