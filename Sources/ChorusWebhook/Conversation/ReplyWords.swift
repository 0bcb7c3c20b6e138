import ChorusCore

/// The words a sender may reply with, in every language of the surveys served, compared as
/// ``SMSReply/keyword``s: a survey that renames a reply word (`sms-word-back`) is understood in its
/// own word, and English BACK, SKIP, YES and NO always work too.
struct ReplyWords {
    /// Opting out. The FCC's seven, Twilio's STOPALL and OPTOUT, the surveys' own stop words, a few
    /// Spanish and French ones, and a few plain requests such as "no more texts": a revocation in
    /// the conversation's language, or in other words a reasonable person would read as one,
    /// counts too.
    let stop: Set<String>
    /// Opting back in after a stop, or starting again after declining.
    let start: Set<String> = ["start", "unstop", "comenzar", "empezar", "iniciar"]
    /// Words that say their language without naming it: greetings, yes and start words, which
    /// start the conversation in it, and HELP and STOP words, which are answered in it.
    private let spoken: [String: String] = [
        "hola": "es", "si": "es", "claro": "es", "siclaro": "es", "siporfavor": "es", "comenzar": "es",
        "empezar": "es", "iniciar": "es", "ayuda": "es", "arret": "fr",
    ].merging(Self.spanishStop.map { ($0, "es") }) { first, _ in first }
    /// Opting out in Spanish: words carriers know, and whole messages that plainly ask it.
    private static let spanishStop: Set<String> = [
        "alto", "parar", "cancelar", "baja", "nomasmensajes", "noquieromasmensajes", "dejendeescribirme",
        "yanoquiero", "yanoquieromensajes", "noquieromas", "nomeescriban", "nomeescribanmas", "dejendeenviarme",
        "dejendeenviarmemensajes", "borrame", "eliminame", "sacame", "sacamedelalista", "denmedebaja",
        "darmedebaja", "quierodarmedebaja", "basta",
    ]
    /// Words said around a request to stop, which leave it one: "stop please", "alto por favor".
    private static let polite = ["please", "pls", "plz", "thanks", "thankyou", "porfavor", "gracias"]
    /// Asking what this is.
    let help: Set<String> = ["help", "info", "ayuda"]
    let yes: Set<String>
    let no: Set<String>
    let back: Set<String>
    let skip: Set<String>
    /// Whether `reply` opts out: a stop word or a plain request to stop, alone or with "please"
    /// or the like before or after it.
    func optsOut(_ reply: SMSReply) -> Bool {
        Self.unadorned(reply.keyword).contains { stop.contains($0) }
    }

    /// `keyword`, and `keyword` without a polite word at its start or end.
    private static func unadorned(_ keyword: String) -> [String] {
        guard !keyword.isEmpty else { return [] }
        // Every message is read here, and few have a polite word: one array, strings only for those.
        var forms = [keyword]
        for word in polite {
            if keyword.hasPrefix(word) { forms.append(String(keyword.dropFirst(word.count))) }
            if keyword.hasSuffix(word) { forms.append(String(keyword.dropLast(word.count))) }
        }
        return forms
    }

    /// Language tags by the names and codes a sender may use for them ("espanol", "spanish", "es").
    let languages: [String: String]
    /// Survey ids by their SMS keywords; the first survey's where two share one.
    let keywords: [String: String]

    init(surveys: [Survey]) {
        // A few whole messages that plainly ask to stop count too; a sentence that merely contains
        // "stop" does not, as it may be a free-text answer.
        var stop: Set<String> = Self.spanishStop.union([
            "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout",
            "stoptexting", "stoptextingme", "stopmessagingme", "nomoretexts", "nomoremessages", "arret",
            "unsubscribeme", "optmeout", "removeme", "removemefromyourlist", "removemefromthelist",
            "removemefromthislist", "takemeoff", "takemeoffyourlist", "takemeoffthelist", "donttextme",
            "donottextme", "dontmessageme", "donotmessageme", "dontcontactme", "donotcontactme", "stopsendingme",
            "stopsendingmetexts", "stopsendingmemessages", "stopsendingmessages", "stopmessages", "stoptexts",
            "leavemealone",
        ])
        // Only what clearly says yes, as it agrees to take part: not "ok", with which people also
        // acknowledge a goodbye after NO.
        var yes: Set<String> = ["yes", "y", "yeah", "yep", "yup", "yesplease", "claro", "siclaro", "siporfavor"]
        var no: Set<String> = ["no", "n", "nope", "nah", "nothanks", "nothankyou", "nogracias"]
        var back: Set<String> = ["back"]
        var skip: Set<String> = ["skip"]
        var languages: [String: String] = [:]
        var keywords: [String: String] = [:]
        for survey in surveys {
            if let keyword = survey.smsKeyword.map({ SMSReply($0).keyword }) {
                keywords[keyword] = keywords[keyword] ?? survey.id
            }
            let phrasebook = Phrasebook(survey: survey)
            for language in survey.languages {
                func word(_ phrase: Phrase) -> String { SMSReply(phrasebook.text(phrase, in: language)).keyword }
                stop.insert(word(.smsWordStop))
                yes.formUnion([word(.smsWordYes), word(.yes)])
                no.formUnion([word(.smsWordNo), word(.no)])
                back.formUnion([word(.smsWordBack), word(.back)])
                skip.formUnion([word(.smsWordSkip), word(.skip)])
                for name in [language, word(.languageName)] + (Self.otherNames[language] ?? []) {
                    languages[SMSReply(name).keyword] = languages[SMSReply(name).keyword] ?? language
                }
            }
        }
        self.stop = stop.subtracting([""])
        self.yes = yes.subtracting([""])
        self.no = no.subtracting([""])
        self.back = back.subtracting([""])
        self.skip = skip.subtracting([""])
        self.languages = languages.filter { !$0.key.isEmpty }
        self.keywords = keywords.filter { !$0.key.isEmpty }
    }

    /// What people call the built-in languages in the other one, beside each language's own name.
    private static let otherNames: [String: [String]] = [
        "en": ["english", "ingles", "inglés"],
        "es": ["spanish", "español", "castellano"],
    ]

    /// The language `reply` names, among `languages`.
    func language(named reply: SMSReply, among languages: [String]) -> String? {
        self.languages[reply.keyword].flatMap { languages.contains($0) ? $0 : nil }
    }

    /// The language a first message is in, among `languages`: the one it names, the one of a
    /// word such as "hola" or "ayuda", or the one of a greeting it opens with ("Hola, buenas
    /// tardes", "buenos días").
    func language(starting reply: SMSReply, among languages: [String]) -> String? {
        let spokenIn =
            Self.unadorned(reply.keyword).lazy.compactMap { spoken[$0] }.first
            ?? reply.tokens.first.flatMap { Self.greetings[$0] }
        return language(named: reply, among: languages) ?? spokenIn.flatMap { languages.contains($0) ? $0 : nil }
    }

    /// First words of a greeting that say their language, whatever follows them.
    private static let greetings = ["hola": "es", "buenas": "es", "buenos": "es", "saludos": "es"]
}
