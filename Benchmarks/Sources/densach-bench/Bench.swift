import BackOffice
import Composition
import Foundation
import GRDB
import Store
import Vietnamese

/// `densach-bench search --database FILE [--queries N]`: people-search latency in process, on a realistic mix of
/// queries drawn from the database itself, against a baseline of the obvious alternative (LIKE on the folded name).
@main
struct Bench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            return arguments[index + 1]
        }
        guard arguments.count > 1, ["search", "duplicates"].contains(arguments[1]), let path = option("--database") else {
            print("usage: densach-bench search|duplicates --database FILE [--queries N] [--baseline-queries N] [--scan]")
            exit(2)
        }
        let database = try AllModules.open(path: path)
        if arguments[1] == "duplicates" {
            try await DuplicatesBenchmark(database: database, probes: Int(option("--queries") ?? "") ?? 1000, scan: arguments.contains("--scan")).run()
            return
        }
        try await SearchBenchmark(database: database, queries: Int(option("--queries") ?? "") ?? 2000,
                                  baselineQueries: Int(option("--baseline-queries") ?? "") ?? 100).run()
    }
}

struct SearchBenchmark {
    let database: AppDatabase
    let queries: Int
    let baselineQueries: Int

    /// What people type: a whole name with tones, the same without tones, given name and family name, a given name
    /// alone (a broad search), or the start of a phone number.
    func sampleQueries() async throws -> [(kind: String, text: String)] {
        let rows = try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT fullName, phone FROM person WHERE id IN (SELECT abs(random()) % (SELECT max(id) FROM person) + 1 FROM person LIMIT ?)",
                             arguments: [queries]).map { (name: $0["fullName"] as String, phone: $0["phone"] as String?) }
        }
        var rng = SystemRandomNumberGenerator()
        return rows.map { row in
            let name = row.name
            let words = name.split(separator: " ").map(String.init)
            let roll = Int.random(in: 0..<100, using: &rng)
            switch roll {
            case 0..<40: return ("full name", name)
            case 40..<60: return ("full name, no tones", VietnameseText.searchKey(name))
            case 60..<80: return ("family + given", "\(words.first!) \(words.last!)")
            case 80..<90: return ("given name alone", words.last!)
            default:
                let phone = row.phone
                return ("phone start", phone.map { "0" + $0.dropFirst(3).prefix(6) } ?? name)
            }
        }
    }

    func run() async throws {
        let total = try await database.read { try PersonStore.totalCount($0) }
        let samples = try await sampleQueries()
        print("people in store: \(total); queries: \(samples.count) (first page of 50, with total)")
        // Warm the page cache as a running server would be.
        for sample in samples.prefix(50) { _ = try await search(sample.text) }
        var byKind: [String: [Double]] = [:]
        var all: [Double] = []
        for sample in samples {
            let started = DispatchTime.now().uptimeNanoseconds
            _ = try await search(sample.text)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            byKind[sample.kind, default: []].append(ms)
            all.append(ms)
        }
        report("Đèn Sách search (FTS5)", all)
        for (kind, times) in byKind.sorted(by: { $0.key < $1.key }) { report("  \(kind)", times) }
        var baseline: [Double] = []
        for sample in samples.prefix(baselineQueries) {
            let started = DispatchTime.now().uptimeNanoseconds
            _ = try await likeSearch(sample.text)
            baseline.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
        }
        report("baseline: LIKE on folded name", baseline)
    }

    func search(_ text: String) async throws -> Int {
        try await database.read { try PersonStore.search($0, PersonQuery(text: text, perPage: 50), for: .system).items.count }
    }

    func likeSearch(_ text: String) async throws -> Int {
        let pattern = "%" + VietnameseText.searchKey(text) + "%"
        return try await database.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE searchKey LIKE ?", arguments: [pattern])
            return try Row.fetchAll(db, sql: "SELECT id, fullName FROM person WHERE searchKey LIKE ? ORDER BY sortKey LIMIT 50", arguments: [pattern]).count
        }
    }

    func report(_ label: String, _ times: [Double]) {
        guard !times.isEmpty else { return }
        let sorted = times.sorted()
        func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
        print("\(label): n=\(sorted.count) p50=\(ms(pct(0.5))) p95=\(ms(pct(0.95))) p99=\(ms(pct(0.99))) max=\(ms(sorted.last!))")
    }
}
