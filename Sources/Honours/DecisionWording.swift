/// The words of a commendation decision's first article, as NĐ 30/2020 drafting has them: the article starts with
/// its verb ("Tặng Giấy khen …", "Công nhận danh hiệu "Gia đình học tập" …", "Biểu dương …") and names who receives
/// it by what they are — households are households, not "tập thể, cá nhân".
package enum DecisionWording {
    /// What a recipient is called in the article and the list's heading.
    static func noun(_ kind: RecipientKind) -> String {
        switch kind {
        case .individual: return "cá nhân"
        case .household: return "hộ gia đình"
        case .clan: return "dòng họ"
        case .club, .unit: return "tập thể"
        }
    }

    /// The order the kinds are counted in: collectives first, as lists of commendation are set.
    static let order = ["tập thể", "dòng họ", "hộ gia đình", "cá nhân"]

    /// "3 tập thể và 12 cá nhân", "20 hộ gia đình", "2 tập thể, 1 dòng họ và 4 cá nhân".
    package static func recipients(_ kinds: [RecipientKind]) -> String {
        let counts = Dictionary(grouping: kinds.map(noun), by: { $0 }).mapValues(\.count)
        let parts = order.compactMap { noun in counts[noun].map { "\($0) \(noun)" } }
        guard parts.count > 1 else { return parts.first ?? "0 cá nhân" }
        return parts.dropLast().joined(separator: ", ") + " và " + parts.last!
    }

    /// The heading of the list's name column: "Hộ gia đình" when all are households, "Tập thể, cá nhân" when mixed.
    package static func recipientHeading(_ kinds: [RecipientKind]) -> String {
        let nouns = Set(kinds.map(noun))
        guard nouns.count == 1, let only = nouns.first else { return "Tập thể, cá nhân" }
        return only.prefix(1).uppercased() + only.dropFirst()
    }

    /// Article 1 of an original decision (an amendment puts its own words before it).
    package static func articleOne(form: HonourForm?, formName: String, year: Int, kinds: [RecipientKind]) -> String {
        let who = recipients(kinds)
        switch form?.kind {
        case .title:
            // "Danh hiệu "Gia đình học tập"" → "Công nhận danh hiệu "Gia đình học tập" năm 2025 cho 20 hộ gia đình".
            let title = formName.hasPrefix("Danh hiệu") ? "danh hiệu" + formName.dropFirst("Danh hiệu".count) : formName
            return "Công nhận \(title) năm \(year) cho \(who) (danh sách kèm theo)."
        case .praise:
            return "Biểu dương \(who) đã có thành tích (danh sách kèm theo)."
        case .commendation, nil:
            return "Tặng \(formName) cho \(who) đã có thành tích (danh sách kèm theo)."
        }
    }
}
