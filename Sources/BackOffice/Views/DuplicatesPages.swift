import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `DuplicatesController` show: one view model each, its fields one a line.
extension DuplicatesController {
    struct SideRow {
        let id: Int64
        let name: String
        let birthYear: String
        let village: String
        let phone: String
    }

    struct PairRow {
        let left: SideRow
        let right: SideRow
        let reasons: String
        let score: Int
        let canMerge: Bool
    }

    struct MergeRow {
        let id: Int64
        let keptId: Int64
        let removedName: String
        let by: String
        let at: String
        let undone: Bool
    }

    struct Page {
        let scanned: Bool
        let pairs: [PairRow]
        let none: Bool
        let people: String
        let pairCount: Int
        /// Blocks of common names left out, "" when none (Mustache shows a 0).
        let skipped: String
        let merges: [MergeRow]
        let hasMerges: Bool
        let canUndo: Bool
        let csrf: String
    }
}
