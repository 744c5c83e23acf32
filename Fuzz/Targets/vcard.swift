// Fuzz target: the vCard reader (2.1, 3.0, 4.0) and the validation of each contact it gives.
import TiesCore
import TiesInterchange

func fuzz(_ bytes: [UInt8]) {
    for contact in VCardReader.read(bytes).records { _ = ContactValidation.person(contact.person) }
}
