/// Where in a survey a problem is, independent of the file it was read from.
///
/// Checks in ChorusCore report these; a reader (ChorusXML) maps them back to a line and column.
public enum SurveyLocation: Sendable, Hashable {
    /// The survey element, or one of its attributes.
    case survey(attribute: String?)
    /// A survey-level text element (`title`, `intro`, `consent`, `closing`, `phrase`).
    case surveyText(element: String)
    /// The question at `index`, or one of its attributes.
    case question(index: Int, attribute: String?)
    /// A text element of the question at `index` (`prompt`, `hint`, `min-label`, `max-label`).
    case questionText(index: Int, element: String)
    /// An option of the question at `index`, or one of its attributes.
    case option(question: Int, option: Int, attribute: String?)
    /// A constraint of the question at `index`, or one of its attributes.
    case constraint(question: Int, constraint: Int, attribute: String?)
}
