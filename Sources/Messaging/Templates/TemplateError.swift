/// A message template that cannot be used, named with its file and line so that whoever edited it can fix it.
public struct TemplateError: Error, Equatable, CustomStringConvertible, Sendable {
    public let template: String
    public let line: Int
    public let message: String
    /// The variable the template needs and nobody gave (the back office names its field instead of the CLI flag).
    public let missingVariable: String?

    public init(template: String, line: Int, message: String, missingVariable: String? = nil) {
        self.template = template; self.line = line; self.message = message; self.missingVariable = missingVariable
    }

    public var description: String { "\(template), dòng \(line): \(message)" }
}
