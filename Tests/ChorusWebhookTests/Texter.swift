import ChorusCore
import ChorusStore

@testable import ChorusWebhook

/// A scripted sender texting the pure conversation, with the store's effects applied to its
/// state as ChorusDatabase applies them, so a test reads as a chat.
struct Texter {
    let conversation: SMSConversation
    var state = SMSSnapshot()
    var today = 20_000
    /// Responses completed so far.
    var saved: [Response] = []
    /// The last turn, to look at what it changes.
    var last: SMSTurn?

    init(_ surveys: [Survey] = [WebhookSample.survey]) {
        conversation = SMSConversation(surveys: surveys)
    }

    /// Sends `text` and returns the replies, joined by a blank line; "" when nothing is sent.
    @discardableResult
    mutating func send(_ text: String) -> String {
        let turn = conversation.respond(to: text, state, today: today)
        last = turn
        state.conversations[turn.surveyID] = turn.interview
        if let abandoned = turn.abandoned { state.conversations[abandoned] = nil }
        if let response = turn.completed {
            saved.append(response)
            state.completed.insert(turn.surveyID)
            state.conversations[turn.surveyID] = nil
        }
        if let optOut = turn.optOut {
            state.isOptedOut = optOut
            if optOut { state.conversations = [:] }
        }
        state.menuLanguage = turn.menuLanguage
        return turn.messages.joined(separator: "\n\n")
    }

    /// Sends each text in turn, returning the last replies.
    @discardableResult
    mutating func send(_ texts: [String]) -> String {
        var reply = ""
        for text in texts { reply = send(text) }
        return reply
    }

    /// The id of the question the sender is on, if a conversation is in progress.
    var onQuestion: String? {
        for survey in conversation.surveys {
            guard let interview = state.conversations[survey.id] else { continue }
            if case .question(let question) = InterviewEngine(survey: survey, today: today).step(interview) {
                return question.id
            }
        }
        return nil
    }
}
