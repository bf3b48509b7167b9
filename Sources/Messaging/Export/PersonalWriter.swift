import Store
import Vietnamese

/// SMS and letters: one message per person who consented, phones checked and deduplicated for SMS.
/// The hot path uses no closure over `self`: one copied the whole writer, every reference in it retained, per message.
struct PersonalWriter {
    let options: ExportOptions
    let bound: BoundTemplate
    /// The template's translations by language code: a recipient who prefers one gets it.
    let translations: [String: BoundTemplate]
    let output: MessageOutput
    let rejects: MessageOutput?
    let year: Int
    let villages: [Int64: String]
    /// ZNS: the template's shared values and Zalo's length limits, and a line's tracking id's start.
    let zns: ZNSLines?
    /// SMS: the registered sender name, and the hours an advertising message may go out ("" for any time).
    let sender: String
    var window: String { bound.template.advertising ? SMSRules.advertisingWindow : "" }
    /// The last two columns of each CSV line, the same on every line (worked out once).
    private let senderColumns: String
    private var sentPhones = Set<Int64>()
    /// The buffer each message is rendered into, its storage reused.
    private var scratch: [UInt8] = []
    /// The CSV line around it, also reused.
    private var lineBuffer: [UInt8] = []
    /// The first value over Zalo's limit: the export stops there, nothing is written.
    private(set) var failure: MessagingError?
    /// Who had enough messages on this channel this week (`MessageFatigue`), and who this export reached.
    let fatigue: MessageFatigue?
    private(set) var reached: [Int64] = []

    init(options: ExportOptions, bound: BoundTemplate, output: MessageOutput, rejects: MessageOutput?, year: Int, villages: [Int64: String],
         zns: ZNSLines? = nil, sender: String = "", fatigue: MessageFatigue? = nil, translations: [String: BoundTemplate] = [:]) {
        self.translations = translations
        self.options = options; self.bound = bound; self.output = output; self.rejects = rejects; self.year = year; self.villages = villages
        self.zns = zns; self.sender = sender; self.fatigue = fatigue
        senderColumns = TextEncoding.csvField(sender) + "," + (bound.template.advertising ? SMSRules.advertisingWindow : "") + "\n"
    }

    private var isSMS: Bool { options.channel == .sms }
    /// SMS and ZNS go to a phone number, checked and sent once.
    private var needsPhone: Bool { options.channel == .sms || options.channel == .zns }
    /// A Word file of letters is written as their HTML first (the caller converts it).
    private var format: ExportOptions.Format { options.resolvedFormat == .docx ? .html : options.resolvedFormat }

    func begin() {
        switch (isSMS, format) {
        case (true, .csv): output.write("phone,message,segments,encoding,sender,send_window\n")
        case (false, .html): output.write(LetterPage.head)
        default: break
        }
        rejects?.write("name,village,phone,reason\n")
    }

    func end() {
        if !isSMS && format == .html { output.write(LetterPage.foot) }
    }

    mutating func add(_ row: AudienceRow, summary: inout ExportSummary) {
        guard failure == nil else { return }
        summary.audienceSize += 1
        guard row.consent == 2 else {
            summary.excluded[row.consent == 1 ? .withdrawn : .noConsent, default: 0] += 1
            return
        }
        if row.isPerson, let fatigue, fatigue.isOverCap(row.id) {
            summary.excluded[.weeklyCap, default: 0] += 1
            reject(row, phone: row.phone ?? row.phoneOriginal ?? "", reason: "đã nhận \(fatigue.cap) tin qua kênh này trong 7 ngày")
            return
        }
        var phone = ""
        if needsPhone {
            guard let normalized = row.phone else {
                if let original = row.phoneOriginal, !original.isEmpty {
                    summary.excluded[.invalidPhone, default: 0] += 1
                    reject(row, phone: original, reason: PhoneNumber.parse(original).failureReason ?? ExportSummary.Exclusion.invalidPhone.label)
                } else {
                    summary.excluded[.noPhone, default: 0] += 1
                }
                return
            }
            guard let digits = Int64(normalized.dropFirst()) else {
                summary.excluded[.invalidPhone, default: 0] += 1
                reject(row, phone: normalized, reason: ExportSummary.Exclusion.invalidPhone.label)
                return
            }
            guard sentPhones.insert(digits).inserted else {
                summary.excluded[.duplicatePhone, default: 0] += 1
                return
            }
            phone = normalized
        }
        if row.isPerson { reached.append(row.id) }
        if let zns {
            switch zns.line(for: row, phone: phone, recipient: allRecipientValues(row)) {
            case .success(let line):
                summary.messages += 1
                if options.previewLimit.map({ summary.messages <= $0 }) ?? true { output.write(line) }
            case .failure(let refusal):
                failure = refusal
            }
            return
        }
        // The recipient's language when the template has it, Vietnamese otherwise; each counted.
        let translated = translations.isEmpty ? nil : row.language.flatMap { translations[$0] }
        if !translations.isEmpty { summary.languages[translated == nil ? MessageLanguage.vietnamese.rawValue : row.language!, default: 0] += 1 }
        // Rendered as bytes into the writer's own buffer, kept from one message to the next (no storage per message).
        var message = scratch
        scratch = []
        message.removeAll(keepingCapacity: true)
        if isSMS && bound.template.advertising { message.append(contentsOf: SMSRules.advertisingLabel.utf8) }
        // The template itself, not a copy of it (a copy retains every part): most exports have no translation.
        if let translated {
            translated.render(recipientValues(row, for: translated), into: &message)
        } else {
            bound.render(recipientValues(row, for: bound), into: &message)
        }
        defer { scratch = message }
        summary.messages += 1
        // A preview counts everything but shows only the first messages.
        let shown = options.previewLimit.map { summary.messages <= $0 } ?? true
        if isSMS {
            let measure = SMSText.measure(utf8: message)
            summary.segments += measure.segments
            if measure.encoding == .gsm7 { summary.gsm7Messages += 1 } else { summary.ucs2Messages += 1 }
            if !shown { return }
            if format == .csv {
                // The line assembled in a buffer the writer keeps and handed over at once: a write per field cost a
                // call and an access check each, nine a message.
                var line = lineBuffer
                lineBuffer = []
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: phone.utf8)
                line.append(UInt8(ascii: ","))
                TextEncoding.appendCSVField(message, to: &line)
                line.append(UInt8(ascii: ","))
                line.append(contentsOf: String(measure.segments).utf8)
                line.append(UInt8(ascii: ","))
                line.append(contentsOf: measure.encoding.rawValue.utf8)
                line.append(UInt8(ascii: ","))
                line.append(contentsOf: senderColumns.utf8)
                output.write(utf8: line)
                lineBuffer = line
            } else {
                output.write("{\"phone\":\"" + phone + "\",\"message\":" + TextEncoding.jsonString(String(decoding: message, as: UTF8.self))
                             + ",\"segments\":" + String(measure.segments) + ",\"encoding\":\"" + measure.encoding.rawValue
                             + "\",\"sender\":" + TextEncoding.jsonString(sender) + ",\"send_window\":\"" + window + "\"}\n")
            }
        } else if !shown {
            return
        } else if format == .html {
            output.write("<section class=\"letter\">\n")
            output.write(utf8: message)
            output.write("\n</section>\n")
        } else {
            output.write("{\"name\":" + TextEncoding.jsonString(row.name) + ",\"village\":"
                         + TextEncoding.jsonString(row.villageId.flatMap { villages[$0] } ?? "") + ",\"html\":"
                         + TextEncoding.jsonString(String(decoding: message, as: UTF8.self)) + "}\n")
        }
    }

    /// The last word of a full name ("Nguyễn Thị Lan" → "Lan").
    static func givenName(_ full: String) -> Substring {
        // Over the bytes: a space is one byte in UTF-8, and walking characters was 4% of a million-person export.
        full.utf8.lastIndex(of: 0x20).map { full[full.utf8.index(after: $0)...] } ?? full[...]
    }

    /// Every recipient field (a ZNS parameter may use one the preview text does not).
    private func allRecipientValues(_ row: AudienceRow) -> RecipientValues {
        let form = row.isPerson ? CallForm.of(gender: row.gender, birthYear: row.birthYear, in: year) : "Quý đơn vị"
        return RecipientValues(name: row.name, givenName: Self.givenName(row.name), callForm: form,
                               village: row.villageId.flatMap { villages[$0] } ?? "")
    }

    /// Only the fields the template shows (the template folds them for `--ascii` as it writes them).
    private func recipientValues(_ row: AudienceRow, for bound: BoundTemplate) -> RecipientValues {
        let form = bound.usesCallForm ? row.isPerson ? CallForm.of(gender: row.gender, birthYear: row.birthYear, in: year) : "Quý đơn vị" : ""
        return RecipientValues(name: bound.usesName ? row.name : "", givenName: bound.usesGivenName ? Self.givenName(row.name) : "",
                               callForm: form, village: bound.usesVillage ? row.villageId.flatMap { villages[$0] } ?? "" : "")
    }

    private func reject(_ row: AudienceRow, phone: String, reason: String) {
        rejects?.write([row.name, row.villageId.flatMap { villages[$0] } ?? "", phone, reason].map(TextEncoding.csvField).joined(separator: ",") + "\n")
    }
}

extension Result where Failure == PhoneNumber.Rejection {
    var failureReason: String? {
        if case .failure(let rejection) = self { return rejection.message }
        return nil
    }
}

/// The printable frame around letters: A4, one recipient per page.
enum LetterPage {
    static let head = """
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Thư</title>
        <style>
        body { font-family: "Times New Roman", serif; font-size: 14pt; line-height: 1.5; margin: 0; background: #eee; }
        .letter { background: #fff; max-width: 21cm; margin: 1cm auto; padding: 2cm 2cm 2cm 3cm; box-sizing: border-box; }
        .letter-head { display: flex; justify-content: space-between; gap: 1em; text-align: center; font-weight: bold; font-size: 12pt; }
        .place-date { text-align: right; font-style: italic; }
        h2 { text-align: center; }
        .signature { margin-left: auto; width: 45%; text-align: center; }
        .sign-space { height: 3cm; }
        @media (max-width: 600px) { .letter { padding: 1em; margin: 0 0 1em; } .letter-head { flex-direction: column; } }
        @media print { body { background: none; } .letter { margin: 0; max-width: none; page-break-after: always; } @page { size: A4; margin: 0; } }
        </style></head><body>

        """
    static let foot = "</body></html>\n"
}
