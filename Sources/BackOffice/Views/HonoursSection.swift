import GRDB
import Honours
import Store

/// The honours of a person, a household or a unit, shown on its own page (`honours-list` partial).
struct HonourLine { let year: Int; let form: String; let name: String; let achievement: String; let decision: String; let decisionId: Int64 }

enum HonoursSection {
    static func lines(_ db: Database, _ filter: HonourRoll.Filter, forms: HonourForms) throws -> [HonourLine] {
        try HonourRoll.entries(db, filter, forms: forms).map {
            HonourLine(year: $0.year, form: $0.formName, name: $0.name, achievement: $0.achievement, decision: $0.decisionNumber, decisionId: $0.decisionId)
        }
    }
}
