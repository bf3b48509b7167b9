/// A message template that cannot be used, named with its file and line so that whoever edited it can fix it.
package struct TemplateError: Error, Equatable, CustomStringConvertible, Sendable {
    package let template: String
    package let line: Int
    package let message: String
    /// The variable the template needs and nobody gave (the back office names its field instead of the CLI flag).
    package let missingVariable: String?

    package init(template: String, line: Int, message: String, missingVariable: String? = nil) {
        self.template = template; self.line = line; self.message = message; self.missingVariable = missingVariable
    }

    package var description: String { "\(template), dòng \(line): \(message)" }
}
