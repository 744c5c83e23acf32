import Foundation
import TiesCore

extension ICalendarReader.Reader {

    /// The canonical form of an occurrence's original start: `yyyyMMddTHHmmssZ`, or `yyyyMMdd` for dates.
    func occurrenceKey(instant: Int64, date: Day?) -> String {
        if let date {
            let (y, m, d) = date.civil
            return pad(y, 4) + pad(m, 2) + pad(d, 2)
        }
        let day = Day(ordinal: Int(instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400))
        let second = Int(instant - Int64(day.ordinal) * 86_400)
        let (y, m, d) = day.civil
        return pad(y, 4) + pad(m, 2) + pad(d, 2) + "T"
            + pad(second / 3600, 2) + pad(second / 60 % 60, 2)
            + pad(second % 60, 2) + "Z"
    }

    func key(_ time: CalendarTime, instant: Int64) -> String {
        occurrenceKey(instant: instant, date: time.isDate ? time.local.day : nil)
    }

    /// `line N`, or `name line N` when the line is in another file than the one being reported on.
    func place(_ line: Int, in other: Int) -> String {
        other == file || names[other].isEmpty ? "line \(line)" : "\(names[other]) line \(line)"
    }

    /// The events left when each invitation sent again (the same `UID` and `RECURRENCE-ID`, a higher
    /// `SEQUENCE`: rescheduled) counts in its last version only, and those a `METHOD:CANCEL` cancelled are
    /// left out; each left out is listed.
    mutating func latestVersions() -> [Event] {
        var latest: [String: Int] = [:]
        for (k, event) in events.enumerated() {
            guard let uid = event.uid else { continue }
            let id = uid + "|" + (overrideKey(event) ?? "")
            // Of two versions with one SEQUENCE, the first read counts, unless the later cancels (a METHOD:CANCEL
            // of an occurrence need not raise the SEQUENCE).
            if let earlier = latest[id],
                events[earlier].sequence > event.sequence
                    || (events[earlier].sequence == event.sequence && event.status != "CANCELLED")
            {
                continue
            }
            latest[id] = k
        }
        var kept: [Event] = []
        for (k, event) in events.enumerated() {
            guard let uid = event.uid else {
                kept.append(event)
                continue
            }
            file = event.file
            let id = uid + "|" + (overrideKey(event) ?? "")
            if let cancel = cancelledUIDs[uid], cancel.sequence >= event.sequence {
                results[file].skipped.append(
                    SkippedRecord(
                        line: event.line,
                        reason:
                            "the invitation was cancelled (METHOD:CANCEL, \(place(cancel.line, in: cancel.file)))"))
            } else if let last = latest[id], last != k, events[last].sequence > event.sequence {
                results[file].skipped.append(
                    SkippedRecord(
                        line: event.line,
                        reason:
                            "an earlier version (SEQUENCE \(event.sequence)) of the invitation at \(place(events[last].line, in: events[last].file)), which replaces it"
                    ))
            } else if let last = latest[id], last != k, events[last].status == "CANCELLED" {
                results[file].skipped.append(
                    SkippedRecord(
                        line: event.line,
                        reason: "cancelled by the invitation at \(place(events[last].line, in: events[last].file))"))
            } else {
                kept.append(event)
            }
        }
        return kept
    }

    mutating func expandAll() {
        // Overrides (RECURRENCE-ID) by UID, in file order.
        var overrides: [String: [Event]] = [:]
        var masters: [Event] = []
        var masterUIDs = Set<String>()
        events = latestVersions()
        for event in events {
            if event.recurrenceID != nil, let uid = event.uid {
                overrides[uid, default: []].append(event)
            } else {
                masters.append(event)
                if event.rrule != nil || !event.rdates.isEmpty, let uid = event.uid { masterUIDs.insert(uid) }
            }
        }
        for master in masters {
            if let uid = master.uid, masterUIDs.contains(uid) {
                expandSeries(master, overrides: overrides[uid] ?? [])
            } else {
                emitSingle(master)
            }
        }
        // Overrides whose series is not in the file stand alone.
        for event in events {
            if let uid = event.uid, masterUIDs.contains(uid) { continue }
            guard let originalKey = overrideKey(event) else { continue }
            emitOccurrence(of: event, start: event.start, recurring: true, originalKey: originalKey)
        }
    }

    /// The original start of an override (an event with a `RECURRENCE-ID`) as an occurrence key; nil for
    /// an event that overrides nothing.
    mutating func overrideKey(_ event: Event) -> String? {
        guard let original = event.recurrenceID else { return nil }
        return key(original, instant: instant(original))
    }

    mutating func emitSingle(_ event: Event) {
        file = event.file
        let start = event.start
        if instant(start) > asOf {
            results[file].skipped.append(
                SkippedRecord(line: event.line, reason: "the event starts after the as-of time"))
            return
        }
        emitOccurrence(
            of: event, start: start, recurring: event.recurrenceID != nil, originalKey: overrideKey(event))
    }

    /// Adds one meeting, unless it is cancelled or declined (noted in `skipped`).
    mutating func emitOccurrence(of event: Event, start: CalendarTime, recurring: Bool, originalKey: String?) {
        file = event.file
        if event.status == "CANCELLED" {
            let reason =
                if recurring, let originalKey { "the occurrence \(originalKey) is cancelled" } else {
                    "the event is cancelled"
                }
            results[file].skipped.append(SkippedRecord(line: event.line, reason: reason))
            return
        }
        let people = event.attendees.filter(\.takesPart)
        if people.contains(where: { a in a.email.map { me.contains($0) } == true && a.participation == "DECLINED" }) {
            results[file].skipped.append(SkippedRecord(line: event.line, reason: "you declined the event"))
            return
        }
        let startInstant = instant(start)
        if startInstant > asOf { return }
        var end: Int64?
        if let duration = event.duration {
            end = startInstant + duration
        } else if let masterEnd = event.end {
            end = startInstant + (instant(masterEnd) - instant(event.start))
        }
        let organizedByMe = event.organizer?.email.map { me.contains($0) } == true
        let (others, includesMe) = participants(event, people: people)
        let sourceID: String
        if let uid = event.uid {
            sourceID = originalKey.map { uid + "|" + $0 } ?? uid
        } else {
            sourceID =
                "fnv1a64:"
                + FNV1a64.hex(
                    (event.summary ?? "") + "\n" + event.startText + "\n" + (event.organizer?.email ?? "")
                        + (originalKey.map { "\n" + $0 } ?? ""))
        }
        guard emittedSourceIDs.insert(sourceID).inserted else {
            // A single event is known by its UID alone: the copy read first may have started at another time.
            let same = event.uid != nil && originalKey == nil ? "UID and SEQUENCE" : "UID and start"
            results[file].skipped.append(
                SkippedRecord(
                    line: event.line,
                    reason: "an event with the same \(same) (\(sourceID)) was read before; this copy is ignored"))
            return
        }
        results[file].records.append(
            CalendarMeeting(
                line: event.line, uid: event.uid, sourceID: sourceID, summary: event.summary,
                start: Date(timeIntervalSince1970: TimeInterval(startInstant)),
                end: end.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                allDayDate: start.isDate ? start.local.day : nil, isRecurring: recurring,
                organizer: event.organizer, attendees: people, others: others,
                includesMe: includesMe, organizedByMe: organizedByMe))
    }

    /// The organizer and the attendees who take part other than the user, without repeats, and whether the
    /// user takes part. An organizer whose own `ATTENDEE` entry says `ROLE=NON-PARTICIPANT` (a mailer that
    /// sends the invitation in someone's name, an assistant) organized the meeting without attending it.
    func participants(_ event: Event, people: [CalendarAttendee]) -> (others: [CalendarAttendee], includesMe: Bool) {
        let absent = Set(event.attendees.filter { $0.role == "NON-PARTICIPANT" }.compactMap(\.email))
        let organizer = event.organizer.flatMap { o in o.email.map { absent.contains($0) } == true ? nil : o }
        var others: [CalendarAttendee] = []
        var seen = Set<String>()
        var includesMe = false
        for person in [organizer].compactMap({ $0 }) + people {
            if let email = person.email, me.contains(email) {
                includesMe = true
                continue
            }
            guard let key = person.email ?? person.name.map({ "name:" + $0.lowercased() }) else { continue }
            if seen.insert(key).inserted { others.append(person) }
        }
        return (others, includesMe)
    }

    mutating func expandSeries(_ master: Event, overrides: [Event]) {
        file = master.file
        let start = master.start
        if master.status == "CANCELLED" {
            results[file].skipped.append(SkippedRecord(line: master.line, reason: "the recurring event is cancelled"))
            return
        }
        var locals: [LocalTime] = [start.local]
        if let (text, line) = master.rrule {
            switch ICalendarReader.parseRule(text, frame: start.frame) {
            case .invalid(let found, let expected):
                results[file].problems.append(
                    ParseError(line: line, record: master.index, field: "RRULE", found: found, expected: expected))
                return
            case .unsupported(let part):
                results[file].skipped.append(
                    SkippedRecord(
                        line: line,
                        reason:
                            "the rule uses \(part), which Ties does not expand; only the first occurrence is imported"
                    ))
            case .rule(let rule):
                let expansion = expand(rule, start: start)
                locals = expansion.locals
                if let note = expansion.note { results[file].skipped.append(SkippedRecord(line: line, reason: note)) }
            }
        }
        var occurrences = locals.map { CalendarTime(local: $0, frame: start.frame) }
        occurrences += master.rdates.map { rdate in
            // An RDATE in another frame is kept as given; a date-only RDATE keeps the series' time of day.
            rdate.isDate && !start.isDate
                ? CalendarTime(
                    local: LocalTime(day: rdate.local.day, second: start.local.second), frame: start.frame) : rdate
        }
        // EXDATE: by instant, or by day when the exclusion is a date and the series is timed. One without a
        // zone is a time of the series' own zone (Thunderbird writes an Exchange series' EXDATE so).
        var excludedInstants = Set<Int64>()
        var excludedDays = Set<Int>()
        for exdate in master.exdates {
            if exdate.isDate && !start.isDate {
                excludedDays.insert(exdate.local.day.ordinal)
            } else if case .floating = exdate.frame, !start.isDate {
                excludedInstants.insert(instant(CalendarTime(local: exdate.local, frame: start.frame)))
            } else {
                excludedInstants.insert(instant(exdate))
            }
        }
        var replaced: [String: Event] = [:]
        for override in overrides {
            if let originalKey = overrideKey(override) { replaced[originalKey] = override }
            // An all-day series has one occurrence a day: an override naming it by a date-time (Evolution's
            // `RECURRENCE-ID:20180502T000000Z` under `DTSTART;VALUE=DATE:20180425`) replaces that day's.
            if start.isDate, let original = override.recurrenceID, !original.isDate {
                replaced[occurrenceKey(instant: 0, date: original.local.day)] = override
            }
        }
        var emittedKeys = Set<String>()
        for occurrence in occurrences {
            let at = instant(occurrence)
            if excludedInstants.contains(at) || excludedDays.contains(occurrence.local.day.ordinal) { continue }
            let originalKey = key(occurrence, instant: at)
            guard emittedKeys.insert(originalKey).inserted else { continue }
            if replaced[originalKey] != nil { continue }  // emitted below, from the override
            if at > asOf { continue }
            emitOccurrence(of: master, start: occurrence, recurring: true, originalKey: originalKey)
        }
        for override in overrides {
            emitOccurrence(
                of: override, start: override.start, recurring: true, originalKey: overrideKey(override))
        }
    }

    /// The wall-clock starts of a rule's occurrences up to the as-of instant (DTSTART first), and a
    /// note when the expansion stopped at a guard rather than at the rule's or the as-of's end.
    mutating func expand(_ rule: Rule, start: CalendarTime) -> (locals: [LocalTime], note: String?) {
        let limit = max(1, options.maxOccurrencesPerEvent)
        let tooMany =
            "the rule has more than \(limit) occurrences before the as-of time; only the first \(limit) are imported"
        let periodLimit = 200_000
        var out: [LocalTime] = [start.local]
        let startLocal = start.local
        // UNTIL in UTC compares instants; a date or a wall-clock UNTIL compares wall-clock times.
        var untilInstant: Int64?
        var untilLocal: LocalTime?
        if let until = rule.until {
            switch until.frame {
            case .utc: untilInstant = until.local.epoch
            case .date: untilLocal = LocalTime(day: until.local.day, second: 86_399)
            case .zone, .rules, .floating: untilLocal = until.local
            }
        }
        // No period starting after this day (as-of plus slack for time zones) can hold an occurrence.
        let lastDay = Int(asOf / 86_400) + 2
        var period = 0
        while let (first, days) = rule.days(inPeriod: period, from: startLocal.day) {
            period += 1
            if period > periodLimit {
                return (
                    out,
                    "the rule was expanded over \(periodLimit) periods without reaching the as-of time; later occurrences are not imported"
                )
            }
            if first.ordinal > lastDay { break }
            if let untilLocal, first > untilLocal.day { break }
            let candidates = rule.bySetPos.isEmpty ? days : ICalendarReader.select(days, positions: rule.bySetPos)
            for day in candidates {
                let local = LocalTime(day: day, second: startLocal.second)
                if local <= startLocal { continue }
                if let untilLocal, local > untilLocal { return (out, nil) }
                let at = instant(local, frame: start.frame)
                if let untilInstant, at > untilInstant { return (out, nil) }
                if at > asOf { return (out, nil) }
                if let count = rule.count, out.count >= count { return (out, nil) }
                if out.count >= limit { return (out, tooMany) }
                out.append(local)
            }
            if let count = rule.count, out.count >= count { return (out, nil) }
        }
        return (out, nil)
    }
}
