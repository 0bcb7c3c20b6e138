import ChorusCore

extension SurveyBuilder {
    /// An element, or one attribute of it, that a ``SurveyLocation`` stands for.
    struct Anchor {
        var element: Int
        var attribute: String?
    }

    /// Where `location` was written in the tree last built, for placing the survey's own problems.
    ///
    /// Found by walking the tree again rather than recorded while building: a valid survey, the
    /// usual case, never asks, and recording every element's place took a tenth of a parse. An
    /// attribute the element lacks is left for ``SourceMap`` to fall back from, to the element.
    func anchor(for location: SurveyLocation) -> Anchor? {
        guard let root else { return nil }
        func question(_ index: Int) -> XMLElement? {
            questionElements.indices.contains(index) ? questionElements[index] : nil
        }
        func child(_ parent: XMLElement?, _ name: String, _ index: Int = 0) -> XMLElement? {
            guard let children = parent?.children(named: name), children.indices.contains(index) else { return nil }
            return children[index]
        }
        switch location {
        case .survey(let attribute):
            return Anchor(element: root.index, attribute: attribute)
        case .surveyText(let element):
            if element.hasPrefix("phrase:") {
                let key = element.dropFirst("phrase:".count)
                let phrase = root.children(named: "phrase").first { $0.attribute("key").map { $0 == key } ?? false }
                return phrase.map { Anchor(element: $0.index, attribute: "key") }
            }
            return child(root, element).map { Anchor(element: $0.index) }
        case .question(let index, let attribute):
            return question(index).map { Anchor(element: $0.index, attribute: attribute) }
        case .questionText(let index, let element):
            return (child(question(index), element) ?? question(index)).map { Anchor(element: $0.index) }
        case .option(let index, let option, let attribute):
            return child(question(index), "option", option).map { Anchor(element: $0.index, attribute: attribute) }
        case .constraint(let index, let constraint, let attribute):
            return child(question(index), "constraint", constraint).map {
                Anchor(element: $0.index, attribute: attribute)
            }
        }
    }
}
