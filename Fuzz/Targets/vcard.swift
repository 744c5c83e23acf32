// Fuzz target: the vCard reader (2.1, 3.0, 4.0; UTF-8 or UTF-16, contact groups as tags) and the validation
// of each contact it gives.
import TiesCore
import TiesInterchange

func fuzz(_ bytes: [UInt8]) {
    // As the importer reads a file: UTF-16 (Apple's Address Book) as text first.
    let text = UTF16Text.utf8(bytes) ?? bytes
    for contact in VCardReader.read(text).records { _ = ContactValidation.person(contact.person) }
}
