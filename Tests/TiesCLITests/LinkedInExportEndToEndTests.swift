import Foundation
import Testing
import TiesTestSupport

/// `ties import linkedin` on whole exports of several generations (fixtures with made-up people that
/// reproduce real exports' quirks; see Fixtures/exports/README.md), and the wrong-file refusals of every importer.
@Suite("ties import linkedin: whole exports, end to end")
struct LinkedInExportEndToEndTests {
    let store = StoreUnderTest()

    func fixture(_ name: String) -> String { Self.fixture(name) }

    /// The path of the export fixture `name` (a file or folder under Fixtures/exports/).
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/exports/" + name, withExtension: nil)!.path
    }

    @Test("the zip: every file recognised by its header, counts reconcile, homonyms apart, me filled in")
    func zip() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "linkedin", fixture("linkedin-2024.zip"), "--create-people")
        // rows read = read + left out, file by file, by name
        #expect(out.contains("linkedin-2024.zip:Connections.csv: connections, 6 rows = 5 read + 1 left out on purpose"))
        #expect(out.contains("linkedin-2024.zip:messages.csv: messages, 8 rows = 5 read + 3 left out on purpose"))
        #expect(out.contains("linkedin-2024.zip:Invitations.csv: invitations, 3 rows = 3 read + 0 left out on purpose"))
        // Two rows of one endorser's day are one favour; the rows read are the file's three.
        #expect(out.contains("Endorsement_Received_Info.csv: endorsements received, 3 rows = 3 read"))
        #expect(out.contains("Not read (1 file this import does not use):\n  ") && out.contains("Skills.csv"))
        #expect(out.contains("messages.csv:5: the row has no sender"))
        #expect(out.contains("messages.csv:7: the message is a draft"))
        // Ada Quill twice, with different profiles: two people; an invitation naming only "Ada Quill" is not guessed.
        let people = try store.ok("export", "people")
        // Her title makes her an in-house recruiter (inferred at the end of the import).
        #expect(people.contains("Ada Quill,recruiter,in-house,Brightwater Health"))
        #expect(people.contains("Ada Quill (Copperleaf Labs),,,Copperleaf Labs"))
        #expect(out.contains("Invitations.csv:4: 2 people are named Ada Quill"))
        // `person duplicates` lists the two as one name with different profiles, for the user to tell apart,
        // although the second is stored as `Ada Quill (Copperleaf Labs)`.
        let pairs = try store.ok("person", "duplicates", "--format", "csv")
        #expect(pairs.contains("Ada Quill,2,Ada Quill (Copperleaf Labs)"), "\(pairs)")
        #expect(pairs.contains("different-profiles"))
        // The group message's TO "Bram Okonkwo-Lind,Cleo Marchetti, PhD" is two people, found by their URLs.
        #expect(!people.contains("\nPhD") && !people.contains("Cleo Marchetti,,"))
        // The percent-encoded and the raw profile URL of Zoë are one person (connection, endorsement, message).
        #expect(people.components(separatedBy: "Zoë Ärlig").count == 2)
        let zoe = try store.ok("person", "show", "Zoë Ärlig")
        #expect(zoe.contains("favour") && zoe.contains("message"))
        let me = try store.ok("me", "show")
        // Dated by the export (the zip's entries are of 2025-12-07), an email by its own Updated On.
        let lines = me.split(separator: "\n")
        #expect(lines.contains { $0.contains("Robin Vale, MBA") && $0.contains("2025-12-07") })
        #expect(lines.contains { $0.contains("robin.vale@example.net") && $0.contains("2020-11-18") })
        #expect(lines.contains { $0.contains("+44 113 496 0000") && $0.contains("2025-12-07") })
    }

    @Test("a folder given by a symbolic link is read as the folder it points to")
    func folderThroughLink() throws {
        let links = TemporaryDirectory()
        let link = links.file("export").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture("linkedin-2024"))
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "linkedin", link, "--create-people")
        // The folder's files, named under the path given.
        #expect(out.contains("\(link)/Connections.csv: connections, 6 rows = 5 read + 1 left out on purpose"), "\(out)")
        #expect(!out.contains("holds no CSV file"))
        let again = try store.ok("import", "linkedin", fixture("linkedin-2024"), "--create-people")
        #expect(again.contains("people: 0 added, 0 updated") && again.contains("interactions: 0 added"), "\(again)")
    }

    @Test("importing the same zip, then its folder, changes nothing")
    func reimport() throws {
        #expect(try store.ties(["init"]).status == 0)
        _ = try store.ok("import", "linkedin", fixture("linkedin-2024.zip"), "--create-people")
        let people = try store.ok("export", "people")
        let interactions = try store.ok("export", "interactions")
        let again = try store.ok(
            "import", "linkedin", fixture("linkedin-2024.zip"), fixture("linkedin-2024"), "--create-people")
        #expect(again.contains("people: 0 added, 0 updated"))
        #expect(again.contains("interactions: 0 added"))
        #expect(try store.ok("export", "people") == people)
        #expect(try store.ok("export", "interactions") == interactions)
    }

    @Test(
        "2018, 2020, spreadsheet re-saves (one European, with semicolons) and the 2012 Outlook CSV import with nothing refused"
    )
    func generations() throws {
        #expect(try store.ties(["init"]).status == 0)
        let old = try store.ok("import", "linkedin", fixture("linkedin-2018"))
        #expect(old.contains("Connections.csv: connections, 2 rows = 2 read + 0 left out"))
        #expect(old.contains("Messages.csv: messages, 4 rows = 4 read + 0 left out"))
        #expect(!old.contains("took"))  // the 2018 layout's Direction says who wrote
        let ines = try store.ok("person", "show", "Ines Faro")
        #expect(ines.contains("2018-02-12") && ines.contains("2018-06-19"))
        let twenty = try store.ok("import", "linkedin", fixture("linkedin-2020"), "--me", "Nadia Brook")
        #expect(twenty.contains("messages, 4 rows = 3 read + 1 left out"))
        #expect(try store.ok("person", "show", "Femi Adeyemi SPHRi, CPHR").contains("message"))
        // Without profile URLs each row is still its own person, with its own date; brackets in a name are
        // the name's, so Tunde Ola is no homonym of Tunde Ola (MBA, ACA). Again: nothing changes.
        #expect(twenty.contains("people: 6 added") && twenty.contains("interactions: 9 added"))
        #expect(try store.ok("person", "show", "Kemi Ade (Bluefield Hotels)").contains("2015-09-08"))
        #expect(try store.ok("person", "show", "Kemi Ade").contains("2018-07-26"))
        #expect(try store.ok("person", "show", "Tunde Ola").contains("2016-08-25"))
        let again = try store.ok("import", "linkedin", fixture("linkedin-2020"), "--me", "Nadia Brook")
        #expect(again.contains("people: 0 added, 0 updated, 6 already up to date"))
        #expect(again.contains("interactions: 0 added, 9 already present"))
        let resaved = try store.ok("import", "linkedin", fixture("linkedin-resaved"))
        #expect(resaved.contains("connections, 3 rows = 3 read"))
        let people = try store.ok("export", "people")
        #expect(people.contains("Kavya Rao,,,,,"))  // NA placeholders are nothing, not a shared email
        #expect(try store.ok("person", "show", "Kavya Rao").contains("2026-02-06"))
        let outlook = try store.ok("import", "linkedin", fixture("linkedin-2012"))
        #expect(outlook.contains("connections, 2 rows = 2 read") && outlook.contains("Windows-1252"))
        // A French title: a recruiter (roles-i18n), in-house as every recruiter at an employer with no agency cue.
        #expect(
            try store.ok("export", "people").contains(
                "Renée Côté,recruiter,in-house,Éclair Conseil,Chargée de recrutement"))
        let european = try store.ok("import", "linkedin", fixture("linkedin-resaved-eu"))
        #expect(european.contains("connections, 4 rows = 3 read + 1 left out on purpose"))
        #expect(
            try store.ok("export", "people").contains("Petra Kälin,recruiter,in-house,\"Kestrel, The People Group\""))
        #expect(try store.ok("person", "show", "Jonas Sørby").contains("2021-09-07"))
        #expect(try store.ok("import", "linkedin", fixture("linkedin-resaved-eu")).contains("people: 0 added"))
    }

    @Test("2021: a sender written `Oren  Vasquez` in messages.csv is the connection `Oren ,Vasquez`; `--me` so written")
    func doubleSpacedNames() throws {
        #expect(try store.ties(["init"]).status == 0)
        // The user's own name is written so too, and `--me` copied from the file finds them.
        let out = try store.ok("import", "linkedin", fixture("linkedin-2021"), "--me", "Lena  Brandt")
        #expect(out.contains("interactions: 8 added"), "\(out)")
        #expect(!out.contains("no person matches") && !out.contains("took"), "\(out)")
        let oren = try store.ok("person", "show", "Oren Vasquez")
        #expect(oren.contains("2021-06-27") && !oren.contains("never in touch"), "\(oren)")
        let again = try store.ok("import", "linkedin", fixture("linkedin-2021"))
        #expect(again.contains("interactions: 0 added") && again.contains("took Lena Brandt to be you"), "\(again)")
    }

    @Test("Invitations re-saved by a day-first spreadsheet: `09-04-2021` beside `9/27/21` is 4 September")
    func dayFirstSpreadsheet() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "linkedin", fixture("linkedin-resaved-dmy"))
        #expect(out.contains("invitations, 4 rows = 4 read + 0 left out on purpose"), "\(out)")
        #expect(out.contains("interactions: 6 added"), "\(out)")
        #expect(out.contains("Invitations.csv:5: no person matches Rohan Das"), "\(out)")
        #expect(try store.ok("person", "show", "Kabir Rao").contains("2021-09-04"))
        #expect(try store.ok("person", "show", "Tara Singh").contains("2021-09-07"))
        #expect(try store.ok("import", "linkedin", fixture("linkedin-resaved-dmy")).contains("interactions: 0 added"))
    }

    @Test("rows without a URL alike in name and day are as many connections, each with its own date")
    func namesakesOfOneDay() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "linkedin", fixture("linkedin-namesakes-one-day"))
        #expect(out.contains("people: 5 added"), "\(out)")
        // Three Priya Shah connected on 2021-09-22: three `connected`, none taken for another's.
        #expect(out.contains("interactions: 5 added, 0 already present"), "\(out)")
        let sunrise = try store.ok("person", "show", "Priya Shah (Sunrise Foods)")
        #expect(sunrise.contains("known since:  2021-09-22") && sunrise.contains("connected mutual"), "\(sunrise)")
        #expect(try store.ok("person", "show", "Priya Shah (2)").contains("known since:  2021-09-22"))
        let again = try store.ok("import", "linkedin", fixture("linkedin-namesakes-one-day"))
        #expect(again.contains("people: 0 added, 0 updated, 5 already up to date"), "\(again)")
        #expect(again.contains("interactions: 0 added, 5 already present"), "\(again)")
    }

    @Test("an export of 2020 (no profile URLs) then the member's export of 2025: each connection found by its day")
    func olderThenNewerExport() throws {
        #expect(try store.ties(["init"]).status == 0)
        let older = try store.ok("import", "linkedin", fixture("linkedin-two-exports/2020"))
        #expect(older.contains("people: 5 added"), "\(older)")
        let newer = try store.ok("import", "linkedin", fixture("linkedin-two-exports/2025"))
        #expect(newer.contains("connections, 6 rows = 6 read + 0 left out on purpose"), "\(newer)")
        // The two Rafael Lima of 2020 find their own rows by their Connected On; the Rafael Lima connected in
        // 2025 and the Márcia Nunes connected in 2021 (the 2020 one was connected in 2019) are other people.
        #expect(newer.contains("people: 3 added, 3 updated"), "\(newer)")
        #expect(!newer.contains("people are named"), "\(newer)")
        // A connection's `connected` is not added a second time under the newer export's id.
        #expect(newer.contains("interactions: 3 added, 3 already present"), "\(newer)")
        let people = try store.ok("export", "people")
        #expect(people.contains("Rafael Lima (Solar Labs)") && people.contains("Márcia Nunes (Talentos)"), "\(people)")
        #expect(try store.ok("person", "show", "Rafael Lima").contains("rafaellima-dev"))
        #expect(try store.ok("person", "show", "Rafael Lima (Grupo Boreal)").contains("rafael-lima-consultor"))
        let again = try store.ok("import", "linkedin", fixture("linkedin-two-exports/2025"))
        #expect(again.contains("people: 0 added, 0 updated") && again.contains("interactions: 0 added"), "\(again)")
        let first = try store.ok("import", "linkedin", fixture("linkedin-two-exports/2020"))
        #expect(first.contains("people: 0 added, 0 updated") && first.contains("interactions: 0 added"), "\(first)")
    }

    @Test("Connections re-saved by a French spreadsheet: `27-juil-25`, `14-févr-24` are dates, nothing refused")
    func frenchSpreadsheet() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "linkedin", fixture("linkedin-resaved-fr"))
        #expect(out.contains("connections, 6 rows = 6 read + 0 left out on purpose"), "\(out)")
        #expect(out.contains("people: 6 added"), "\(out)")
        #expect(try store.ok("person", "show", "Anouk Brassard").contains("2025-07-27"))
        #expect(try store.ok("person", "show", "Marc Petit").contains("2023-12-03"))
        // Two Léa Roux with two profiles are two people.
        #expect(try store.ok("export", "people").contains("Léa Roux (Studio Roux)"))
        #expect(try store.ok("import", "linkedin", fixture("linkedin-resaved-fr")).contains("people: 0 added"))
    }

    @Test("2025: your WhatsApp number, written without its +, is the number PhoneNumbers.csv gives, not a new one")
    func whatsAppNumber() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "linkedin", fixture("linkedin-2025"))
        #expect(out.contains("Whatsapp Phone Numbers.csv: your phone numbers, 1 row (your details)"), "\(out)")
        // name, headline, industry and the phone; the WhatsApp number is that phone again
        #expect(out.contains("your details: 4 added to `ties me`, 1 already known"), "\(out)")
        let me = try store.ok("me", "show", "--history")
        #expect(me.contains("+1 206-555-0188") && !me.contains("12065550188"), "\(me)")
        #expect(
            try store.ok("import", "linkedin", fixture("linkedin-2025")).contains(
                "0 added to `ties me`, 5 already known"))
    }

    @Test("2024: the user, not the sponsored \"LinkedIn Member\" who wrote more rows, is taken to be you")
    func sponsoredSenders() throws {
        #expect(try store.ties(["init"]).status == 0)
        // LinkedIn Member wrote 4 rows, Mira from LinkedIn Premium 2, the user (`TARIQ  N`) 2 of the 10.
        let out = try store.ok("import", "linkedin", fixture("linkedin-sponsored"))
        #expect(out.contains("took TARIQ N to be you"), "\(out)")
        #expect(out.contains("messages, 10 rows = 4 read + 6 left out on purpose"), "\(out)")
        #expect(out.contains("messages.csv:2: the other participant is shown as \"LinkedIn Member\""), "\(out)")
        // LinkedIn Premium's account is LinkedIn itself, no one to match or create.
        #expect(
            out.contains(
                "messages.csv:6: the message is from LinkedIn itself (Mira from LinkedIn Premium), not from a member"),
            "\(out)")
        // 2 connections, Ines's 3 messages and the one to Bruno.
        #expect(out.contains("interactions: 6 added"), "\(out)")
        let ines = try store.ok("person", "show", "Ines Varga")
        #expect(ines.contains("2024-02-21"), "\(ines)")
        #expect(try store.ok("import", "linkedin", fixture("linkedin-sponsored")).contains("interactions: 0 added"))
    }

    @Test("2023: invitations whose URL columns hold only `https://www.linkedin.com/in` find their people by name")
    func bareProfileURLs() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "linkedin", fixture("linkedin-2023"))
        #expect(out.contains("invitations, 3 rows = 3 read + 0 left out on purpose"))
        // Julieta and Ignacio are connections; only Marcos Ledesma, who never accepted, is unknown, by his name.
        #expect(out.contains("interactions: 6 added"), "\(out)")
        #expect(out.contains("Invitations.csv:4: no person matches Marcos Ledesma\n"), "\(out)")
        #expect(!out.contains("matches https://www.linkedin.com/in /"))
        #expect(try store.ok("person", "show", "Julieta Campos").contains("2023-12-14"))
        // A decorated first name is not the greeting: "Hello Tomás", not "Hello 🚀".
        let next = try store.ok("next", "--as-of", "2023-12-16")
        #expect(next.contains("Write to Tomás first: “Hello Tomás,"), "\(next)")
        #expect(!next.contains("🚀 first"))
        #expect(try store.ok("import", "linkedin", fixture("linkedin-2023")).contains("interactions: 0 added"))
    }

    @Test(
        "Google Contacts (both layouts) and Outlook CSV come in through import csv; a nameless contact takes its email")
    func addressBooks() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok(
            "import", "csv", fixture("google-legacy.csv"), fixture("google.csv"), fixture("outlook.csv"))
        #expect(out.contains("people: 6 added"))
        let people = try store.ok("export", "people")
        #expect(people.contains("Mina Park,,,Riverbend,Engineering Manager"))
        #expect(people.contains("mina@home.example;mina@work.example"))
        #expect(people.contains("noname@example.org,,,"))
        #expect(people.contains("Quayside Ltd,,,Quayside Ltd"))
        #expect(people.contains("Ivo Stern,recruiter,in-house,Stern Talent,Talent Partner"))
        #expect(try store.ok("person", "list", "--tag", "Mentors").contains("Grace B. Hollis"))
        #expect(try store.ok("person", "list", "--tag", "Recruiters").contains("Ivo Stern"))
        let fromGoogle = try store.ok("import", "csv", fixture("google-outlook.csv"))
        #expect(fromGoogle.contains("people: 3 added"), "\(fromGoogle)")
        let tagged = try store.ties(["person", "list", "--tag", "myContacts"])
        #expect(tagged.status == 64 && tagged.stderr.contains("no one is tagged 'myContacts'"), "\(tagged.stderr)")
    }

    @Test("a German Outlook's contacts CSV (Windows-1252) comes in through import csv, nothing refused")
    func germanOutlook() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "csv", fixture("outlook-de.csv"))
        #expect(out.contains("people: 3 added"), "\(out)")
        let people = try store.ok("export", "people")
        // Position is the title, Firma the organisation, Kategorien the tags, Geburtstag the birthday (day first).
        // A Personalberater is a recruitment consultant: an agency recruiter.
        #expect(
            people.contains("Jörg Weißhaupt,recruiter,agency,Talentwerk GmbH,Personalberater,,Berlin;Recruiter,"),
            "\(people)")
        #expect(people.contains(",1981-03-14,"))
        #expect(people.contains("Aylin Su Demir,,,Hafenlicht AG,Teamleiterin Entwicklung"), "\(people)")
        #expect(people.contains("joerg.weisshaupt@talentwerk.example;jw@privat.example"))
        #expect(people.contains("info@nordlicht.example"))
        let jorg = try store.ok("person", "show", "Jörg Weißhaupt")
        #expect(jorg.contains("14 March 1981") && jorg.contains("+49 151 00000001") && !jorg.contains("0000009"))
        #expect(try store.ok("person", "list", "--tag", "Recruiter").contains("Jörg Weißhaupt"))
        #expect(try store.ok("import", "csv", fixture("outlook-de.csv")).contains("people: 0 added"))
    }

    @Test("a French Outlook's contacts CSV (ISO-8859-15, a full name first, Titre twice) comes in through import csv")
    func frenchOutlook() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "csv", fixture("outlook-fr.csv"))
        #expect(out.contains("people: 3 added"), "\(out)")
        let people = try store.ok("export", "people")
        // Société the organisation, the second Titre the job title, Catégories the tags, Anniversaire the
        // birthday (day first); the fax (Télécopie) is no phone, the "Nom complet…" beside an address no email.
        #expect(
            people.contains(
                "Hélène Lefèvre,recruiter,in-house,Cabinet Talentis,Chargée de recrutement,,Paris;Recruteurs,"
                    + "helene.lefevre@talentis.example;h.lefevre@perso.example,'+33 1 00 00 00 02;+33 6 00 00 00 01,no,,1984-05-02,"
            ), "\(people)")
        #expect(people.contains("Bastien Noël Garnier,,,Ateliers Verlaine,Ingénieur méthodes,"), "\(people)")
        #expect(people.contains("http://www.verlaine.example/bgarnier,,"), "\(people)")
        #expect(people.contains("contact@librairie-des-quais.example,"))
        #expect(try store.ok("import", "csv", fixture("outlook-fr.csv")).contains("people: 0 added, 0 updated"))
    }

    @Test("Thunderbird's address books (English, German in Windows-1252, tab-separated) come in through import csv")
    func thunderbird() throws {
        #expect(try store.ties(["init"]).status == 0)
        let files = ["thunderbird.csv", "thunderbird-de.csv", "thunderbird-tab.txt"].map(fixture)
        let out = try store.ties(["import", "csv"] + files)
        #expect(out.status == 0 && out.stdout.contains("people: 7 added"), "\(out.stdout)\(out.stderr)")
        let people = try store.ok("export", "people")
        #expect(people.contains("Jörg Weiß,,,Klinikum Süd,Personalreferent"), "\(people)")
        #expect(people.contains("Priya Ramaswamy,recruiter,search-firm,\"Northgate Search, LLC\""), "\(people)")
        #expect(people.contains("Siobhán Ní Bhriain,,,Quayside Health"), "\(people)")
        #expect(try store.ok("person", "show", "Jörg Weiß").contains("birthday:     29 February 1968"))
        let again = try store.ties(["import", "csv"] + files).stdout
        #expect(again.contains("people: 0 added, 0 updated, 7 already up to date"), "\(again)")
    }

    @Test("a vCard contact group comes in as a tag on its members, listed as left out, never as a person")
    func contactGroups() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "vcard", fixture("fastmail-groups.vcf"))
        #expect(out.contains("people: 2 added") && out.contains("3 records left out on purpose"), "\(out)")
        #expect(out.contains("fastmail-groups.vcf:21: a contact group \"Mentors\", not a person"), "\(out)")
        #expect(try store.ok("person", "list", "--tag", "Mentors").contains("Grace Hollis"))
        #expect(!(try store.ok("export", "people")).contains("Board"))
    }

    @Test("Apple's vCards in UTF-16 (big-endian, no byte order mark) come in as any vCard")
    func utf16Cards() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "vcard", fixture("apple-utf16.vcf"))
        #expect(out.contains("people: 2 added"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains("Ingrid Ødegård,recruiter,in-house,Fjordlys Sykehus"), "\(people)")
        #expect(people.contains("Kari Lunde,,,,,,,kari@lunde.example"), "\(people)")
    }

    @Test("Google's and Android's vCards: contacts saved with only an email come in named by it, nothing refused")
    func namelessCards() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "vcard", fixture("google.vcf"), fixture("android-2.1.vcf"))
        #expect(out.contains("people: 6 added"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains("quiet.reader@example.net,") && people.contains("front.desk@alderhotel.example,"))
        #expect(people.contains("Jörgen Öberg Lindqvist Åkesson Åström"))
    }

    @Test(
        "an address book's two cards with one name are two people, apart again on a re-import; a card saved twice is one"
    )
    func homonymCards() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "vcard", fixture("android-homonyms.vcf"))
        #expect(out.contains("people: 5 added, 0 updated, 3 already up to date"), "\(out)")
        let people = try store.ok("export", "people")
        // The number the card writes twice, two ways, is one phone.
        #expect(people.contains(",Kofi,,,,,,,,'+225 07 11 22 33,"), "\(people)")
        #expect(people.contains(",Kofi (2),,,,,,,,01 23 45 67,"), "\(people)")
        // A number with Android's pause after it is a number.
        #expect(people.contains(",Adjoa,,,,,,,,'+225 05 66 77 88;07889900p,"), "\(people)")
        #expect(!out.contains("left out"), "\(out)")
        let again = try store.ok("import", "vcard", fixture("android-homonyms.vcf"))
        #expect(again.contains("people: 0 added, 0 updated, 8 already up to date"), "\(again)")
        #expect(!again.contains("left out"), "\(again)")
        #expect(try store.ok("person", "duplicates").contains("Kofi (2)"))
        // A name one person bears, met in another file, is still that person.
        let other = store.dir.file("other.vcf")
        try Data("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Adjoa\r\nTITLE:Nurse\r\nEND:VCARD\r\n".utf8).write(to: other)
        #expect(try store.ok("import", "vcard", other.path).contains("people: 0 added, 1 updated"))
    }

    @Test("a fax number is not a phone: Outlook's, Apple's, Google's and Thunderbird's fax lines are left out")
    func faxNumbers() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "vcard", fixture("fax-numbers.vcf"))
        #expect(out.contains("people: 4 added"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains(",(111) 555-0140;(111) 555-0141,"), "\(people)")
        #expect(people.contains(",905-555-0123,"), "\(people)")
        #expect(people.contains(",5555550119,"), "\(people)")
        #expect(people.contains(",'+46-70-555-0102;+46-8-555-0100,"), "\(people)")
        #expect(!people.contains("555-0149") && !people.contains("0128") && !people.contains("0118"))
        #expect(!people.contains("555-0109"))
    }

    @Test("one number written two or three ways, on one card or on a contact's cards, is one phone")
    func oneNumberManyWays() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "vcard", fixture("google-takeout-2017.vcf"))
        #expect(out.contains("people: 4 added, 0 updated, 2 already up to date"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains(",Tobias Wren,,,,,,,tobias.wren@mail.example,(903) 555-0142,"), "\(people)")
        #expect(people.contains(",Nell Marsh,,,,,,,,'+1 903-555-0177,"), "\(people)")
        #expect(people.contains(",Ruth Calder,,,,,,,,1-903-555-0190;(903) 555-0191,"), "\(people)")
        let again = try store.ok("import", "vcard", fixture("google-takeout-2017.vcf"))
        #expect(again.contains("people: 0 added, 0 updated, 6 already up to date"), "\(again)")
    }

    @Test("cards that give one site's home page are not one person: the site is an organisation's, not a profile")
    func sharedWebsite() throws {
        #expect(try store.ties(["init"]).status == 0)
        let out = try store.ok("import", "vcard", fixture("shared-website.vcf"))
        #expect(out.contains("people: 5 added, 1 updated"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains("Lena Brandt,,,Kestrel Works,Buyer,,,,'+49 431 555 0101,"), "\(people)")
        #expect(people.contains("Emeka Okafor,,,Kestrel Works,Engineer,,,,'+49 431 555 0102,"), "\(people)")
        #expect(people.contains("Other field after address,"), "\(people)")
        // A page of one person's own still identifies them.
        #expect(!people.contains("R. Vale"), "\(people)")
        let again = try store.ok("import", "vcard", fixture("shared-website.vcf"))
        #expect(again.contains("people: 0 added, 0 updated, 6 already up to date"), "\(again)")
    }

    @Test("two cards giving LinkedIn's older profile/view?id= addresses of two members are two people")
    func olderLinkedInAddresses() throws {
        #expect(try store.ties(["init"]).status == 0)
        // Made-up people; the address form and its tracking parameters as public vCards and pages write it.
        let cards = store.dir.file("profile-view.vcf")
        try Data(
            ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ama Boateng\r\nN:Boateng;Ama;;;\r\n"
                + "URL:http://www.linkedin.com/profile/view?id=52220364&trk=nav_responsive_tab_profile\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kwesi Mensah\r\nN:Mensah;Kwesi;;;\r\n"
                + "URL:https://www.linkedin.com/profile/view?id=93515047\r\nEND:VCARD\r\n").utf8
        ).write(to: cards)
        let out = try store.ok("import", "vcard", cards.path)
        #expect(out.contains("people: 2 added"), "\(out)")
        let people = try store.ok("export", "people")
        #expect(people.contains("https://www.linkedin.com/profile/view?id=93515047"), "\(people)")
        #expect(try store.ok("import", "vcard", cards.path).contains("people: 0 added, 0 updated, 2 already"))
    }

    @Test(
        "every importer refuses a file of the wrong kind with exit 65, says what it looks like, and changes nothing",
        arguments: [
            ("vcard", "google.csv", "Google Contacts CSV"),
            ("vcard", "thunderbird-tab.txt", "a Thunderbird address book CSV file, which `ties import csv` reads"),
            ("vcard", "linkedin-2024/Connections.csv", "import linkedin"),
            ("ics", "google.csv", "import csv"), ("linkedin", "google.csv", "import csv"),
            ("linkedin", "../contacts.vcf", "import vcard"), ("csv", "../contacts.vcf", "import vcard"),
            ("csv", "../calendar.ics", "import ics"), ("ics", "../contacts.vcf", "import vcard"),
            (
                "vcard", "linkedin-2024.zip",
                "a zip archive (LinkedIn delivers its export as one), which `ties import linkedin` reads"
            ),
        ])
    func wrongFile(importer: String, file: String, hint: String) throws {
        #expect(try store.ties(["init"]).status == 0)
        let (result, unchanged) = try TiesBinary.runRefused(["import", importer, fixture(file)], store: store.db)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(hint), "\(result.stderr)")
        #expect(unchanged)
    }

    @Test("a zip or a folder without a CSV file, and a binary file given to import csv: exit 65, said plainly")
    func noCSVInside() throws {
        #expect(try TiesBinary.run(["init", "--db", store.db]).status == 0)
        let zip = store.dir.file("photos.zip").path
        let made = try TiesBinary.runShell(
            "cd \"\(store.dir.url.path)\" && printf 'not a csv' > photo.jpg && python3 -c \"import zipfile; z = zipfile.ZipFile('photos.zip', 'w'); z.write('photo.jpg'); z.close()\""
        )
        #expect(made.status == 0, "\(made.stderr)")
        let (zipped, unchangedByZip) = try TiesBinary.runRefused(["import", "linkedin", zip], store: store.db)
        #expect(zipped.status == 65 && unchangedByZip)
        #expect(zipped.stderr.contains("photos.zip: holds no CSV file"), "\(zipped.stderr)")
        let binary = store.dir.file("tool.bin")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x1B, 0x5B, 0x32, 0x4A, 0x0A]).write(to: binary)
        let (refused, unchanged) = try TiesBinary.runRefused(["import", "csv", binary.path], store: store.db)
        #expect(refused.status == 65 && unchanged)
        #expect(refused.stderr.contains("it looks like binary data"), "\(refused.stderr)")
        #expect(!refused.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
    }

    @Test("a file that is no export at all (plain text) is refused by every importer")
    func plainText() throws {
        #expect(try store.ties(["init"]).status == 0)
        let text = store.dir.file("hostname")
        try "vm-42\n".write(to: text, atomically: true, encoding: .utf8)
        for importer in ["vcard", "ics", "linkedin", "csv"] {
            let (result, unchanged) = try TiesBinary.runRefused(["import", importer, text.path], store: store.db)
            #expect(result.status == 65, "\(importer): \(result.stderr)")
            #expect(unchanged && !result.stdout.contains("Imported"))
        }
    }
}
