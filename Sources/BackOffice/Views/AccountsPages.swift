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

extension AccountsController.Row {
    /// An account's line of the list: role (named by `text`, the page's strings by key), units, state and last sign-in.
    init(_ item: AccountListItem, text: (String) -> String) {
        id = item.account.id!
        login = item.account.login
        displayName = item.account.displayName
        role = text("role_\(item.account.role.rawValue)")
        units = item.unitNames.joined(separator: ", ")
        disabled = item.account.isDisabled
        lastLogin = item.account.lastLoginAt.map(VietnamTime.display) ?? ""
    }
}

extension AccountsController.TokenRow {
    /// An API token of the account: when it was issued and revoked.
    init(_ token: ApiToken) {
        id = token.id!
        createdAt = VietnamTime.display(token.createdAt)
        revokedAt = token.revokedAt.map(VietnamTime.display)
        revokeHref = "/accounts/\(token.accountId)/tokens/\(token.id!)/revoke"
    }
}

extension AccountsController.FormPage {
    /// The form of a new account (`id` nil) or of an existing one: its role (roles named by `text`, the page's strings
    /// by key), its units in the tree of `units`, and its API tokens.
    init(id: Int64?, login: String, displayName: String, role: Role, unitIds: [Int64], disabled: Bool, units: [UnitListItem],
         tokens: [ApiToken], csrf: String, errors: [String: String], text: (String) -> String) {
        action = id.map { "/accounts/\($0)" } ?? "/accounts"
        isNew = id == nil
        self.login = login
        self.displayName = displayName
        roles = Role.allCases.map { Option(value: $0.rawValue, label: text("role_\($0.rawValue)"), selected: $0 == role) }
        self.units = units.map {
            Option(id: $0.unit.id, label: String(repeating: "— ", count: $0.depth) + $0.unit.name,
                   selected: unitIds.contains($0.unit.id!))
        }
        self.disabled = disabled
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
        self.id = id
        self.tokens = tokens.map { AccountsController.TokenRow($0) }
    }
}
