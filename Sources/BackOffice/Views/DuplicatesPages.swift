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

extension DuplicatesController.SideRow {
    /// One record of a likely pair: name, birth year, village (named from `villageNames`) and phone.
    init(_ side: DuplicateScan.Side, villageNames: [Int64: String]) {
        id = side.id
        name = side.fullName
        birthYear = side.birthYear.map(String.init) ?? ""
        village = side.villageId.flatMap { villageNames[$0] } ?? ""
        phone = side.phone.map { PhoneNumber.display(stored: $0) } ?? ""
    }
}

extension DuplicatesController.PairRow {
    /// Two records that may be one resident, why, how likely, and whether the account may merge them (`canMerge`).
    init(_ pair: DuplicateScan.Pair, villageNames: [Int64: String], canMerge: Bool, english: Bool) {
        left = DuplicatesController.SideRow(pair.first, villageNames: villageNames)
        right = DuplicatesController.SideRow(pair.second, villageNames: villageNames)
        reasons = pair.reasons.map { $0.label(english: english) }.joined(separator: ", ")
        score = pair.score
        self.canMerge = canMerge
    }
}

extension DuplicatesController.MergeRow {
    /// A recent merge: who was kept, who was removed, by whom, when, and whether it was undone.
    init(_ entry: PersonMerge.Entry) {
        id = entry.id
        keptId = entry.keptId
        removedName = entry.removedName
        by = entry.mergedBy
        at = CivilDate.today(now: entry.mergedAt).display
        undone = entry.undone
    }
}

extension DuplicatesController.Page {
    /// The likely duplicates of a scan (`result`, nil before one is asked for, `scanned`), those `principal` may merge
    /// marked, and the recent merges (given to commune staff only), which they may undo.
    init(scanned: Bool, result: DuplicateScan.Result?, merges: [PersonMerge.Entry], villageNames: [Int64: String],
         principal: Principal, english: Bool, csrf: String) {
        let pairs = (result?.pairs ?? []).map { pair in
            DuplicatesController.PairRow(pair, villageNames: villageNames,
                                         canMerge: principal.canWrite(unitId: pair.first.villageId)
                                             && principal.canWrite(unitId: pair.second.villageId),
                                         english: english)
        }
        self.scanned = scanned
        self.pairs = pairs
        none = scanned && pairs.isEmpty
        people = VND.grouped(Int64(result?.people ?? 0))
        pairCount = pairs.count
        skipped = (result?.skippedBlocks ?? 0) > 0 ? String(result!.skippedBlocks) : ""
        self.merges = merges.map { DuplicatesController.MergeRow($0) }
        hasMerges = !merges.isEmpty
        canUndo = principal.canWriteCommuneWide
        self.csrf = csrf
    }
}
