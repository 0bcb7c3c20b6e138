/// Why the response store could not do what was asked, worded for the organizer who will read it.
///
/// Messages name paths, survey ids and versions, never a response, an answer or a site's responses:
/// respondent data stays out of errors, and so out of terminals and logs.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, so a caller can choose an exit status without reading the message.
    public enum Kind: Sendable, Hashable {
        /// A database that must already exist does not.
        case notFound
        /// The file exists but cannot be opened: permissions, a directory, a locked or unreadable file,
        /// or a key file open to other users or of the wrong size.
        case cannotOpen
        /// A new database or key file cannot be created.
        case cannotCreate
        /// The file is not a Chorus database, or one this version of Chorus cannot use.
        case notChorus
        /// Surveys, responses or text messages disagree with what the database already holds, or a
        /// value is not what the store accepts.
        case conflict
        /// The same database was named twice where two are needed.
        case sameDatabase
        /// Reading or writing the database failed, for example because the disk is full.
        case io
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The message, lowercase, naming the path or survey concerned.
    public let description: String

    init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func notFound(_ path: String) -> Self {
        Self(.notFound, "no database at \(path)")
    }

    static func cannotOpen(_ path: String, _ reason: String) -> Self {
        Self(.cannotOpen, "cannot open database at \(path): \(reason)")
    }

    /// SQLite's own words, "attempt to write a readonly database", name neither cause nor cure.
    static func readOnly(_ path: String) -> Self {
        Self(
            .cannotOpen,
            "cannot write to the database at \(path): it or its folder is read-only for this user; run chorus as "
                + "the user who owns it, or give --db a copy in a folder you can write")
    }

    static func cannotCreate(_ path: String, _ reason: String) -> Self {
        Self(.cannotCreate, "cannot create database at \(path): \(reason)")
    }

    static func notChorus(_ path: String) -> Self {
        Self(.notChorus, "\(path) is not a chorus database")
    }

    static func newerSchema(_ path: String) -> Self {
        Self(.notChorus, "\(path) was written by a newer version of chorus; update chorus to use it")
    }

    static func surveyChanged(id: String, version: Int, path: String, stored: String) -> Self {
        Self(
            .conflict,
            "survey '\(id)' version \(version) differs from the one in \(path) (content hash \(stored)); "
                + "give the changed survey a new version")
    }

    static func surveyDiffers(id: String, version: Int, source: String, stored: String, incoming: String) -> Self {
        Self(
            .conflict,
            "survey '\(id)' version \(version) in \(source) differs from this database's "
                + "(content hash \(incoming), here \(stored)); nothing was merged")
    }

    static func unregisteredSurvey(id: String, version: Int, path: String) -> Self {
        Self(.conflict, "survey '\(id)' version \(version) is not registered in \(path)")
    }

    static func alreadyCompleted(surveyID: String, path: String) -> Self {
        Self(.conflict, "survey '\(surveyID)' already has a response from this sender in \(path)")
    }

    static func alreadyProcessed(gateway: String, path: String) -> Self {
        Self(.conflict, "a message from gateway '\(gateway)' was already processed in \(path); its reply is stored")
    }

    static func unreadableConversation(_ path: String) -> Self {
        Self(.notChorus, "a conversation in \(path) cannot be read by this version of chorus")
    }

    /// The caller passed something else where a sender's pseudonym belongs; the value is left out
    /// of the message because it may well be a phone number.
    static let notPseudonym = Self(.conflict, "a sender must be a pseudonym from its sender key, never a phone number")

    static let notHour = Self(.conflict, "an expiry hour must be written YYYY-MM-DDTHH")

    static func keyFile(_ path: String, _ reason: String) -> Self {
        Self(.cannotOpen, "cannot use key file \(path): \(reason)")
    }

    static func cannotCreateKeyFile(_ path: String, _ reason: String) -> Self {
        Self(.cannotCreate, "cannot create key file \(path): \(reason)")
    }

    static func sameDatabase(_ path: String) -> Self {
        Self(.sameDatabase, "cannot merge \(path) into itself")
    }

    static func io(_ path: String, _ reason: String) -> Self {
        Self(.io, "cannot use database at \(path): \(reason)")
    }
}
