import Foundation

/// Where "now" comes from: the system's clock in the server, a fixed instant in tests, so a page that shows today's
/// date or counts days can be checked at a known date.
public struct WallClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = WallClock { Date() }

    /// A clock stopped at one instant.
    public static func fixed(_ instant: Date) -> WallClock { WallClock { instant } }

    /// The day in Vietnam (UTC+7) at this clock's now.
    public func today() -> CivilDate { CivilDate.today(now: now()) }
}
