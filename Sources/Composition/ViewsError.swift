/// A page or document template, or a strings file, that cannot be used: named, so the server stops at start.
package enum ViewsError: Error, CustomStringConvertible {
    case missingFile(String)
    case missingTemplates([String], directory: String)
    case badTemplate(String, String)
    case missingText(String, template: String)

    package var description: String {
        switch self {
        case .missingFile(let path): return "Thiếu tệp \(path) (missing file)"
        case .missingTemplates(let names, let directory):
            return "Thiếu mẫu trang trong \(directory): \(names.joined(separator: ", ")) (missing page templates)"
        case .badTemplate(let name, let reason): return "Mẫu trang \(name) bị lỗi: \(reason) (bad page template)"
        case .missingText(let key, let template):
            return "Mẫu trang \(template) dùng t.\(key) nhưng web/i18n/vi.strings không có khóa này (missing UI text)"
        }
    }
}
