import ChorusCore

/// What to say when a database has no survey of the id given: the one probably meant, or those
/// it has, since an id is typed from memory more often than copied.
enum UnknownSurvey {
    static func message(_ id: String, in path: String, has known: [String]) -> String {
        let start = "chorus: error: \(path) has no survey '\(id)'"
        if let meant = Survey.closest(to: id, in: known, within: 3) { return start + "; did you mean '\(meant)'?" }
        let advice = "its id as chorus status shows it, or the survey file"
        guard !known.isEmpty else { return start + "; give " + advice }
        return start + "; it has \(known.joined(separator: ", ")). Give " + advice
    }
}
