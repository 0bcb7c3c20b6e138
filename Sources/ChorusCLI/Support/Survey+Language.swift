import ChorusCore

extension Survey {
    /// The survey's own tag for the language `--lang` asks for, matched without regard to case as
    /// BCP 47 tags are (`ES` is `es`); without `--lang`, the survey's first. Refused with usage's
    /// status when the survey has no such language.
    func language(asked: String?) throws -> String {
        guard let asked else { return languages[0] }
        if let own = languages.first(where: { $0.lowercased() == asked.lowercased() }) { return own }
        StandardError.write(
            "chorus: error: survey '\(id)' has no '\(asked)'; it has \(languages.joined(separator: ", "))")
        throw ExitStatus.usage
    }
}
