import ChorusCore
import Foundation
import GRDB

/// A row of `answers`: one answer of one response, with its type kept (see Schema).
struct AnswerRecord: Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "answers"

    var responseID: String
    var questionID: String
    var answer: Answer

    init(responseID: String, questionID: String, answer: Answer) {
        self.responseID = responseID
        self.questionID = questionID
        self.answer = answer
    }

    init(row: Row) throws {
        responseID = row["response_id"]
        questionID = row["question_id"]
        let kind: String = row["kind"]
        switch kind {
        case "choice": answer = .choice(row["value"])
        case "choices":
            answer = .choices(try JSONDecoder().decode([String].self, from: Data((row["value"] as String).utf8)))
        case "number": answer = .number(row["value"])
        case "yes-no": answer = .yesNo(row["value"])
        case "text": answer = .text(row["value"])
        default: throw DatabaseError(message: "unknown answer kind '\(kind)'")
        }
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["response_id"] = responseID
        container["question_id"] = questionID
        switch answer {
        case .choice(let value):
            container["kind"] = "choice"
            container["value"] = value
        case .choices(let values):
            container["kind"] = "choices"
            container["value"] = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        case .number(let number):
            container["kind"] = "number"
            container["value"] = number
        case .yesNo(let yes):
            container["kind"] = "yes-no"
            container["value"] = yes
        case .text(let text):
            container["kind"] = "text"
            container["value"] = text
        }
    }
}
