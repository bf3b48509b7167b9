import Dispatch
import Foundation

/// Reads and checks CSV rows one chunk ahead of the writer, on another core: while the caller writes chunk N,
/// chunk N+1 is parsed. Rows come out in file order.
final class ChunkParser: @unchecked Sendable {
    // Touched only by the parsing work item between `async` and `wait`, and by the caller otherwise: the
    // DispatchGroup wait orders the two, so no lock is needed.
    private var iterator: CSVReader.Iterator
    private var upcoming: [PeopleImporter.ParsedRow] = []
    private let layout: PeopleImporter.Layout
    private let thisYear: Int
    private let now: Date
    static let chunkSize = 8192

    init(iterator: CSVReader.Iterator, layout: PeopleImporter.Layout, thisYear: Int, now: Date) {
        self.iterator = iterator
        self.layout = layout
        self.thisYear = thisYear
        self.now = now
    }

    private func parseNextChunk() -> [PeopleImporter.ParsedRow] {
        var rows: [PeopleImporter.ParsedRow] = []
        rows.reserveCapacity(Self.chunkSize)
        while rows.count < Self.chunkSize, let record = iterator.next() {
            rows.append(PeopleImporter.parse(record, layout: layout, thisYear: thisYear, now: now))
        }
        return rows
    }

    func forEachChunk(_ body: ([PeopleImporter.ParsedRow]) throws -> Void) throws {
        var current = parseNextChunk()
        let queue = DispatchQueue(label: "densach.import.parse")
        while !current.isEmpty {
            let group = DispatchGroup()
            queue.async(group: group) { self.upcoming = self.parseNextChunk() }
            do {
                try body(current)
            } catch {
                group.wait()
                throw error
            }
            group.wait()
            current = upcoming
        }
    }
}
