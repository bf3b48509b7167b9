import Foundation
import GRDB
import Hummingbird
import Store
import Vietnamese

/// Accounts (admin only): list, create with a one-time password, edit role and units, reset password, API tokens.
struct AccountsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/accounts", use: list)
        router.get("/accounts/new", use: newForm)
        router.post("/accounts", use: create)
        router.get("/accounts/:id/edit", use: editForm)
        router.post("/accounts/:id", use: update)
        router.post("/accounts/:id/password", use: resetPassword)
        router.post("/accounts/:id/tokens", use: issueToken)
        router.post("/accounts/:id/tokens/:tokenId/revoke", use: revokeToken)
    }

    private func admin(_ context: SignedInContext) throws -> Principal {
        let principal = context.principal
        try principal.require(principal.canManageAccounts)
        return principal
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        _ = try admin(context)
        let language = context.language
        let text = { (key: String) in env.views.text(key, language) }
        let rows = try await env.database.read { try AccountStore.list($0) }.map { Row($0, text: text) }
        struct Page { let rows: [Row] }
        return env.views.render("accounts", titleKey: "accounts_title", page: Page(rows: rows), context: context,
                                flash: Flash.message(request, views: env.views, language: language))
    }

    private func form(_ context: SignedInContext, id: Int64?, login: String, displayName: String, role: Role, unitIds: [Int64],
                      disabled: Bool, errors: [String: String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try admin(context)
        let (units, tokens) = try await env.database.read { db in
            (try UnitStore.tree(db, for: principal), try id.map { try AccountStore.tokens(db, accountId: $0) } ?? [])
        }
        let page = FormPage(id: id, login: login, displayName: displayName, role: role, unitIds: unitIds, disabled: disabled, units: units,
                            tokens: tokens, csrf: context.csrfToken, errors: errors, text: { env.views.text($0, context.language) })
        return env.views.render("account-form", titleKey: id == nil ? "accounts_new" : "accounts_edit", page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        try await form(context, id: nil, login: "", displayName: "", role: .editor, unitIds: [], disabled: false, errors: [:])
    }

    @Sendable func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        _ = try admin(context)
        let id = try context.id()
        let (account, unitIds) = try await env.database.read { db in
            (try AccountStore.get(db, id: id), try AccountStore.unitIds(db, accountId: id))
        }
        return try await form(context, id: id, login: account.login, displayName: account.displayName, role: account.role,
                              unitIds: unitIds, disabled: account.isDisabled, errors: [:])
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = try admin(context)
        let form = context.form
        let login = form.text("login") ?? ""
        let displayName = form.text("displayName") ?? ""
        let role = Role(rawValue: form["role"] ?? "") ?? .viewer
        let unitIds = form.all("unitIds").compactMap { Int64($0) }
        let password = Secrets.newPassword()
        let hash = try await env.passwords.hash(password)
        do {
            _ = try await env.database.write {
                try AccountStore.create($0, login: login, displayName: displayName, passwordHash: hash, role: role, unitIds: unitIds,
                                        oneTimePassword: true, by: principal)
            }
        } catch let error as DomainError where error.kind == .invalid {
            return try await self.form(context, id: nil, login: login, displayName: displayName, role: role, unitIds: unitIds,
                                       disabled: false, errors: error.fieldErrors, status: .unprocessableContent)
        }
        return env.views.render("account-secret", titleKey: "accounts_passwordTitle",
                                page: SecretPage(login: login.lowercased(), secret: password, isToken: false), context: context)
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = try admin(context)
        let id = try context.id()
        let form = context.form
        let role = Role(rawValue: form["role"] ?? "") ?? .viewer
        let unitIds = form.all("unitIds").compactMap { Int64($0) }
        let displayName = form.text("displayName") ?? ""
        do {
            try await env.database.write {
                try AccountStore.update($0, id: id, displayName: displayName, role: role, unitIds: unitIds,
                                        isDisabled: form.bool("isDisabled"), by: principal)
            }
        } catch let error as DomainError where error.kind == .invalid {
            let login = try await env.database.read { try AccountStore.get($0, id: id).login }
            let errors = error.fieldErrors.isEmpty ? ["role": error.message] : error.fieldErrors
            return try await self.form(context, id: id, login: login, displayName: displayName, role: role, unitIds: unitIds,
                                       disabled: form.bool("isDisabled"), errors: errors, status: .unprocessableContent)
        }
        return .redirect(to: "/accounts?msg=saved", type: .found)
    }

    /// A new one-time password, shown once; every open session of the account ends.
    @Sendable func resetPassword(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = try admin(context)
        let id = try context.id()
        let password = Secrets.newPassword()
        let hash = try await env.passwords.hash(password)
        let login = try await env.database.write { db in
            let account = try AccountStore.get(db, id: id)
            try AccountStore.setPassword(db, login: account.login, passwordHash: hash, oneTimePassword: true, by: principal)
            return account.login
        }
        return env.views.render("account-secret", titleKey: "accounts_passwordTitle",
                                page: SecretPage(login: login, secret: password, isToken: false), context: context)
    }

    @Sendable func revokeToken(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = try admin(context)
        let id = try context.id()
        let tokenId = try context.id("tokenId")
        try await env.database.write { try AccountStore.revokeToken($0, tokenId: tokenId, accountId: id, by: principal) }
        return .redirect(to: "/accounts/\(id)/edit?msg=saved", type: .found)
    }

    @Sendable func issueToken(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = try admin(context)
        let id = try context.id()
        let (login, token) = try await env.database.write { db in
            (try AccountStore.get(db, id: id).login, try AccountStore.issueToken(db, accountId: id, by: principal))
        }
        return env.views.render("account-secret", titleKey: "accounts_tokenTitle",
                                page: SecretPage(login: login, secret: token, isToken: true), context: context)
    }
}
