import Hummingbird
import NIOConcurrencyHelpers

/// The paths the router serves and their methods, filled once the routes are added, so that a known path asked
/// with another method answers 405 with `Allow` instead of a 404 that says the page does not exist.
final class RouteTable: Sendable {
    private let patterns = NIOLockedValueBox<[(segments: [Substring], method: String)]>([])

    func fill(_ routes: [Router<AppRequestContext>.RouteDescription]) {
        patterns.withLockedValue { table in
            table = routes.map { (String($0.path.description).split(separator: "/"), $0.method.rawValue) }
        }
    }

    /// The methods served at a path (empty when no route matches it at all).
    func methods(for path: String) -> [String] {
        let asked = path.split(separator: "/")
        return patterns.withLockedValue { table in
            table.filter { pattern in
                pattern.segments.count == asked.count
                    && zip(pattern.segments, asked).allSatisfy { $0.hasPrefix(":") || $0.hasPrefix("{") || $0 == "*" || $0 == $1 }
            }.map(\.method)
        }
    }
}
