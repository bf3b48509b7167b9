import Composition
import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `HouseholdsController` show: one view model each, its fields one a line.
extension HouseholdsController {
    struct Row {
        let id: Int64
        let name: String
        let village: String
        let head: String
        let members: Int
    }

    struct ListPage {
        let villages: [Option]
        let rows: [Row]
        let empty: Bool
        let pager: Pager
        let villageQuery: String
    }

    struct Member {
        let id: Int64
        let fullName: String
        let relation: String
        let birthYear: String
    }

    struct DetailPage {
        let id: Int64
        let name: String
        let village: String
        let address: String
        let members: [Member]
        let canEdit: Bool
        /// Titles in force ("Gia đình học tập", "Gia đình văn hóa"…).
        let honours: [HonourLine]
        let csrf: String
    }
}
