import Foundation

/// One JSON line per recipient as Zalo's ZNS send API takes it: `phone` in 84… form, `template_id`, `template_data`
/// (each approved parameter filled from its variable), `tracking_id` (unique per line, to match Zalo's delivery
/// reports). A value over Zalo's limit for its type refuses the export, naming the template, the parameter and the
/// recipient: Zalo would reject the message, and a commune should fix the value, not send half a list.
struct ZNSLines {
    let template: MessageTemplate
    let spec: ZNSSpec
    let limits: ZNSLimits
    /// The shared values (commune, activity, given by hand).
    let shared: [String: String]
    /// The tracking ids' start: the export's time ("densach-20261201-152301").
    let batch: String

    init(template: MessageTemplate, limits: ZNSLimits, shared: [String: String], now: Date = Date()) throws {
        guard let spec = template.zns else { throw MessagingError("Mẫu \"\(template.name)\" không phải mẫu ZNS.") }
        self.template = template; self.spec = spec; self.limits = limits; self.shared = shared
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        batch = "densach-" + formatter.string(from: now)
        for parameter in spec.parameters where MessageVariables.Recipient(rawValue: parameter.variable) == nil && (shared[parameter.variable] ?? "").isEmpty {
            throw MessagingError("Mẫu ZNS \"\(template.name)\", tham số \"\(parameter.key)\": chưa có giá trị cho \(parameter.variable) (--set \(parameter.variable)=…).")
        }
    }

    func line(for row: AudienceRow, phone: String, recipient: RecipientValues) -> Result<String, MessagingError> {
        var data: [String] = []
        for parameter in spec.parameters {
            let value = MessageVariables.Recipient(rawValue: parameter.variable).map { String(recipient.value($0)) } ?? shared[parameter.variable] ?? ""
            let limit = limits.characters[parameter.type] ?? 0
            if value.count > limit {
                return .failure(MessagingError(
                    "Mẫu ZNS \"\(template.name)\", tham số \"\(parameter.key)\" (kiểu \(parameter.type), tối đa \(limit) ký tự), người nhận \(row.name): "
                    + "giá trị dài \(value.count) ký tự — \"\(value.prefix(60))\". Sửa giá trị hoặc mẫu rồi xuất lại; chưa ghi gì."))
            }
            data.append(TextEncoding.jsonString(parameter.key) + ":" + TextEncoding.jsonString(value))
        }
        // Zalo takes the number without "+": 84905123456.
        let international = phone.hasPrefix("+") ? String(phone.dropFirst()) : phone
        return .success("{\"phone\":\"" + international + "\",\"template_id\":\"" + spec.templateId + "\",\"template_data\":{" + data.joined(separator: ",")
                        + "},\"tracking_id\":\"" + batch + "-" + (row.isPerson ? "p" : "u") + String(row.id) + "\"}\n")
    }
}
