/// A mistake in a YAML data file, with the file, the line and the field, so whoever edited it can find it.
package struct DataFileError: Error, Equatable, CustomStringConvertible, Sendable {
    package let file: String
    package let line: Int
    package let field: String
    package let message: String

    package init(file: String, line: Int, field: String, message: String) {
        self.file = file; self.line = line; self.field = field; self.message = message
    }

    package var description: String { "\(file):\(line): [\(field)] \(message)" }
}
