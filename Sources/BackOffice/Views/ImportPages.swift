import Composition
import Foundation
import Hummingbird
import Office
import Socialization
import Store

/// What the pages of `ImportController` show: one view model each, its fields one a line.
extension ImportController {
    struct Page {
        let kind: String
        let heading: String
        let columns: String
        let back: String
        let isPeople: Bool
        let problems: [String]
        let hasProblems: Bool
        let done: String
        let sheet: String
        let csrf: String
        /// Rows that may be someone already on the register (imported, or skipped when asked), each with who.
        let duplicates: [String]
        let hasDuplicates: Bool
    }
}
