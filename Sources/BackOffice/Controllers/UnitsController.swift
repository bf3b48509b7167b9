import Composition
import Foundation
import GRDB
import Hummingbird
import Recognition
import Organisations
import Store
import Vietnamese

/// Units: tree and search, detail with children and former names, create and edit.
struct UnitsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/units", use: list)
        router.list("/units", PeopleLists.units, env: env)
        router.get("/units/new", use: newForm)
        router.post("/units", use: create)
        router.get("/units/:id", use: show)
        router.get("/units/:id/edit", use: editForm)
        router.post("/units/:id", use: update)
        router.post("/units/:id/former-names", use: addFormerName)
        router.post("/units/:id/duties/:key", use: recordDuty)
    }

    @Sendable func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let q = request.query("q") ?? ""
        let kind = (try request.queryChoice("kind", as: UnitKind.self))
        let english = context.english
        let items = try await env.database.read { db in
            q.isEmpty && kind == nil ? try UnitStore.tree(db, for: principal) : try UnitStore.list(db, for: principal, text: q, kind: kind)
        }
        let page = ListPage(q: q, kind: kind, items: items, canCreate: principal.canManageUnits, english: english)
        return env.views.render("units", titleKey: "units_title", page: page, context: context,
                                flash: env.flash(request, context))
    }

    static func kindOptions(selected: String?, english: Bool) -> [Option] {
        UnitKind.allCases.map { Option(value: $0.rawValue, label: $0.label(english: english), selected: $0.rawValue == selected) }
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        try await detail(request, context: context)
    }

    private func detail(_ request: Request, context: SignedInContext, dutyErrors: [String: String] = [:], errorKey: String? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let english = context.english
        let today = env.clock.today()
        let dutyYear = (try request.queryYear()) ?? context.form.year("year") ?? today.year
        let programme = env.programme
        let page = try await env.database.read { db -> DetailPage in
            let unit = try UnitStore.get(db, id: id, for: principal)
            let duties = try DutyStore.lines(db, unit: unit, year: dutyYear, programme: programme)
            let parent = try UnitStore.find(db, id: unit.parentId)
            let people = unit.kind == .village
                ? try PersonStore.search(db, PersonQuery(villageId: id, perPage: 1), for: principal).total : nil
            let children = try UnitStore.children(db, of: id).filter { principal.canRead(unitId: $0.id) }
            let formerNames = try UnitStore.formerNames(db, unitId: id)
            let members: Int? = try MembershipStore.isOrganisation(unit) ? MembershipStore.currentCount(db, orgId: id) : nil
            let honours = try HonoursSection.lines(db, .init(unitId: id), forms: env.honourForms)
            return DetailPage(unit: unit, parent: parent, children: children, formerNames: formerNames, people: people, members: members,
                              honours: honours, duties: duties, dutyYear: dutyYear, today: today, dutyErrors: dutyErrors,
                              errorKey: errorKey, canEdit: principal.canWrite(unitId: id), english: english, csrf: context.csrfToken)
        }
        return env.views.render("unit", titleKey: "", title: page.name, page: page, context: context, status: status,
                                flash: env.flash(request, context))
    }

    /// A standing duty's state for a year, with its evidence: the unit's own editor or commune staff.
    @Sendable func recordDuty(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        guard let key = context.parameters.get("key") else { throw HTTPError(.notFound) }
        let f = context.form
        let year = f.year("year") ?? env.clock.today().year
        let programme = env.programme
        return try await env.write(orShow: { try await detail(request, context: context, dutyErrors: $0, errorKey: key, status: .unprocessableContent) }) { db in
            try DutyStore.record(db, unitId: id, dutyKey: key, year: year, status: f["status"] ?? "", evidence: f.text("evidence"), programme: programme, by: principal)
            return "/units/\(id)?year=\(year)&msg=saved#duties"
        }
    }

    private func form(_ context: SignedInContext, principal: Principal, id: Int64?, input: UnitInput,
                      errors: [String: String], version: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        let english = context.english
        let tree = try await env.database.read { try UnitStore.tree($0, for: principal) }
        let page = FormPage(id: id, input: input, tree: tree, canChangeStructure: principal.canManageUnits, version: version,
                            english: english, csrf: context.csrfToken, errors: errors)
        return env.views.render("unit-form", titleKey: id == nil ? "units_new" : "units_edit", page: page, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.canManageUnits)
        let input = UnitInput(name: "", kind: request.query("kind") ?? UnitKind.village.rawValue, parentId: (try request.queryId("parent")))
        return try await form(context, principal: principal, id: nil, input: input, errors: [:])
    }

    @Sendable func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let unit = try await env.database.read { try UnitStore.get($0, id: id, for: principal) }
        try principal.require(principal.canWrite(unitId: id))
        let input = UnitInput(name: unit.name, kind: unit.kind.rawValue, parentId: unit.parentId, address: unit.address,
                              phone: unit.phone.map { PhoneNumber.display(stored: $0) }, email: unit.email, contactName: unit.contactName,
                              isActive: unit.isActive, notes: unit.notes)
        return try await form(context, principal: principal, id: id, input: input, errors: [:], version: RecordVersion.of(unit))
    }

    static func input(from form: FormData) -> UnitInput {
        UnitInput(name: form["name"] ?? "", kind: form["kind"] ?? "", parentId: form.int64("parentId"), address: form["address"],
                  phone: form["phone"], email: form["email"], contactName: form["contactName"], isActive: form.bool("isActive"),
                  notes: form["notes"])
    }

    @Sendable func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let input = Self.input(from: context.form)
        return try await env.write(orShow: { try await form(context, principal: principal, id: nil, input: input, errors: $0, status: .unprocessableContent) }) {
            "/units/\(try UnitStore.create($0, input, by: principal).id!)?msg=created"
        }
    }

    @Sendable func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        var input = Self.input(from: context.form)
        if !principal.canManageUnits {
            // Editors' forms do not show kind and parent; keep the stored ones.
            let unit = try await env.database.read { try UnitStore.get($0, id: id, for: principal) }
            input.kind = unit.kind.rawValue
            input.parentId = unit.parentId
        }
        let version = context.form["version"]
        return try await env.write(orShow: { try await form(context, principal: principal, id: id, input: input, errors: $0, version: version ?? "",
                                                            status: .unprocessableContent) }) { [input] in
            _ = try UnitStore.update($0, id: id, input, version: version, by: principal)
            return "/units/\(id)?msg=saved"
        }
    }

    @Sendable func addFormerName(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        let id = try context.id()
        let form = context.form
        guard let name = form.text("name") else {
            throw DomainError.invalid(["name": "Nhập tên cũ của đơn vị"])
        }
        let former = UnitFormerName(unitId: id, name: name, usedFrom: form.text("usedFrom").flatMap(CivilDate.init(parsing:)),
                                    usedUntil: form.text("usedUntil").flatMap(CivilDate.init(parsing:)), note: form.text("note"))
        try await env.database.write { db in
            _ = try UnitStore.get(db, id: id, for: principal)
            try UnitStore.addFormerName(db, former, by: principal)
        }
        return .redirect(to: "/units/\(id)?msg=saved", type: .found)
    }
}
