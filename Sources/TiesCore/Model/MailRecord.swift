import Foundation

/// One email between the user and others, as the mail import hands it to the store: addresses, date,
/// direction and thread only — never a body, and a subject only when the user asked to keep subjects.
public struct MailRecord: Sendable, Equatable {
    /// Someone on the other side of a message: a normalised address and the name the message gives.
    public struct Counterpart: Sendable, Equatable {
        public var address: String
        public var name: String?

        public init(address: String, name: String? = nil) {
            self.address = address
            self.name = name
        }
    }

    /// A digest of the Message-ID (32 hex digits): the source id, the same in every label and copy.
    public var digest: String
    /// A digest of the thread (X-GM-THRID, else the References root).
    public var thread: String
    public var occurredAt: Date
    /// True for a message the user wrote (outbound with each counterpart), false for one they received.
    public var fromMe: Bool
    /// The recipients of the user's message, or the sender of a received one.
    public var counterparts: [Counterpart]
    /// How many people the message went to.
    public var groupSize: Int
    public var subject: String?
    /// Where the message is, for messages listed back to the user.
    public var file: String
    public var offset: Int

    public init(
        digest: String, thread: String, occurredAt: Date, fromMe: Bool, counterparts: [Counterpart], groupSize: Int,
        subject: String? = nil, file: String, offset: Int
    ) {
        self.digest = digest
        self.thread = thread
        self.occurredAt = occurredAt
        self.fromMe = fromMe
        self.counterparts = counterparts
        self.groupSize = groupSize
        self.subject = subject
        self.file = file
        self.offset = offset
    }
}
