import Foundation
import GRDB
import Hummingbird
import Store

/// An `<option>` of a `<select>`.
struct Option {
    let value: String
    let label: String
    let selected: Bool

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
    static func message(_ request: Request, views: Views, language: Language) -> String? {
        guard let key = request.uri.queryParameters["msg"].map(String.init),
              ["saved", "created", "withdrawn", "consent", "member"].contains(key) else { return nil }
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

    func queryInt(_ name: String) -> Int? { query(name).flatMap { Int($0) } }
    func queryInt64(_ name: String) -> Int64? { query(name).flatMap { Int64($0) } }
}

extension AppRequestContext {
    func id(_ name: String = "id") throws -> Int64 {
        guard let value = parameters.get(name), let id = Int64(value) else { throw HTTPError(.notFound) }
        return id
    }
}

/// An id and a label read in a database closure (GRDB rows are not Sendable), for menus.
struct Choice: Sendable {
    let id: Int64
    let label: String

    static func fetch(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Choice] {
        try GRDB.Row.fetchAll(db, sql: sql, arguments: arguments).map { Choice(id: $0[0], label: $0[1]) }
    }

    static func options(_ choices: [Choice], selected: Int64?) -> [Option] {
        choices.map { Option(value: String($0.id), label: $0.label, selected: $0.id == selected) }
    }
}
