/// How many completed responses a survey version received through one channel, at one site, on
/// one day.
public struct ResponseCount: Sendable, Hashable {
    /// The survey answered.
    public var surveyID: String
    /// The version answered.
    public var surveyVersion: Int
    /// How the responses came in.
    public var channel: Channel
    /// Where, for a kiosk set up at a named site; `nil` otherwise.
    public var site: String?
    /// The day they were completed.
    public var day: Day
    /// How many there were.
    public var count: Int

    /// Creates a count.
    public init(surveyID: String, surveyVersion: Int, channel: Channel, site: String?, day: Day, count: Int) {
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.channel = channel
        self.site = site
        self.day = day
        self.count = count
    }
}
