/// What an import did or would do, and every problem found, each with file, line and field.
public struct ImportReport: Sendable {
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let field: String
        public let message: String

        public var description: String { ImportPlace.describe(file: file, line: line, field: field.isEmpty ? nil : field, message) }
    }

    public var file: String
    public var rowsRead = 0
    public var inserted = 0
    public var created: [String] = []
    public var problems: [Problem] = []
    public var dryRun: Bool
    /// Problems beyond this are counted, not listed.
    public static let listedProblems = 200
    public var unlistedProblems = 0
    /// Rows that may be someone already on the register, each with who (imported or skipped, as asked).
    public var duplicates: [Duplicate] = []
    /// Rows left out because they may already be on the register (`skip`).
    public var skipped = 0
    /// Rows taken as a resident already registered (`link`), their blanks filled.
    public var linked = 0
    /// The file was too large to check row by row against the register (the duplicates page finds them after).
    public var duplicatesNotChecked = false

    public struct Duplicate: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let name: String
        public let candidate: DuplicateFinder.Candidate
        public var description: String {
            ImportPlace.describe(file: file, line: line, field: nil,
                                 "\(name) có thể đã có: #\(candidate.id) \(candidate.fullName) (\(candidate.reasons.map(\.label).joined(separator: ", ")))")
        }
    }

    public init(file: String, dryRun: Bool) { self.file = file; self.dryRun = dryRun }

    public var succeeded: Bool { problems.isEmpty && unlistedProblems == 0 }

    public mutating func add(line: Int, field: String, _ message: String) {
        if problems.count < Self.listedProblems {
            problems.append(Problem(file: file, line: line, field: field, message: message))
        } else {
            unlistedProblems += 1
        }
    }
}
