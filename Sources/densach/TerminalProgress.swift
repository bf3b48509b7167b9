import Foundation

/// A progress line on a terminal (stderr), silent when output is piped or in CI logs.
final class TerminalProgress: @unchecked Sendable {
    private let label: String
    private var total: Int?
    /// Drawn only on a terminal: piped output and CI logs stay clean.
    let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast

    init(_ label: String, total: Int?) {
        self.label = label
        self.total = total
        enabled = isatty(STDERR_FILENO) == 1
    }

    /// For work whose size is learnt on the way.
    func update(_ done: Int, of total: Int?) {
        if let total { self.total = total }
        update(done)
    }

    func update(_ done: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Int(Double(done) / elapsed)
        var line = "\r\(label): \(done)"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            line = "\r\(label) [\(String(repeating: "█", count: filled))\(String(repeating: "·", count: width - filled))] \(Int(fraction * 100))% \(done)/\(total)"
        }
        line += " · \(rate)/s   "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
