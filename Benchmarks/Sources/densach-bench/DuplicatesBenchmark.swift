import Foundation
import GRDB
import Store
import Vietnamese

/// `densach-bench duplicates --database FILE [--queries N] [--scan]`: issue #21's figures. Candidates for one new
/// person, drawn from the register and typed as clerks do (no tones, a slip of two swapped letters, the phone in
/// another form, a birth year one off), timed one by one; with `--scan`, the whole register's pairs once.
struct DuplicatesBenchmark {
    let database: AppDatabase
    let probes: Int
    let scan: Bool

    func run() async throws {
        if probes == 0 {
            // `--queries 0 --scan`: the scan alone, so that /usr/bin/time's peak is the scan's.
            try await scanOnce()
            return
        }
        let rows = try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT fullName, birthYear, villageId, phone FROM person WHERE id IN "
                                 + "(SELECT abs(random()) % (SELECT max(id) FROM person) + 1 FROM person LIMIT ?)",
                             arguments: [probes]).map {
                DuplicateFinder.Probe(fullName: $0["fullName"], birthYear: $0["birthYear"], villageId: $0["villageId"], phone: $0["phone"])
            }
        }
        var rng = SystemRandomNumberGenerator()
        let samples: [DuplicateFinder.Probe] = rows.map { row in
            var name = row.fullName
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: name = VietnameseText.searchKey(name)                              // no tones
            case 1:                                                                   // two letters swapped
                var letters = Array(VietnameseText.searchKey(name))
                if letters.count > 4 { letters.swapAt(2, 3) }
                name = String(letters)
            default: break
            }
            return DuplicateFinder.Probe(fullName: name, birthYear: row.birthYear.map { $0 + Int.random(in: -1...1, using: &rng) }, villageId: row.villageId, phone: row.phone)
        }
        let (measured, found) = try await database.read { db -> ([Double], Int) in
            var times: [Double] = [], found = 0
            for probe in samples {
                let start = DispatchTime.now().uptimeNanoseconds
                let candidates = try DuplicateFinder.candidates(db, for: probe)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                if !candidates.isEmpty { found += 1 }
            }
            return (times, found)
        }
        let times = measured.sorted()
        func p(_ q: Double) -> String { String(format: "%.2f", times[min(times.count - 1, Int(Double(times.count) * q))]) }
        let people = try await database.read { try Person.fetchCount($0) }
        print("people in store: \(people); probes: \(times.count), \(found) with a candidate (each probe is a record of the register, retyped)")
        print("duplicate candidates for one new person: p50=\(p(0.5)) ms p95=\(p(0.95)) ms p99=\(p(0.99)) ms max=\(p(1)) ms")
        // Baseline: the obvious query without the finder — an exact folded name, read by scanning the table.
        let baseline = try await database.read { db -> [Double] in
            var times: [Double] = []
            for probe in samples.prefix(20) {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE searchKey = ? AND (birthYear BETWEEN ? AND ? OR villageId = ?)",
                                       arguments: [VietnameseText.searchKey(probe.fullName), (probe.birthYear ?? 0) - 1, (probe.birthYear ?? 0) + 1, probe.villageId])
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return times.sorted()
        }
        print(String(format: "baseline: exact folded name by a table scan, 20 probes: p50=%.1f ms (finds no slip, no missing middle name)", baseline[baseline.count / 2]))
        if scan { try await scanOnce() }
    }

    func scanOnce() async throws {
        let start = Date()
        let result = try await database.read { try DuplicateScan.scan($0) }
        print(String(format: "whole-register scan: %.1f s, %d people, %d pairs kept (of the likeliest), %d blocks of common names left out",
                     Date().timeIntervalSince(start), result.people, result.pairs.count, result.skippedBlocks))
    }
}
