import Foundation
import TiesCore
import TiesInterchange
import TiesReports

extension ReportFormat {
    /// The extension of a report file in this format.
    var fileExtension: String {
        switch self {
        case .terminal: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        }
    }
}

extension ReportCommand {
    /// Writes the week's report into `folder` (created when missing) as `YYYY-Www.EXT`, and rewrites the
    /// folder's index page to link every week's file.
    /// - Throws: ``CLIError`` 73 when the folder or a file cannot be written.
    static func archive(_ text: String, week: String, format: ReportFormat, in folder: String) throws {
        let url = URL(fileURLWithPath: folder)
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CLIError(.cantCreate, "cannot create the archive folder \(folder): \(error.localizedDescription)")
        }
        let name = ReportArchive.fileName(week: week, fileExtension: format.fileExtension)
        // The archive is Ties's own folder: a report run again for its week replaces that week's file.
        try emitOutput(text, to: url.appendingPathComponent(name).path, force: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [name]
        try emitOutput(
            ReportArchive.index(fileNames: names), to: url.appendingPathComponent(ReportArchive.indexName).path,
            force: true)
    }

    /// Sends the report through the machine's sendmail interface: `$SENDMAIL`, else `/usr/sbin/sendmail`,
    /// `/usr/lib/sendmail` or `sendmail` on PATH, run as `sendmail -t -oi` (recipients from the headers).
    /// - Throws: ``CLIError`` 69 when there is no sendmail, 74 when it fails.
    static func mail(_ text: String, report: WeeklyReport, format: ReportFormat, to address: String) throws {
        let environment = ProcessInfo.processInfo.environment
        guard
            let sendmail = ExternalCommand.find(
                [environment["SENDMAIL"] ?? "", "/usr/sbin/sendmail", "/usr/lib/sendmail", "sendmail"])
        else {
            throw CLIError(
                .unavailable,
                "--mail-to needs a sendmail program (none at $SENDMAIL, /usr/sbin/sendmail or on PATH); install one, e.g. msmtp-mta or postfix"
            )
        }
        let name = ReportArchive.fileName(week: report.week, fileExtension: format.fileExtension)
        let mail = ReportMail(
            from: EmailDraft.Mailbox(name: "Ties", address: address), to: [EmailDraft.Mailbox(address: address)],
            subject: "Network health — week \(report.week): "
                + (report.headline.map { "\(Table.format($0, digits: 0))/100" } ?? "no health yet"),
            summary: report.terminal(colour: false, width: 76),
            attachment: ReportMail.Attachment(
                name: name, mediaType: ReportMail.mediaType(forFileName: name), text: text),
            date: Date(), timeZone: .current)
        let result: ExternalCommand.Result
        do {
            result = try sendmail.run(["-t", "-oi"], input: mail.message())
        } catch {
            throw CLIError(.ioError, "cannot run \(sendmail.path): \(error.localizedDescription)")
        }
        guard result.status == 0 else {
            throw CLIError(
                .ioError,
                "\(sendmail.path) did not accept the report (exit \(result.status)): \(result.error.trimmingCharacters(in: .whitespacesAndNewlines))"
            )
        }
    }
}
