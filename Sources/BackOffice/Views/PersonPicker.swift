import GRDB
import Store

/// The people a form offers to choose from, without JavaScript: the results of a search typed in the form, or the
/// one person the page was opened for (`?person=ID`, from the person's own page).
struct PersonPicker {
    struct Candidate { let id: Int64; let name: String; let village: String; let birthYear: String; let selected: Bool }

    static func candidates(_ db: Database, query: String, preset: Int64?, for principal: Principal) throws -> [Candidate] {
        if query.isEmpty, let preset, let person = try? PersonStore.get(db, id: preset, for: principal) {
            let village = try UnitStore.name(db, id: person.villageId)
            return [Candidate(id: preset, name: person.fullName, village: village, birthYear: person.birthYear.map(String.init) ?? "", selected: true)]
        }
        guard !query.isEmpty else { return [] }
        return try PersonStore.search(db, PersonQuery(text: query, perPage: 10), for: principal).items.map {
            Candidate(id: $0.id, name: $0.fullName, village: $0.villageName ?? "", birthYear: $0.birthYear.map(String.init) ?? "", selected: $0.id == preset)
        }
    }
}
