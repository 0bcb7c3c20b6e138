extension SMSSnapshot {
    /// The snapshot as ``ChorusDatabase/smsSnapshot(gateway:messageID:sender:surveys:)`` would read
    /// it for the sender's next message once `change` is applied, for a server that keeps its
    /// senders' state in memory instead of reading it again.
    ///
    /// It follows ``ChorusDatabase/applySMS(_:)`` rule for rule: an opt-out deletes every
    /// conversation and the menu's language, a completion deletes its survey's conversation, and
    /// `nil` deletes the conversation, as an abandoned survey's is.
    public func applying(_ change: SMSChange) -> SMSSnapshot {
        var next = self
        next.processedReply = nil
        if change.completed != nil { next.completed.insert(change.surveyID) }
        if change.optOut == true {
            next.conversations = [:]
        } else {
            next.conversations[change.surveyID] = change.completed == nil ? change.interview : nil
            if let abandoned = change.abandonedSurveyID { next.conversations[abandoned] = nil }
        }
        if let optOut = change.optOut { next.isOptedOut = optOut }
        if let language = change.menuLanguage {
            next.menuLanguage = language
        } else if change.forgetsMenu || change.optOut == true {
            next.menuLanguage = nil
        }
        return next
    }
}
