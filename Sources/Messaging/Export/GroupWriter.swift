import GRDB
import Store
import Vietnamese

/// Zalo and Facebook posts and loudspeaker scripts: one text for the whole audience, or one per village
/// (`--per-village`, which gives the template `village.name`). No personal data leaves: only how many people each
/// text reaches.
struct GroupWriter {
    let options: ExportOptions
    let template: MessageTemplate
    let values: [String: String]
    let output: MessageOutput
    let wordsPerMinute: Int

    func write(_ db: Database, _ query: AudienceQuery, summary: inout ExportSummary) throws {
        var texts: [(village: String?, reach: Int, text: String)] = []
        if options.perVillage {
            for (village, reach) in try reachByVillage(db, query) {
                var perVillage = values
                perVillage["village.name"] = village
                texts.append((village, reach, try BoundTemplate(template, values: perVillage, ascii: options.ascii).renderShared()))
            }
        } else {
            let reach = try reachByVillage(db, query).reduce(0) { $0 + $1.reach }
            texts.append((nil, reach, try BoundTemplate(template, values: values, ascii: options.ascii).renderShared()))
        }
        let loudspeaker = template.channel == .loudspeaker
        let priority = options.priority ?? template.priority
        for (index, item) in texts.enumerated() {
            // With audio, the duration is the sound file's; without, an estimate from the words.
            let clip = loudspeaker && options.previewLimit == nil ? try options.audio?.render(item.text, village: item.village, title: template.title) : nil
            let seconds = clip?.seconds ?? (loudspeaker ? Self.readingSeconds(item.text, wordsPerMinute: wordsPerMinute) : 0)
            summary.readingSeconds = max(summary.readingSeconds, seconds)
            if let clip { summary.audioFiles.append(clip.file) }
            summary.audienceSize += item.reach
            summary.messages += 1
            if options.resolvedFormat == .jsonl {
                output.write("{\"village\":" + (item.village.map(TextEncoding.jsonString) ?? "null") + ",\"reach\":" + String(item.reach)
                             + ",\"readingSeconds\":" + String(seconds)
                             + (loudspeaker ? ",\"priority\":\"" + priority.rawValue + "\"" : "")
                             + (clip.map { ",\"audio\":" + TextEncoding.jsonString($0.file) } ?? "")
                             + ",\"text\":" + TextEncoding.jsonString(item.text) + "}\n")
                continue
            }
            if index > 0 { output.write("\n\n") }
            if let village = item.village { output.write("===== \(village) (\(VND.grouped(Int64(item.reach))) người) =====\n") }
            if loudspeaker { output.write("[Mức ưu tiên: \(priority.label)]\n") }
            if let clip {
                output.write("[Thời lượng: \(seconds / 60) phút \(seconds % 60) giây — đo từ tệp âm thanh \(clip.file)]\n\n")
            } else if seconds > 0 {
                output.write("[Thời gian đọc: khoảng \(seconds / 60) phút \(seconds % 60) giây ở \(wordsPerMinute) từ/phút]\n\n")
            }
            output.write(item.text + "\n")
        }
    }

    /// Villages of the audience with how many of its residents each holds (unit contacts count where they sit).
    private func reachByVillage(_ db: Database, _ query: AudienceQuery) throws -> [(village: String, reach: Int)] {
        var reach: [(String, Int)] = []
        if let people = try query.peopleSQL(db) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT u.name, count(*) FROM (\(people.sql)) AS a JOIN person p ON p.id = a.id JOIN unit u ON u.id = p.villageId
                GROUP BY u.id ORDER BY u.sortKey
                """, arguments: people.arguments)
            reach = rows.map { ($0[0], $0[1]) }
        }
        let units = try query.unitRows(db).count
        if units > 0 { reach.append(("Các đơn vị", units)) }
        return reach
    }

    /// Words over speed, rounded up to the next 5 seconds: what an announcer needs to plan a broadcast.
    static func readingSeconds(_ text: String, wordsPerMinute: Int) -> Int {
        let words = text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
        let seconds = (words * 60 + wordsPerMinute - 1) / max(wordsPerMinute, 1)
        return (seconds + 4) / 5 * 5
    }
}
