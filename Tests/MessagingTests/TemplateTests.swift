import Foundation
import Testing
@testable import Messaging

@Suite("Message templates")
struct TemplateTests {
    @Test("Every shipped template loads, and the six the issue asks for are there")
    func shipped() throws {
        let templates = try MessageTemplates(directory: MessagingFixture.shippedTemplates)
        let channels = Dictionary(templates.all.map { ($0.name, $0.channel) }, uniquingKeysWith: { a, _ in a })
        #expect(channels["sms-invitation"] == .sms)
        #expect(channels["zalo-reading-day"] == .zalo)
        #expect(channels["loudspeaker-learning-week"] == .loudspeaker)
        #expect(channels["letter-invitation"] == .letter)
        #expect(channels["sms-club-reminder"] == .sms)
        #expect(channels["sms-honour-congratulation"] == .sms)
    }

    @Test("An unknown variable is an error naming the template and the line")
    func unknownVariable() {
        let source = "---\nchannel: sms\nvariables: recipient.name\n---\nKính mời {{recipient.name}}\ndự {{activty.title}}"
        #expect(throws: TemplateError(template: "moi", line: 6,
                                      message: "biến \"activty.title\" không có; xem danh sách bằng \"densach export templates\"")) {
            try MessageTemplate(name: "moi", source: source)
        }
    }

    @Test("The front matter is YAML: quoted values, lists and comments read; a broken line is named")
    func frontMatterIsYAML() throws {
        let source = "---\nchannel: sms\n# ghi chú của cán bộ\ntitle: \"Mời: ngày hội\"\nvariables: [recipient.name, commune.name]\n"
            + "advertising: có\n---\n{{recipient.name}} {{commune.name}}\n"
        let template = try MessageTemplate(name: "moi", source: source)
        #expect(template.title == "Mời: ngày hội" && template.declaredVariables == ["recipient.name", "commune.name"] && template.advertising)
        #expect(throws: TemplateError.self) { try MessageTemplate(name: "x", source: "---\nchannel: sms\ntitle: [chưa đóng\n---\nChào") }
        do {
            _ = try MessageTemplate(name: "x", source: "---\nchannel: sms\nvariables: a: b: c\n---\nChào")
            Issue.record("a value with \": \" unquoted was read")
        } catch let error as TemplateError {
            #expect(error.line == 3 && error.message.contains("ngoặc kép"), "\(error)")
        }
    }

    @Test("A variable used but not declared in the front matter is refused")
    func undeclared() {
        let source = "---\nchannel: sms\nvariables: recipient.name\n---\n{{recipient.name}} {{commune.name}}"
        #expect(throws: TemplateError.self) { try MessageTemplate(name: "x", source: source) }
    }

    @Test("A post for a whole group cannot address one person")
    func groupChannelRefusesRecipient() {
        let source = "---\nchannel: zalo\nvariables: recipient.name\n---\nChào {{recipient.name}}"
        #expect(throws: TemplateError.self) { try MessageTemplate(name: "x", source: source) }
    }

    @Test("Unclosed sections and tags are reported with their line")
    func unclosed() {
        #expect(throws: TemplateError(template: "x", line: 5, message: "thẻ {{#activity.place}} chưa có thẻ đóng {{/activity.place}}")) {
            try MessageTemplate(name: "x", source: "---\nchannel: sms\nvariables: activity.place\n---\n{{#activity.place}}tại {{activity.place}}")
        }
    }

    @Test("Sections show text when a value is given, inverted sections when it is empty; tag-only lines leave no blank line")
    func sections() throws {
        let source = "---\nchannel: loudspeaker\nvariables: activity.place, commune.name\n---\nXã {{commune.name}}\n"
            + "{{#activity.place}}\nTại {{activity.place}}.\n{{/activity.place}}\n{{^activity.place}}\nĐịa điểm báo sau.\n{{/activity.place}}\nHết."
        let template = try MessageTemplate(name: "x", source: source)
        let with = try BoundTemplate(template, values: ["commune.name": "Thử", "activity.place": "Nhà văn hóa"], ascii: false).renderShared()
        let without = try BoundTemplate(template, values: ["commune.name": "Thử", "activity.place": ""], ascii: false).renderShared()
        #expect(with == "Xã Thử\nTại Nhà văn hóa.\nHết.")
        #expect(without == "Xã Thử\nĐịa điểm báo sau.\nHết.")
    }

    @Test("A value the template needs but nobody gave is an error saying how to give it")
    func missingValue() throws {
        let template = try MessageTemplate(name: "x", source: "---\nchannel: sms\nvariables: activity.place\n---\n{{activity.place}}")
        #expect(throws: TemplateError.self) { try BoundTemplate(template, values: [:], ascii: false) }
    }

    @Test("Call forms follow gender and age")
    func callForms() {
        #expect(CallForm.of(gender: .male, birthYear: 1950, in: 2026) == "Ông")
        #expect(CallForm.of(gender: .female, birthYear: 1960, in: 2026) == "Bà")
        #expect(CallForm.of(gender: .male, birthYear: 1995, in: 2026) == "Anh")
        #expect(CallForm.of(gender: .female, birthYear: 2000, in: 2026) == "Chị")
        #expect(CallForm.of(gender: .female, birthYear: 2015, in: 2026) == "Em")
        #expect(CallForm.of(gender: .unknown, birthYear: nil, in: 2026) == "Ông/Bà")
    }

    @Test("Audience specs: filters parsed, mistakes explained, modules not built yet refused plainly")
    func audiences() throws {
        let specs = try AudienceSpec.parseList("residents:village=Thôn 1,age=18-60,gender=nữ + units:kind=school")
        #expect(specs.count == 2)
        #expect(try specs[0].ageRange() == 18...60)
        #expect(try specs[0].gender() == .female)
        #expect(try AudienceSpec.parse("residents:age=60-").ageRange() == 60...150)
        for bad in ["people", "residents:age=abc", "residents:colour=red", "residents:gender=x", "units", "units:kind=bank", "club:abc",
                    "clubs:foo", "donors:year=abc", "donors:village=1", "volunteers:skill=juggling", "honoured:year=abc", "honoured:village=1"] {
            #expect(throws: MessagingError.self) { try AudienceSpec.parseList(bad) }
        }
    }
}
