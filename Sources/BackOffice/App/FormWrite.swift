import GRDB
import Hummingbird
import Store

extension ControllerEnvironment {
    /// How a posted form answers: the write runs in one transaction and the browser goes to the page it names; input
    /// the store refuses shows `page` again with each field's message (422), nothing written.
    func write(orShow page: ([String: String]) async throws -> Response,
               _ work: @escaping @Sendable (Database) throws -> String) async throws -> Response {
        let next: String
        do {
            next = try await database.write(work)
        } catch let error as DomainError where error.kind == .invalid {
            return try await page(error.fieldErrors)
        }
        return .redirect(to: next, type: .found)
    }
}
