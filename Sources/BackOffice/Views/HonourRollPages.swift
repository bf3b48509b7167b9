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
