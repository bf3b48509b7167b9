/// A mistake in a YAML data file, with the file, the line and the field, so whoever edited it can find it.
public struct DataFileError: Error, Equatable, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let field: String
    public let message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file; self.line = line; self.field = field; self.message = message
    }

    public var description: String { "\(file):\(line): [\(field)] \(message)" }
}
