import Foundation
import Glibc
import Testing

@testable import ChorusStore

/// The key file and the pseudonyms made with it (privacy rules 1 and 5).
@Suite struct SenderKeyTests {
    static let formats = ["+1 (555) 010-2030", "+15550102030", "0015550102030", "+1.555.010.2030", "15550102030"]

    @Test func firstLoadCreatesAnOwnerOnlyFileOf32RandomBytes() throws {
        let path = try StoreFixtures.folder().appendingPathComponent("sender.key").path

        _ = try SenderKey.loadOrCreate(at: path)

        var info = stat()
        try #require(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let bytes = try StoreFixtures.bytes(path)
        #expect(bytes.count == 32)
        #expect(Set(bytes).count > 8, "the key looks far from random")
    }

    @Test func secondLoadReusesTheKey() throws {
        let path = try StoreFixtures.folder().appendingPathComponent("sender.key").path
        let first = try SenderKey.loadOrCreate(at: path)
        let bytes = try StoreFixtures.bytes(path)

        let second = try SenderKey.loadOrCreate(at: path)

        #expect(try StoreFixtures.bytes(path) == bytes)
        #expect(second.pseudonym(forE164: "+15550102030") == first.pseudonym(forE164: "+15550102030"))
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o620, 0o660])
    func keyOpenToOtherUsersIsRefusedAndKept(mode: Int) throws {
        let path = try StoreFixtures.folder().appendingPathComponent("sender.key").path
        _ = try SenderKey.loadOrCreate(at: path)
        let bytes = try StoreFixtures.bytes(path)
        try #require(chmod(path, mode_t(mode)) == 0)

        let error = try #require(throws: StoreError.self) { try SenderKey.loadOrCreate(at: path) }

        #expect(error.kind == .cannotOpen)
        #expect(
            error.description
                == "cannot use key file \(path): its mode \(String(mode, radix: 8)) lets other users at it; it must be 600"
        )
        #expect(try StoreFixtures.bytes(path) == bytes)
    }

    @Test(arguments: [0, 31, 33, 64])
    func keyOfTheWrongSizeIsRefusedAndKept(size: Int) throws {
        let path = try StoreFixtures.folder().appendingPathComponent("sender.key").path
        let bytes = [UInt8](repeating: 0x5a, count: size)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try #require(chmod(path, 0o600) == 0)

        let error = try #require(throws: StoreError.self) { try SenderKey.loadOrCreate(at: path) }

        #expect(error.kind == .cannotOpen)
        #expect(error.description == "cannot use key file \(path): it holds \(size) bytes, not 32")
        #expect(try StoreFixtures.bytes(path) == bytes)
    }

    @Test func keyInAMissingFolderCannotBeCreated() throws {
        let path = try StoreFixtures.folder().appendingPathComponent("no/such/sender.key").path
        let error = try #require(throws: StoreError.self) { try SenderKey.loadOrCreate(at: path) }
        #expect(error.kind == .cannotCreate)
        #expect(error.description == "cannot create key file \(path): no such file or directory")
    }

    @Test func pseudonymIsTheSameForEverySpellingOfANumber() {
        let key = SenderKey(bytes: Array(repeating: 7, count: 32))
        let pseudonyms = Set(Self.formats.map(key.pseudonym(forE164:)))
        #expect(pseudonyms.count == 1)
        let pseudonym = key.pseudonym(forE164: "+15550102030")
        #expect(SenderKey.isPseudonym(pseudonym))
        #expect(key.pseudonym(forE164: "+15550102031") != pseudonym)
    }

    @Test func pseudonymIsHMACSHA256OfTheE164Number() {
        // From `printf '+15550102030' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0707…07`.
        let key = SenderKey(bytes: Array(repeating: 7, count: 32))
        #expect(
            key.pseudonym(forE164: "+1 (555) 010-2030")
                == "7eb76f7d3c8efd289102a84ae9ef684316b90ed44f130792570249206d3a0b65")
    }

    @Test func differentKeysGiveDifferentPseudonyms() throws {
        let first = try SenderKey.loadOrCreate(at: try StoreFixtures.folder().appendingPathComponent("a.key").path)
        let second = try SenderKey.loadOrCreate(at: try StoreFixtures.folder().appendingPathComponent("b.key").path)
        #expect(first.pseudonym(forE164: "+15550102030") != second.pseudonym(forE164: "+15550102030"))
    }

    @Test func descriptionShowsNoKey() {
        #expect("\(SenderKey(bytes: Array(repeating: 7, count: 32)))" == "SenderKey(redacted)")
    }

    @Test(arguments: [
        ("+1 (555) 010-2030", "+15550102030"),
        ("+15550102030", "+15550102030"),
        ("0015550102030", "+15550102030"),
        ("00 1 555 010 2030", "+15550102030"),
        ("15550102030", "+15550102030"),
        (" +44 20 7946 0958 ", "+442079460958"),
        ("+34.612.345.678", "+34612345678"),
        ("+52\t55 1234 5678", "+525512345678"),
        ("+12345678", "+12345678"),
        ("+123456789012345", "+123456789012345"),
    ])
    func numbersNormalizeToE164(raw: String, normalized: String) {
        #expect(SenderKey.normalizeE164(raw) == normalized)
    }

    @Test(arguments: [
        "", "+", "00", "+1234567", "+1234567890123456", "0015550", "+1 555 CALL NOW", "+1 555 010 2030 ext 4",
        "07700 900123", "+07700900123", "++15550102030", "+1+5550102030", "+1-555-010-2030#", "+1/555/010/2030",
        "１５５５０１０２０３０", "+1٥٥٥0102030", "+1\u{301}5550102030", "Vodafone",
    ])
    func anythingButANumberIsRejected(raw: String) {
        #expect(SenderKey.normalizeE164(raw) == nil)
    }
}
