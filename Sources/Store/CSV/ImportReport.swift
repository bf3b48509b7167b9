/// What an import did or would do, and every problem found, each with file, line and field.
package struct ImportReport: Sendable {
    package struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        package let file: String
        package let line: Int
        package let field: String
        package let message: String

        package var description: String { ImportPlace.describe(file: file, line: line, field: field.isEmpty ? nil : field, message) }
    }

    package var file: String
    package var rowsRead = 0
    package var inserted = 0
    package var created: [String] = []
    package var problems: [Problem] = []
    package var dryRun: Bool
    /// Problems beyond this are counted, not listed.
    package static let listedProblems = 200
    package var unlistedProblems = 0
    /// Rows that may be someone already on the register, each with who (imported or skipped, as asked).
    package var duplicates: [Duplicate] = []
    /// Rows left out because they may already be on the register (`skip`).
    package var skipped = 0
    /// Rows taken as a resident already registered (`link`), their blanks filled.
    package var linked = 0
    /// The file was too large to check row by row against the register (the duplicates page finds them after).
    package var duplicatesNotChecked = false

    package struct Duplicate: Sendable, Equatable, CustomStringConvertible {
        package let file: String
        package let line: Int
        package let name: String
        package let candidate: DuplicateFinder.Candidate
        package var description: String {
            ImportPlace.describe(file: file, line: line, field: nil,
                                 "\(name) có thể đã có: #\(candidate.id) \(candidate.fullName) (\(candidate.reasons.map(\.label).joined(separator: ", ")))")
        }
    }

    package init(file: String, dryRun: Bool) { self.file = file; self.dryRun = dryRun }

    package var succeeded: Bool { problems.isEmpty && unlistedProblems == 0 }

    package mutating func add(line: Int, field: String, _ message: String) {
        if problems.count < Self.listedProblems {
            problems.append(Problem(file: file, line: line, field: field, message: message))
        } else {
            unlistedProblems += 1
        }
    }
}
