import Foundation
import Vietnamese

/// RFC 5545 calendars of campaign activities, for phone calendars: stable UIDs, local times in Asia/Ho_Chi_Minh with
/// its VTIMEZONE, escaped text, lines folded at 75 octets, CRLF line ends.
package enum ICalendar {
    package struct Event: Sendable {
        package let uid: String
        package let startsAt: String   // "yyyy-MM-ddTHH:mm"
        package let endsAt: String
        package let summary: String
        package let location: String?
        package let description: String?
        package let updatedAt: Date
        package init(uid: String, startsAt: String, endsAt: String, summary: String, location: String?, description: String?, updatedAt: Date) {
            self.uid = uid; self.startsAt = startsAt; self.endsAt = endsAt; self.summary = summary; self.location = location
            self.description = description; self.updatedAt = updatedAt
        }
    }

    /// Events for activities, with the campaign's title in the description.
    package static func events(_ activities: [Activity], campaignTitles: [Int64: String], host: String) -> [Event] {
        activities.map { activity in
            Event(uid: "activity-\(activity.id!)@\(host)", startsAt: activity.startsAt, endsAt: activity.endsAt,
                  summary: activity.title, location: activity.place,
                  description: [campaignTitles[activity.campaignId], activity.kind.label, activity.notes].compactMap { $0 }.joined(separator: "\n"),
                  updatedAt: activity.updatedAt)
        }
    }

    package static func document(name: String, events: [Event]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Den Sach//Campaigns//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
            "BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0700",
            "TZOFFSETTO:+0700", "TZNAME:ICT", "END:STANDARD", "END:VTIMEZONE",
        ]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + utc(event.updatedAt),
                      "DTSTART;TZID=Asia/Ho_Chi_Minh:" + local(event.startsAt), "DTEND;TZID=Asia/Ho_Chi_Minh:" + local(event.endsAt),
                      "SUMMARY:" + escape(event.summary)]
            if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escape(location)) }
            if let description = event.description, !description.isEmpty { lines.append("DESCRIPTION:" + escape(description)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping: backslash, semicolon, comma, line breaks.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 { out += "\r\n "; count = 1 }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }

    static func local(_ stored: String) -> String {
        stored.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "00"
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }
}
