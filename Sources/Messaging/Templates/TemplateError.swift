/// A message template that cannot be used, named with its file and line so that whoever edited it can fix it.
public struct TemplateError: Error, Equatable, CustomStringConvertible, Sendable {
    public let template: String
    public let line: Int
    public let message: String

    public var description: String { "\(template), dòng \(line): \(message)" }
}
