import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// What the pages of `HonourRollController` show: one view model each, its fields one a line.
extension HonourRollController {
    struct Line {
        let number: Int
        let name: String
        let kind: String
        let place: String
        let achievement: String
        let decision: String
    }

    struct Group {
        let form: String
        let lines: [Line]
    }

    struct RollPage {
        let year: Int
        let years: [Option]
        let commune: String
        let committee: String
        let groups: [Group]
        let empty: Bool
        let total: Int
        let individuals: Int
        let collectives: Int
        let women: Int
        let men: Int
        /// Staff signed in may take the roll as a spreadsheet (a logged export); the public page has no such link.
        let canDownload: Bool
    }
}

extension HonourRollController.Line {
    /// An honour on the roll, numbered within its form, with its decision's number and date.
    init(number: Int, entry: HonourRoll.Entry, english: Bool) {
        self.number = number
        name = entry.name
        kind = entry.recipientKind.label(english: english)
        place = entry.place
        achievement = entry.achievement
        decision = "\(entry.decisionNumber) (\(entry.decisionDate.display))"
    }
}

extension HonourRollController.Group {
    /// The honours of one form, numbered from 1.
    init(form: String, entries: [HonourRoll.Entry], english: Bool) {
        self.form = form
        lines = entries.enumerated().map { HonourRollController.Line(number: $0.offset + 1, entry: $0.element, english: english) }
    }
}

extension HonourRollController.RollPage {
    /// A year's roll: the honours grouped by form (forms by name) and the year's counts.
    init(year: Int, thisYear: Int, commune: String, committee: String, entries: [HonourRoll.Entry], english: Bool, canDownload: Bool) {
        let counts = HonourRoll.counts(entries)
        self.year = year
        years = Option.years(thisYear - 5...thisYear, selected: year)
        self.commune = commune
        self.committee = committee
        groups = Dictionary(grouping: entries, by: \.formName).sorted { $0.key < $1.key }.map { form, items in
            HonourRollController.Group(form: form, entries: items, english: english)
        }
        empty = entries.isEmpty
        total = counts.total
        individuals = counts.individuals
        collectives = counts.collectives
        women = counts.women
        men = counts.men
        self.canDownload = canDownload
    }
}
