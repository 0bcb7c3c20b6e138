import ChorusCore

/// Ranks the options of a rank or multiple-choice question from published counts only.
struct PriorityRanking {
    /// What a ranking reads for one option, every count as published.
    struct Standing {
        let value: String
        let label: LocalizedText
        /// Position counts, first place first (rank questions); empty for multiple choice.
        let positions: [PublishedCount]
        let named: PublishedCount
    }

    let questionID: String
    let title: LocalizedText
    let method: PriorityMethod
    let topN: Int
    let ballots: PublishedCount
    let standings: [Standing]
    let sourceTableID: String
    let smallGroup: Int

    var result: PriorityResult {
        struct Scored {
            let index: Int
            let score: Int
            let named: Int?
            let first: Int?
        }
        var scored: [Scored] = []
        for (index, standing) in standings.enumerated() {
            guard let score = score(standing) else { continue }
            scored.append(
                Scored(index: index, score: score, named: standing.named.value, first: standing.positions.first?.value))
        }
        // Higher is better; an unpublished tie-breaker cannot break a tie.
        func better(_ a: Scored, _ b: Scored) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if let x = a.named, let y = b.named, x != y { return x > y }
            if let x = a.first, let y = b.first, x != y, method != .approval { return x > y }
            return false
        }
        scored.sort { better($0, $1) || (!better($1, $0) && $0.index < $1.index) }
        var options: [PriorityOption] = []
        let named = scored.filter { $0.score > 0 }
        for entry in named {
            let place = 1 + scored.filter { better($0, entry) }.count
            options.append(option(standings[entry.index], place: place, score: entry.score))
        }
        for (index, standing) in standings.enumerated() where !scored.contains(where: { $0.index == index }) {
            options.append(option(standing, place: nil, score: nil))
        }
        // An option no one named comes after every other, withheld ones too: those may have been
        // named. Placed among the published only, it could read as a first priority.
        let last = 1 + standings.count - (scored.count - named.count)
        for entry in scored where entry.score == 0 {
            options.append(option(standings[entry.index], place: last, score: 0))
        }
        var ties: [PriorityTie] = []
        var start = 0
        while start < scored.count {
            var end = start + 1
            while end < scored.count, scored[end].score == scored[start].score { end += 1 }
            let group = Array(scored[start..<end])
            if group.count > 1 {
                let resolution: PriorityTie.Resolution
                if Self.allDistinct(group.map(\.named)) {
                    resolution = .named
                } else if method != .approval,
                    Self.allDistinct(
                        group.map { entry in entry.named.flatMap { n in entry.first.map { "\(n)/\($0)" } } })
                {
                    resolution = .firstChoices
                } else {
                    resolution = .unresolved
                }
                ties.append(
                    PriorityTie(
                        values: group.map { standings[$0.index].value }, score: group[0].score, resolution: resolution))
            }
            start = end
        }
        return PriorityResult(
            questionID: questionID, title: title, method: method, topN: topN, ballots: ballots, options: options,
            ties: ties, sourceTableID: sourceTableID)
    }

    private static func allDistinct<T: Hashable>(_ values: [T?]) -> Bool {
        let present = values.compactMap { $0 }
        return present.count == values.count && Set(present).count == present.count
    }

    /// Borda points or approvals, when every count they are made of is published.
    private func score(_ standing: Standing) -> Int? {
        switch method {
        case .approval:
            return standing.named.value
        case .borda(let picks):
            var total = 0
            for (position, count) in standing.positions.enumerated() {
                guard let count = count.value else { return nil }
                total += (picks - position) * count
            }
            return total
        }
    }

    private func option(_ standing: Standing, place: Int?, score: Int?) -> PriorityOption {
        var share: PublishedShare?
        if let named = standing.named.value, let ballots = ballots.value {
            share = PublishedShare(count: named, total: ballots, smallGroup: smallGroup)
        }
        return PriorityOption(
            value: standing.value, label: standing.label, place: place, score: score,
            firstChoices: standing.positions.first, named: standing.named, topShare: share)
    }
}
