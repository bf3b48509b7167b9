import Foundation
import HTTPTypes
import Hummingbird
import Store

/// What the pages of `LoginController` show: one view model each, its fields one a line.
extension LoginController {
    struct LoginPage {
        let csrf: String
        let login: String
        let next: String
        let error: String?
    }
}
