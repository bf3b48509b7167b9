import Foundation
import GRDB
import Honours
import Hummingbird
import Store
import Vietnamese

/// An `<option>` of a `<select>`.
struct Option {
    let value: String
    let label: String
    let selected: Bool

    /// A record chosen by its id.
    init(id: Int64?, label: String, selected: Bool) {
        self.init(value: id.map(String.init) ?? "", label: label, selected: selected)
    }

    init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }

    /// A year menu, the latest first.
    static func years(_ range: ClosedRange<Int>, selected: Int?) -> [Option] {
        range.reversed().map { Option(value: String($0), label: String($0), selected: $0 == selected) }
    }
}

/// Links to previous and next pages of a list, keeping the other query parameters.
struct Pager {
    let show: Bool
    let page: Int
    let pageCount: Int
    let previousHref: String?
    let nextHref: String?
    let totalText: String

    init<T>(_ page: Page<T>, basePath: String, query: [String: String], totalText: String) {
        func href(_ number: Int) -> String {
            var items = query.filter { !$0.value.isEmpty }.map { URLQueryItem(name: $0.key, value: $0.value) }
            items.append(URLQueryItem(name: "page", value: String(number)))
            var components = URLComponents()
            components.path = basePath
            components.queryItems = items.sorted { $0.name < $1.name }
            return components.string ?? basePath
        }
        show = page.pageCount > 1
        self.page = page.page
        pageCount = page.pageCount
        previousHref = page.hasPrevious ? href(page.page - 1) : nil
        nextHref = page.hasNext ? href(page.page + 1) : nil
        self.totalText = totalText
    }
}

/// Short confirmations after a redirect (`?msg=saved`), so a reload does not post the form again.
enum Flash {
    /// The one-line confirmation a redirect asked for (`?msg=saved`), in the page's language; nil for anything else.
    static func message(_ request: Request, views: Views, language: Language) -> String? {
        guard let key = request.uri.queryParameters["msg"].map(String.init),
              ["saved", "created", "withdrawn", "consent", "member", "password"].contains(key) else { return nil }
        return views.text("flash_\(key)", language)
    }
}

extension Request {
    /// A query parameter as a browser's GET form sends it: "+" is a space, "%2B" a plus sign.
    func query(_ name: String) -> String? {
        guard let raw = uri.query else { return nil }
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            let spaced = parts[1].replacingOccurrences(of: "+", with: " ")
            let value = (spaced.removingPercentEncoding ?? spaced).trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// A whole number within `range`, or nil when absent. Anything else is a 400 with the parameter's name:
    /// every number a URL carries is read through here, so no link can feed a page a year 0 or a page 2⁶³.
    func queryInt(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError(.badRequest, message: "\(name) = \(text.prefix(40)): \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func queryYear(_ name: String = "year") throws -> Int? { try queryInt(name, in: QueryBounds.year) }
    func queryPage() throws -> Int { try queryInt("page", in: QueryBounds.page) ?? 1 }
    func queryPerPage(default value: Int) throws -> Int { try queryInt("perPage", in: QueryBounds.perPage) ?? value }

    /// A date (dd/MM/yyyy or yyyy-MM-dd) in the years the calendars know, or nil when absent.
    func queryDate(_ name: String) throws -> CivilDate? {
        guard let text = query(name) else { return nil }
        guard let date = CivilDate(parsing: text), QueryBounds.year.contains(date.year) else {
            throw HTTPError(.badRequest, message: "\(name) = \(text.prefix(40)): dd/MM/yyyy, \(QueryBounds.year.lowerBound)…\(QueryBounds.year.upperBound)")
        }
        return date
    }

    /// One of an enumeration's values (a filter), or nil when absent; an unknown value is a 400 listing the known ones.
    func queryChoice<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type) throws -> Choice? where Choice.RawValue == String {
        guard let text = query(name) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw HTTPError(.badRequest, message: "\(name) = \(text.prefix(40)): " + Choice.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return choice
    }

    /// A record id: a positive whole number, or nil when absent.
    func queryId(_ name: String) throws -> Int64? {
        guard let text = query(name) else { return nil }
        guard let value = Int64(text), value > 0 else { throw HTTPError(.badRequest, message: "\(name) = \(text.prefix(40))") }
        return value
    }
}

/// The ranges a URL's numbers must fall in. Years span what the calendars compute (the lunar tables end at 2100).
enum QueryBounds {
    static let year = 1900...2100
    static let page = 1...1_000_000
    static let perPage = 1...500
}

extension RequestContext {
    func id(_ name: String = "id") throws -> Int64 {
        guard let value = parameters.get(name), let id = Int64(value) else { throw HTTPError(.notFound) }
        return id
    }

    /// A year in the path (`/honours/roll/2025`): nil when absent, 404 when it is not a year the calendars know.
    func pathYear(_ name: String = "year") throws -> Int? {
        guard let text = parameters.get(name) else { return nil }
        guard let year = Int(text), QueryBounds.year.contains(year) else { throw HTTPError(.notFound) }
        return year
    }
}

extension Choice {
    static func options(_ choices: [Choice], selected: Int64?) -> [Option] {
        choices.map { Option(id: $0.id, label: $0.label, selected: $0.id == selected) }
    }
}

extension ControllerEnvironment {
    /// The anti-forgery token of a form shown without a session (sign-in, public pages): the pre-login cookie's when
    /// this server signed it (two tabs may be open), else a new one; the form and the cookie carry it (double submit).
    func anonymousFormToken(_ request: Request) -> String {
        let kept = request.cookies[AppCookies.loginCSRF].map { String($0.value) }
        return kept.flatMap { loginTokens.isGenuine($0) ? $0 : nil } ?? loginTokens.make()
    }

    /// A public page's form token: the session's for a signed-in visitor, else the anonymous one.
    func formToken(_ request: Request, _ context: AppRequestContext) -> String {
        context.principal != nil ? context.csrfToken : anonymousFormToken(request)
    }

    /// The page's flash line (`Flash.message`) for this request.
    func flash(_ request: Request, _ context: AppRequestContext) -> String? {
        Flash.message(request, views: views, language: context.language)
    }

    func flash(_ request: Request, _ context: SignedInContext) -> String? { flash(request, context.app) }
}

/// A record a menu offers by its id and name (units, clans).
protocol NamedRecord {
    var id: Int64? { get }
    var name: String { get }
}

extension OrgUnit: NamedRecord {}
extension Clan: NamedRecord {}

extension Array where Element: NamedRecord {
    /// The records as a menu's options, the one with `selected` id chosen.
    func options(selected: Int64? = nil) -> [Option] {
        map { Option(id: $0.id, label: $0.name, selected: $0.id != nil && $0.id == selected) }
    }
}

extension Array where Element == UnitListItem {
    /// The units as a menu's options, the one with `selected` id chosen.
    func options(selected: Int64?) -> [Option] {
        map { Option(id: $0.unit.id, label: $0.unit.name, selected: $0.unit.id == selected) }
    }
}
