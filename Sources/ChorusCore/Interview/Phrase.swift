/// One of Chorus's own interface texts; the raw value is the key a survey uses to replace it
/// (`<phrase key="thanks" xml:lang="en">…</phrase>`).
///
/// Texts may hold `{name}` placeholders. Those named after another phrase (`{sms-word-back}`)
/// are filled with that phrase, so a survey that renames a reply word changes every text using it.
public enum Phrase: String, Sendable, Hashable, CaseIterable {
    // MARK: Consent and endings

    /// The button or reply that agrees to take part.
    case agree
    /// The button or reply that declines.
    case decline
    /// Said after declining; nothing is kept.
    case declined
    /// Said when the interview is complete.
    case thanks
    /// Said when an answer comes before the respondent has agreed or declined.
    case consentFirst = "consent-first"
    /// Said when an answer comes after the interview has ended.
    case finished

    // MARK: Labels

    /// Starts the survey from a welcome screen.
    case start
    /// Goes on from a note.
    case `continue`
    /// Returns to the previous question.
    case back
    /// Leaves an optional question unanswered.
    case skip
    /// The label of the yes answer.
    case yes
    /// The label of the no answer.
    case no
    /// Marks a question that may be skipped.
    case optional
    /// Where the respondent is; `{n}` and `{total}`.
    case progress
    /// The language's own name, to offer it in a list of languages.
    case languageName = "language-name"

    // MARK: Kiosk key legend

    /// The key that picks the highlighted option.
    case keyChoose = "key-choose"
    /// The keys that move between options.
    case keyMove = "key-move"
    /// The key that goes on.
    case keyNext = "key-next"
    /// The key that goes back.
    case keyBack = "key-back"
    /// The key that skips.
    case keySkip = "key-skip"
    /// The key that changes the language.
    case keyLanguage = "key-language"
    /// The key that takes back the last choice of a ranking.
    case keyUndo = "key-undo"
    /// The key that tries saving again.
    case keyRetry = "key-retry"
    /// The key that stops the survey, after asking, and erases the answers.
    case keyStop = "key-stop"

    // MARK: How to answer

    /// Under a single-choice question.
    case hintSingle = "hint-single"
    /// Under a multiple-choice question without a maximum.
    case hintMultiple = "hint-multiple"
    /// Under a multiple-choice question with a maximum; `{max}`.
    case hintMultipleMaximum = "hint-multiple-max"
    /// Under a rank question; `{picks}`.
    case hintRank = "hint-rank"
    /// Under a rank question once its picks are all made, which a further choice cannot join;
    /// `{picks}`.
    case hintRankFull = "hint-rank-full"
    /// Under a scale question; `{min}` and `{max}`.
    case hintScale = "hint-scale"
    /// Under a number question.
    case hintNumber = "hint-number"
    /// Under a free-text question.
    case hintText = "hint-text"

    // MARK: Kiosk screens

    /// Above the language list on the kiosk's welcome screen, shown in every language.
    case chooseLanguage = "choose-language"
    /// Asked after a while without a key.
    case stillThere = "still-there"
    /// Under it: any key goes on; `{seconds}` until the answers are erased.
    case idleCountdown = "idle-countdown"
    /// Asked when the respondent presses the stop key: stop, and erase the answers?
    case stopAsk = "stop-ask"
    /// Under it: which key stops and which goes on answering.
    case stopKeys = "stop-keys"
    /// When a completed response could not be saved; it is kept until it is.
    case saveFailed = "save-failed"
    /// When the window is too small for the kiosk's screens.
    case enlargeWindow = "enlarge-window"
    /// Asks for the organizer PIN, and tells anyone else how to go back.
    case pinPrompt = "pin-prompt"
    /// After a wrong PIN; `{seconds}` until the next try.
    case pinWrong = "pin-wrong"
    /// In the kiosk's plain mode, how to answer with one number.
    case plainNumber = "plain-number"
    /// In the kiosk's plain mode, how to answer with several numbers.
    case plainNumbers = "plain-numbers"
    /// In the kiosk's plain mode, how to answer a free-text question.
    case plainText = "plain-text"
    /// In the kiosk's plain mode, how to go on from a note.
    case plainContinue = "plain-continue"
    /// In the kiosk's plain mode, after a refusal, that what was typed is still on the line.
    case plainKept = "plain-kept"
    /// In the kiosk, instead of ``answerOrSkip``: the key that skips.
    case tabToSkip = "tab-to-skip"

    // MARK: Why an answer was not taken

    /// A required question was skipped or left empty.
    case required
    /// An optional question was left empty rather than skipped.
    case answerOrSkip = "answer-or-skip"
    /// The answer is not one of the options.
    case chooseOption = "choose-option"
    /// Too many options were chosen; `{max}`.
    case chooseAtMost = "choose-at-most"
    /// The same option was chosen twice.
    case chooseEachOnce = "choose-each-once"
    /// A ranking did not have the right number of options; `{picks}`.
    case rankPicks = "rank-picks"
    /// The answer is not a number.
    case enterNumber = "enter-number"
    /// The answer has a fraction where only whole numbers are taken.
    case wholeNumber = "whole-number"
    /// The number is out of range; `{min}` and `{max}`.
    case numberRange = "number-range"
    /// The number is below the only bound; `{min}`.
    case numberAtLeast = "number-at-least"
    /// The number is above the only bound; `{max}`.
    case numberAtMost = "number-at-most"
    /// The number has too many decimal places; `{max}`, and `{example}` (the number rounded).
    case tooManyDecimals = "too-many-decimals"
    /// The text is too long; `{max}` and `{count}`.
    case textTooLong = "text-too-long"
    /// The answer to a yes/no question was something else.
    case yesOrNo = "yes-or-no"
    /// The answer to a free-text question was something else.
    case typeAnswer = "type-answer"
    /// An answer was given on a note.
    case noteNoAnswer = "note-no-answer"

    // MARK: Text messages

    /// Asks for consent by text message.
    case smsConsent = "sms-consent"
    /// How to answer a single-choice question.
    case smsReplyOption = "sms-reply-option"
    /// How to answer a multiple-choice question.
    case smsReplyOptions = "sms-reply-options"
    /// How to answer a rank question; `{picks}`.
    case smsReplyRank = "sms-reply-rank"
    /// How to answer a scale question; `{min}` and `{max}`.
    case smsReplyScale = "sms-reply-scale"
    /// How to answer a number question.
    case smsReplyNumber = "sms-reply-number"
    /// How to answer a yes/no question.
    case smsReplyYesNo = "sms-reply-yes-no"
    /// How to answer a free-text question.
    case smsReplyText = "sms-reply-text"
    /// How to go on from a note.
    case smsReplyNote = "sms-reply-note"
    /// How to go back or skip, on an optional question.
    case smsBackOrSkip = "sms-back-or-skip"
    /// How to go back, on a required question.
    case smsBack = "sms-back"
    /// How to stop, said once at the start.
    case smsStop = "sms-stop"
    /// Confirms a stop.
    case smsStopped = "sms-stopped"
    /// A reply that could not be read.
    case smsNotUnderstood = "sms-not-understood"
    /// A second response from the same phone.
    case smsAlreadyAnswered = "sms-already-answered"
    /// Offers this language in a language menu; `{code}` is what to reply.
    case smsChooseLanguage = "sms-choose-language"
    /// Offers a survey when several are served; `{title}`, and `{keyword}` to reply. The title
    /// comes last, as it may be a question or end in any punctuation.
    case smsChooseSurvey = "sms-choose-survey"
    /// Answers HELP: what the messages are, that rates may apply, how to stop; `{title}`.
    case smsHelp = "sms-help"
    /// The reply word for yes (and for agreeing).
    case smsWordYes = "sms-word-yes"
    /// The reply word for no (and for declining).
    case smsWordNo = "sms-word-no"
    /// The reply word for going back.
    case smsWordBack = "sms-word-back"
    /// The reply word for skipping.
    case smsWordSkip = "sms-word-skip"
    /// The reply word for stopping.
    case smsWordStop = "sms-word-stop"
}
