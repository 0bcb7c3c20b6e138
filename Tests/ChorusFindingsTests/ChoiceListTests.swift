import Testing

@testable import ChorusFindings

/// Reading stored choices arrays from raw bytes.
@Suite struct ChoiceListTests {
    static func read(_ json: String) -> [String]? {
        var scratch: [UInt8] = []
        var values: [String] = []
        let bytes = Array(json.utf8)
        let ok = bytes.withUnsafeBytes { buffer in
            ChoiceList.forEach(in: buffer, scratch: &scratch) { values.append(String(decoding: $0, as: UTF8.self)) }
        }
        return ok ? values : nil
    }

    @Test func readsValuesInOrder() {
        #expect(Self.read(#"["traffic","lighting"]"#) == ["traffic", "lighting"])
        #expect(Self.read(#"[ "a" , "b" ]"#) == ["a", "b"])
        #expect(Self.read("[]") == [])
    }

    @Test func decodesEscapesAsTheStoreWritesThem() {
        #expect(
            Self.read(#"["a\/b","say \"hi\"","back\\slash","caf\u00e9","\ud83d\ude00"]"#) == [
                "a/b", #"say "hi""#, #"back\slash"#, "café", "😀",
            ])
    }

    @Test func refusesWhatIsNotAnArrayOfStrings() {
        for text in [#"{"a":1}"#, #"["a""#, #"["a",]"#, "[1]", #"["\x"]"#, ""] {
            #expect(Self.read(text) == nil, "\(text)")
        }
    }
}
