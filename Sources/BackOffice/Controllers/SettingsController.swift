import Foundation
import GRDB
import Hummingbird
import Messaging
import Speech
import Store

/// Commune settings (name, report recipient and deadline, signer, language, session timeout).
struct SettingsController {
    let env: ControllerEnvironment

    func addRoutes(to router: RouterGroup<SignedInContext>) {
        router.get("/settings", use: show)
        router.post("/settings", use: save)
    }

    private func page(_ context: SignedInContext, values: [String: String], errors: [String: String],
                      status: HTTPResponse.Status = .ok, flash: String? = nil) -> Response {
        let fields = Settings.known.map { key -> Field in
            let value = values[key.name] ?? key.defaultValue
            let choices: [Option]? = switch key {
            case Settings.defaultLanguage:
                [Option(value: "vi", label: "Tiếng Việt", selected: value == "vi"), Option(value: "en", label: "English", selected: value == "en")]
            case Settings.loudspeakerVoice:
                SpeechSynthesizer.Voice.allCases.map { Option(value: $0.rawValue, label: $0.label(english: context.english), selected: value == $0.rawValue) }
            default: nil
            }
            return Field(name: key.name, label: env.views.text("setting_" + key.name.replacingOccurrences(of: ".", with: "_"), context.language),
                         value: value, error: errors[key.name], choices: choices, hasChoices: choices != nil,
                         namesLanguages: key == Settings.defaultLanguage)
        }
        return env.views.render("settings", titleKey: "settings_title", page: Page(fields: fields, csrf: context.csrfToken),
                                context: context, status: status, flash: flash)
    }

    @Sendable func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.canManageSettings)
        let values = try await env.database.read { try Settings.all($0) }
        return page(context, values: values, errors: [:], flash: env.flash(request, context))
    }

    @Sendable func save(_ request: Request, context: SignedInContext) async throws -> Response {
        let principal = context.principal
        try principal.require(principal.canManageSettings)
        var values: [String: String] = [:]
        for key in Settings.known { values[key.name] = context.form.text(key.name) ?? "" }
        let errors = Self.problems(values)
        if !errors.isEmpty { return page(context, values: values, errors: errors, status: .unprocessableContent) }
        try await env.database.write { [values] db in
            for (name, value) in values { try Settings.set(db, name, to: value, by: principal) }
        }
        try await env.settings.refresh(from: env.database)
        return .redirect(to: "/settings?msg=saved", type: .found)
    }

    static func problems(_ values: [String: String]) -> [String: String] {
        var errors: [String: String] = [:]
        // A commune without a registered brandname leaves it empty; without a public address, posters use the one in use.
        for key in Settings.known where key != Settings.smsBrandname && key != Settings.publicAddress && (values[key.name] ?? "").isEmpty {
            errors[key.name] = "Không được để trống"
        }
        if let language = values[Settings.defaultLanguage.name], !["vi", "en"].contains(language) {
            errors[Settings.defaultLanguage.name] = "Ghi vi hoặc en"
        }
        if let price = values[Settings.smsPricePerSegment.name], !(Int64(price).map { (0...100_000).contains($0) } ?? false) {
            errors[Settings.smsPricePerSegment.name] = "Số đồng nguyên, từ 0 đến 100.000"
        }
        if let cap = values[Settings.weeklyMessageCap.name], !(Int(cap).map { (0...50).contains($0) } ?? false) {
            errors[Settings.weeklyMessageCap.name] = "Số tin từ 0 đến 50"
        }
        if let brand = values[Settings.smsBrandname.name], let problem = SMSRules.brandnameProblem(brand) {
            errors[Settings.smsBrandname.name] = problem
        }
        if let voice = values[Settings.loudspeakerVoice.name], !voice.isEmpty, !["vi", "vi-vn-x-central", "vi-vn-x-south"].contains(voice) {
            errors[Settings.loudspeakerVoice.name] = "Một trong: vi, vi-vn-x-central, vi-vn-x-south"
        }
        if let speed = values[Settings.loudspeakerWordsPerMinute.name], !(Int(speed).map { (40...400).contains($0) } ?? false) {
            errors[Settings.loudspeakerWordsPerMinute.name] = "Số từ mỗi phút, từ 40 đến 400"
        }
        if let months = values[Settings.clubActiveMonths.name], !(Int(months).map { (1...12).contains($0) } ?? false) {
            errors[Settings.clubActiveMonths.name] = "Số tháng từ 1 đến 12"
        }
        if let minutes = values[Settings.sessionIdleMinutes.name], !(Int(minutes).map { (5...1440).contains($0) } ?? false) {
            errors[Settings.sessionIdleMinutes.name] = "Số phút từ 5 đến 1440"
        }
        if let address = values[Settings.publicAddress.name], !address.isEmpty,
           !(address.hasPrefix("http://") || address.hasPrefix("https://")) || address.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" }) || address.utf8.count > 120 {
            errors[Settings.publicAddress.name] = "Ghi địa chỉ bắt đầu bằng http:// hoặc https://, ví dụ https://densach.daktore.gov.vn"
        }
        for key in [Settings.signUpsPerSourcePerHour, Settings.signUpsPerPhonePerDay] {
            if let limit = values[key.name], !(Int(limit).map { (1...10_000).contains($0) } ?? false) { errors[key.name] = "Số lượt từ 1 đến 10.000" }
        }
        if let deadline = values[Settings.reportDeadline.name] {
            let parts = deadline.split(separator: "/").compactMap { Int($0) }
            if parts.count != 2 || !(1...31).contains(parts[0]) || !(1...12).contains(parts[1]) {
                errors[Settings.reportDeadline.name] = "Ghi dạng ngày/tháng, ví dụ 20/11"
            }
        }
        return errors
    }
}
