import Foundation

/// Where "now" comes from: the system's clock in the server, a fixed instant in tests, so a page that shows today's
/// date or counts days can be checked at a known date.
package struct WallClock: Sendable {
    package let now: @Sendable () -> Date

    package init(now: @escaping @Sendable () -> Date) { self.now = now }

    package static let system = WallClock { Date() }

    /// A clock stopped at one instant.
    package static func fixed(_ instant: Date) -> WallClock { WallClock { instant } }

    /// The day in Vietnam (UTC+7) at this clock's now.
    package func today() -> CivilDate { CivilDate.today(now: now()) }
}
