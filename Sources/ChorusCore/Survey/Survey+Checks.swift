extension Survey {
    /// Everything wrong with the survey's logic that its structure cannot show: references to
    /// unknown, later or answerless questions, options that do not exist, and conditions that can
    /// never hold.
    ///
    /// Pure and file-independent, so any reader (the XML format today, XForms later) shares it.
    ///
    /// - Parameter unbuilt: Ids of questions the reader found but could not build, having reported
    ///   why; references to them are not reported as unknown on top.
    /// - Returns: Each problem, with the part of the survey it is about.
    public func problems(ignoringReferencesTo unbuilt: Set<String> = []) -> [SurveyProblem] {
        var problems: [SurveyProblem] = []
        let indexByID = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, question) in questions.enumerated() {
            if let showIf = question.showIf {
                let location = SurveyLocation.question(index: index, attribute: "show-if")
                let before = problems.count
                problems += unsupported(in: showIf, attribute: "show-if", at: location)
                problems += references(in: showIf, of: index, at: location, indexByID: indexByID, unbuilt: unbuilt)
                if let offset = showIf.currentValueOffset {
                    problems.append(
                        SurveyProblem(
                            location, offset: offset,
                            "show-if cannot use '.': it stands for the answer being checked, which only constraints have"
                        ))
                }
                if showIf.isConstant, (try? showIf.isTrue(in: EvaluationContext(answers: [:], today: 0))) == false {
                    problems.append(
                        SurveyProblem(location, "show-if is always false, so '\(question.id)' would never be asked"))
                } else if problems.count == before, let message = neverShown(showIf, on: question, indexByID: indexByID)
                {
                    // Only a show-if with nothing else wrong: a wrong option alone would never hold.
                    problems.append(SurveyProblem(location, message))
                }
            }
            for (number, constraint) in question.constraints.enumerated() {
                let location = SurveyLocation.constraint(question: index, constraint: number, attribute: "test")
                problems += unsupported(in: constraint.test, attribute: "test", at: location)
                problems += references(
                    in: constraint.test, of: index, at: location, indexByID: indexByID, unbuilt: unbuilt)
                if let message = neverHolds(constraint.test, on: question) {
                    problems.append(SurveyProblem(location, message))
                }
            }
        }
        return problems + phraseProblems()
    }

    /// Reported as the parser's errors are, after the attribute, since they too are about how it is written.
    private func unsupported(in expression: Expression, attribute: String, at location: SurveyLocation)
        -> [SurveyProblem]
    {
        expression.unsupportedInSurvey.map {
            SurveyProblem(location, offset: $0.offset, "in \(attribute): \($0.message)")
        }
    }

    private func references(
        in expression: Expression, of index: Int, at location: SurveyLocation, indexByID: [String: Int],
        unbuilt: Set<String>
    ) -> [SurveyProblem] {
        let name = questions[index].id
        let attribute = if case .constraint = location { "constraint" } else { "show-if" }
        var problems: [SurveyProblem] = []
        for id in expression.referencedQuestionIDs {
            guard let target = indexByID[id] else {
                if !unbuilt.contains(id) {
                    let meant = Self.closest(to: id, in: questions.lazy.map(\.id), within: 2).map {
                        "; did you mean '\($0)'?"
                    }
                    problems.append(
                        SurveyProblem(
                            location, "\(attribute) of '\(name)' refers to unknown question '\(id)'\(meant ?? "")"))
                }
                continue
            }
            if target == index {
                let advice = attribute == "constraint" ? "; use '.' for the answer being checked" : ""
                problems.append(SurveyProblem(location, "\(attribute) of '\(name)' refers to '\(id)' itself\(advice)"))
            } else if target > index {
                problems.append(
                    SurveyProblem(
                        location,
                        "\(attribute) of '\(name)' refers to '\(id)', which comes later; "
                            + "a question can depend only on earlier answers"))
            } else if questions[target].kind == .note {
                problems.append(
                    SurveyProblem(location, "\(attribute) of '\(name)' refers to note '\(id)', which has no answer"))
            }
        }
        for bare in expression.bareTextConditions {
            let always = bare.literal.isEmpty ? "false" : "true"
            let advice = bare.comparedQuestion.map { "; to compare, write \($0) = '\(bare.literal)'" } ?? ""
            problems.append(
                SurveyProblem(
                    location, offset: bare.offset,
                    "'\(bare.literal)' on its own is always \(always), so it does not compare anything\(advice)"))
        }
        for reference in expression.optionReferences {
            guard let target = indexByID[reference.questionID] else { continue }
            let kind = questions[target].kind
            let values: [String] =
                switch kind {
                case .yesNo: ["yes", "no"]
                case .single, .multiple, .rank: kind.options.map(\.value)
                default: []
                }
            // Comparing with '' asks whether the question was answered, which is always meaningful.
            guard !values.isEmpty, !reference.value.isEmpty, !values.contains(reference.value) else { continue }
            let list = values.map { "'\($0)'" }.joined(separator: ", ")
            problems.append(
                SurveyProblem(
                    location, offset: reference.offset,
                    "'\(reference.value)' is not an option of '\(reference.questionID)' (its options are \(list))"))
        }
        return problems
    }
}
