import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// What the pages of `AccountsController` show: one view model each, its fields one a line.
extension AccountsController {
    struct Row { let id: Int64; let login: String; let displayName: String; let role: String; let units: String
                 let disabled: Bool
                 let lastLogin: String }

    struct FormPage {
        let action: String
        let isNew: Bool
        let login: String
        let displayName: String
        let roles: [Option]
        let units: [Option]
        let disabled: Bool
        let errors: [String: String]
        let hasErrors: Bool
        let csrf: String
        let id: Int64?
        let tokens: [TokenRow]
    }

    struct TokenRow {
        let id: Int64
        let createdAt: String
        let revokedAt: String?
        let revokeHref: String
    }

    struct SecretPage {
        let login: String
        let secret: String
        let isToken: Bool
    }
}
