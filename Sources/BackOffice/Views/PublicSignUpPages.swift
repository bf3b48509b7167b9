import Foundation
import Hummingbird
import SignUp
import Store
import Vietnamese

/// What the pages of `PublicSignUpController` show: one view model each, its fields one a line.
extension PublicSignUpController {
    struct Thanks {
        let code: String
        let title: String
        let waiting: String
    }
}
