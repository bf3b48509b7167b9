import Foundation
import GRDB

/// How many messages each person received on a channel in the last seven days, from the export log itself: each
/// export keeps the people it reached as a compact list (`messageExport.recipients`, ids in order as varint
/// deltas, ~1.5 bytes a person), so the cap is computed without reading any exported file.
struct MessageFatigue {
    /// A person's count by id (UInt8: the cap is small; counts stop at 255).
    private var counts: [UInt8]
    let cap: Int

    static let window: TimeInterval = 7 * 86_400

    /// The counts of exports on `channel` within the seven days before `now`; `cap` 0 turns the cap off.
    init(_ db: Database, channel: Channel, cap: Int, now: Date = Date()) throws {
        self.cap = cap
        counts = []
        guard cap > 0 else { return }
        let blobs = try Data.fetchAll(db, sql: """
            SELECT recipients FROM messageExport WHERE channel = ? AND createdAt > ? AND recipients IS NOT NULL
            """, arguments: [channel.rawValue, now.addingTimeInterval(-Self.window)])
        for blob in blobs {
            Self.decode(blob) { id in
                let index = Int(id)
                if index >= counts.count { counts += Array(repeating: 0, count: max(index + 1 - counts.count, counts.count / 2)) }
                if counts[index] < 255 { counts[index] += 1 }
            }
        }
    }

    /// Whether the person has had `cap` messages on the channel this week already.
    func isOverCap(_ personId: Int64) -> Bool {
        guard cap > 0, personId >= 0, Int(personId) < counts.count else { return false }
        return Int(counts[Int(personId)]) >= cap
    }

    /// Ascending ids as varint deltas.
    static func encode(_ ids: [Int64]) -> Data {
        var data = Data(capacity: ids.count * 2)
        var previous: Int64 = 0
        for id in ids.sorted() {
            var delta = UInt64(id - previous)
            previous = id
            repeat {
                let low = UInt8(delta & 0x7F)
                delta >>= 7
                data.append(delta == 0 ? low : low | 0x80)
            } while delta != 0
        }
        return data
    }

    static func decode(_ data: Data, _ each: (Int64) -> Void) {
        var value: UInt64 = 0, shift: UInt64 = 0, previous: Int64 = 0
        for byte in data {
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                previous += Int64(value)
                each(previous)
                value = 0; shift = 0
            } else {
                shift += 7
                if shift > 63 { return }  // a damaged list: what was read counts
            }
        }
    }
}
