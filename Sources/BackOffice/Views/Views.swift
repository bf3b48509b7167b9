import Composition
import Foundation
import Hummingbird
import Mustache
import Store
import Vietnamese

/// Renders pages: each page template extends `layout.mustache` and sees `layout`, `page` and `t` (UI strings).
package struct Views: Sendable {
    let libraries: [Language: MustacheLibrary]
    let strings: Strings
    /// Today for the pages' footer (the configuration's clock, fixed in tests).
    let clock: WallClock
    /// Pages with a sub-tab bar: only their HTML is searched for the current tab (not every list page).
    let tabbedTemplates: Set<String>

    /// Every page the application renders; a missing one stops the server at start, not in front of a user.
    static let requiredTemplates = [
        "layout", "error", "login", "dashboard", "units", "unit", "unit-form", "people", "people-list", "person", "person-form",
        "households", "household", "accounts", "account-form", "account-secret", "audit", "settings", "pager", "messages",
        "clubs", "club", "club-form", "club-session", "club-print", "club-house", "club-indicator", "calendar", "observances",
        "campaigns", "campaign", "campaign-form", "activity-form", "activity-outcomes", "campaign-tasks", "campaign-report",
        "socialization", "socialization-tabs", "socialization-disclosure", "socialization-sponsors", "socialization-sponsor", "socialization-sponsor-form",
        "socialization-donations", "socialization-donation", "socialization-donation-form", "socialization-document", "socialization-pledges",
        "socialization-pledge-form", "socialization-volunteers", "socialization-volunteer", "socialization-volunteer-form", "socialization-hours",
        "socialization-review", "socialization-letters",
        "honours", "honours-nomination", "honours-nomination-form", "honours-decisions", "honours-decision", "honours-decision-form", "honours-document",
        "honours-roll", "honours-register", "honours-tabs", "honours-list",
        "recognition", "recognition-tabs", "recognition-sets", "recognition-registrations", "recognition-assessment", "recognition-indicators",
        "recognition-visits", "recognition-report", "training", "training-course", "training-course-form", "people-duplicates", "volunteer-self",
        "signups", "signup", "signup-form", "signup-poster", "signup-public", "signup-public-form", "signup-thanks", "organisation-members",
        "activity-attendance", "attendance-tick",
    ]

    package init(configuration: AppConfiguration) async throws {
        strings = try Strings(directory: configuration.stringsDirectory)
        clock = configuration.clock
        (libraries, tabbedTemplates) = try TranslatedTemplates.load(directory: configuration.pagesDirectory, strings: strings)
        let missing = Self.requiredTemplates.filter { libraries[.vi]?.getTemplate(named: $0) == nil }
        if !missing.isEmpty { throw ViewsError.missingTemplates(missing, directory: configuration.pagesDirectory) }
    }

    struct Envelope {
        let layout: LayoutModel?
        let page: Any
        let t: [String: String]
    }

    /// `section` names the menu entry to mark when the template is shared (a printed document of another module).
    func render(_ template: String, titleKey: String, title: String? = nil, page: Any, context: AppRequestContext,
                status: HTTPResponse.Status = .ok, flash: String? = nil, section: String? = nil) -> Response {
        let heading = title ?? strings.text(titleKey, context.language)
        let layout = LayoutModel(context: context, title: heading, active: section ?? template, flash: flash, strings: strings,
                                 year: clock.today().year)
        var html = libraries[context.language]?.render(MustacheModel(Envelope(layout: layout, page: page, t: strings.table(context.language))),
                                  withTemplate: template) ?? ""
        if context.english { html = EnglishFieldErrors.translated(html) }
        return Self.html(tabbedTemplates.contains(template) ? Self.markingCurrentTab(html, path: context.path) : html, status: status)
    }

    func render(_ template: String, titleKey: String, title: String? = nil, page: Any, context: SignedInContext,
                status: HTTPResponse.Status = .ok, flash: String? = nil, section: String? = nil) -> Response {
        render(template, titleKey: titleKey, title: title, page: page, context: context.app, status: status, flash: flash, section: section)
    }

    /// The sub-tab (`<nav class="tabs">`) leading to the page shown gets `aria-current="page"`: Mustache cannot compare
    /// a link with the path, and the tab bars are partials shared by every page of a module.
    static func markingCurrentTab(_ html: String, path: String) -> String {
        guard !path.isEmpty, let nav = html.range(of: "<nav class=\"tabs"), let end = html.range(of: "</nav>", range: nav.upperBound..<html.endIndex),
              let link = html.range(of: "<a href=\"\(path)\">", range: nav.upperBound..<end.lowerBound) else { return html }
        return html.replacingCharacters(in: link, with: "<a href=\"\(path)\" aria-current=\"page\">")
    }

    /// A section rendered alone (no layout), to be cached and then shown inside a page with `{{{page.html}}}`.
    func fragment(_ template: String, page: Any, language: Language) -> String {
        libraries[language]?.render(MustacheModel(Envelope(layout: nil, page: page, t: strings.table(language))), withTemplate: template) ?? ""
    }

    /// A page whose content is an already-rendered fragment.
    struct Fragment { let html: String }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A file to download (CSV, export) rather than a page.
    static func attachment(_ text: String, type: String, fileName: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(fileName)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A downloaded file's bytes (a spreadsheet, say).
    static func attachment(_ data: Data, type: String, fileName: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(fileName)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func text(_ key: String, _ language: Language) -> String { strings.text(key, language) }
}

/// What the layout shows around every page.
struct LayoutModel {
    struct NavItem {
        let href: String
        let label: String
        let active: Bool
    }

    let lang: String
    let title: String
    let signedIn: Bool
    let userName: String
    let roleLabel: String
    let csrf: String
    let nav: [NavItem]
    /// The menu as HTML, written in Swift: it is on every page and was a fifth of a list page's rendering.
    let navHTML: String
    let flash: String?
    let switchLanguageHref: String
    let switchLanguageLabel: String
    /// The language the switch leads to (`hreflang` of the link; it rendered empty before).
    let otherLang: String
    let year: Int

    init(context: AppRequestContext, title: String, active: String, flash: String?, strings: Strings, year: Int) {
        let principal = context.principal
        lang = context.language.rawValue
        self.title = title
        signedIn = principal != nil
        userName = principal?.displayName ?? ""
        // The role beside the name, unless the name already says it (demo accounts are named after their role).
        let role = principal.map { strings.text("role_\($0.role.rawValue)", context.language) } ?? ""
        roleLabel = role == userName ? "" : role
        csrf = context.csrfToken
        self.flash = flash
        let other: Language = context.language == .vi ? .en : .vi
        otherLang = other.rawValue
        switchLanguageHref = "/language?to=\(other.rawValue)"
        switchLanguageLabel = other == .en ? "English" : "Tiếng Việt"
        self.year = year
        guard let principal else { nav = []; navHTML = ""; return }
        let items: [(String, String, String)] = [
            ("/", "nav_dashboard", "dashboard"),
            ("/units", "nav_units", "unit"),
            ("/people", "nav_people", "person"),
            ("/households", "nav_households", "household"),
            ("/campaigns", "nav_campaigns", "campaign"),
            ("/campaigns/calendar", "nav_calendar", "calendar"),
            ("/clubs", "nav_clubs", "club"),
            ("/socialization", "nav_socialization", "socialization"),
            ("/honours", "nav_honours", "honours"),
            ("/recognition", "nav_recognition", "recognition"),
            ("/messages", "nav_messages", "messages"),
        ]
        // Administration is grouped under one entry (details/summary, no JavaScript): the Vietnamese menu needed
        // 1,402 px and lost its last items on a 1280 px office screen.
        var admin: [(String, String, String)] = []
        if principal.canReadAudit { admin.append(("/audit", "nav_audit", "audit")) }
        if principal.canManageAccounts { admin.append(("/accounts", "nav_accounts", "account")) }
        if principal.canManageSettings { admin.append(("/settings", "nav_settings", "settings")) }
        func entries(_ list: [(String, String, String)]) -> [NavItem] {
            list.map { href, key, section in NavItem(href: href, label: strings.text(key, context.language), active: active.hasPrefix(section)) }
        }
        nav = entries(items) + entries(admin)
        navHTML = Self.html(entries(items)) + Self.group(strings.text("nav_admin", context.language), entries(admin))
    }

    /// A menu entry that opens a short list of its own.
    static func group(_ label: String, _ items: [NavItem]) -> String {
        guard !items.isEmpty else { return "" }
        let open = items.contains(where: \.active) ? "<li class=\"nav-more current\"><details><summary>" : "<li class=\"nav-more\"><details><summary>"
        return open + HTMLText.escape(label) + "</summary><ul>" + html(items) + "</ul></details></li>"
    }

    static func html(_ nav: [NavItem]) -> String {
        var html = HTMLText(reservingCapacity: nav.count * 80)
        for item in nav {
            html.raw("<li><a href=\"")
            html.text(item.href)
            html.raw(item.active ? "\" aria-current=\"page\">" : "\">")
            html.text(item.label)
            html.raw("</a></li>")
        }
        return html.html
    }
}
