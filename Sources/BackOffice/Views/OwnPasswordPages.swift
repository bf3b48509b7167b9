import Composition
import Foundation
import Hummingbird
import Store

/// What the pages of `OwnPasswordController` show: one view model each, its fields one a line.
extension OwnPasswordController {
    struct Page {
        let csrf: String
        let forced: Bool
        let errors: [String: String]
        let hasErrors: Bool
        let login: String
    }
}
