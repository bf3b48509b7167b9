import GRDB

/// A failure a person can understand, in Vietnamese first and English second.
package struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        case notFound, invalid, forbidden, conflict, unauthorized, tooManyRequests
        /// The record changed since the client read it (HTTP 412).
        case stale
    }

    package let kind: Kind
    package let message: String
    package let englishMessage: String
    /// Form field errors: field name → Vietnamese message.
    package let fieldErrors: [String: String]

    package init(_ kind: Kind, _ message: String, english: String, fieldErrors: [String: String] = [:]) {
        self.kind = kind
        self.message = message
        self.englishMessage = english
        self.fieldErrors = fieldErrors
    }

    package var description: String { message }

    package func message(english: Bool) -> String { english ? englishMessage : message }

    package static func notFound(_ what: String, english: String) -> DomainError {
        DomainError(.notFound, "Không tìm thấy \(what)", english: "\(english) not found")
    }

    package static let forbidden = DomainError(
        .forbidden, "Tài khoản của bạn không có quyền thực hiện thao tác này.",
        english: "Your account is not allowed to do this.")

    /// A unit editor asking for a record of a unit not assigned to them.
    package static let outsideScope = DomainError(
        .forbidden, "Bản ghi này thuộc đơn vị không được giao cho tài khoản của bạn.",
        english: "This record belongs to a unit not assigned to your account.")

    /// Someone saved the record after this client read it: nothing is written, the client reloads and retries.
    package static let stale = DomainError(
        .stale, "Hồ sơ này vừa được người khác sửa sau khi bạn mở nó. Không có gì bị ghi đè: hãy tải lại trang, xem thay đổi và sửa lại.",
        english: "Someone else saved this record after you opened it. Nothing was overwritten: reload, check their change and edit again.")

    package static func invalid(_ fields: [String: String]) -> DomainError {
        DomainError(.invalid, "Vui lòng sửa các ô được đánh dấu.", english: "Please correct the marked fields.",
                    fieldErrors: fields)
    }

    /// Constraint violations become messages; anything else stays a plain database error message.
    init(databaseError error: DatabaseError) {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            self.init(.conflict, "Bản ghi này đã tồn tại (trùng dữ liệu).", english: "This record already exists.")
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            self.init(.conflict, "Không thể lưu: bản ghi liên quan không tồn tại hoặc đang được dùng ở nơi khác.",
                      english: "Cannot save: a related record is missing or still in use.")
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL:
            self.init(.invalid, "Dữ liệu không hợp lệ: \(error.message ?? "")", english: "Invalid data: \(error.message ?? "")")
        default:
            self.init(.conflict, "Lỗi cơ sở dữ liệu: \(error.message ?? "\(error)")", english: "Database error: \(error)")
        }
    }
}
