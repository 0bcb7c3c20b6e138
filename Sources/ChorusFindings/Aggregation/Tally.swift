import ChorusCore
import ChorusStore

/// Counts everything a release publishes in one pass over the responses, with memory fixed by
/// the survey's shape, never by the number of responses.
///
/// A response's answers are held in fixed buffers until the next response starts, because a
/// breakdown needs the response's quasi-identifier answers, which may come after the answer
/// being broken down.
struct Tally: ResponseScanVisitor {
    let slots: [QuestionSlot]
    let groupings: [Grouping]
    /// For each slot, the groupings it is broken down by.
    let breakdowns: [[Int]]

    private(set) var respondents = 0
    private(set) var byChannel = [0, 0]
    /// One per site, then one for no site.
    private(set) var bySite: [Int]
    /// One per survey language, then one for any other.
    private(set) var byLanguage: [Int]
    private(set) var answered: [Int]
    /// Per slot, per category value.
    private(set) var counts: [[Int]]
    /// Per rank slot, `value * picks + position`; empty for other slots.
    private(set) var positions: [[Int]]
    /// Per rank slot, how many ranked at least `position + 1` options.
    private(set) var reached: [[Int]]
    /// Per slot, per breakdown, `group * (values + 1) + value`, the last value being "answered".
    private(set) var breakdownCounts: [[[Int]]]
    private(set) var freeTextAnswers = 0
    private(set) var firstMonth = Int.max
    private(set) var lastMonth = Int.min
    /// Per slot, answers that do not fit the question (a value that is not an option, say).
    private(set) var mismatches: [Int]

    // The response being read.
    private var pending = false
    private var channel = 0
    private var site = 0
    private var language = 0
    /// Per slot: the category index of a one-value answer, 0 for an answered number or text; -1 unanswered.
    private var one: [Int]
    /// Per slot: the chosen option indexes of a multiple or rank answer, best first.
    private var chosen: [[Int]]
    private var groupIndex: [Int]
    private var scratch: [UInt8] = []

    init(slots: [QuestionSlot], groupings: [Grouping], sites: Int, languages: Int) {
        self.slots = slots
        self.groupings = groupings
        breakdowns = slots.indices.map { slotIndex in
            groupings.indices.filter { Self.breaks(slotIndex, by: groupings[$0], slots: slots) }
        }
        bySite = Array(repeating: 0, count: sites + 1)
        byLanguage = Array(repeating: 0, count: languages + 1)
        answered = Array(repeating: 0, count: slots.count)
        counts = slots.map { Array(repeating: 0, count: $0.values.count) }
        positions = slots.map { slot in
            guard case .ranked(let picks) = slot.shape else { return [] }
            return Array(repeating: 0, count: slot.values.count * picks)
        }
        reached = slots.map { slot in
            guard case .ranked(let picks) = slot.shape else { return [] }
            return Array(repeating: 0, count: picks)
        }
        breakdownCounts = zip(slots, breakdowns).map { slot, groupingIndexes in
            groupingIndexes.map { Array(repeating: 0, count: groupings[$0].size * (slot.values.count + 1)) }
        }
        mismatches = Array(repeating: 0, count: slots.count)
        one = Array(repeating: -1, count: slots.count)
        chosen = slots.map { _ in [] }
        groupIndex = Array(repeating: 0, count: groupings.count)
    }

    /// Whether a slot's question is broken down by a grouping: every counted question but free
    /// text, by every grouping but its own answer; two quasi-identifiers are crossed once, the
    /// earlier question by the later one.
    static func breaks(_ slotIndex: Int, by grouping: Grouping, slots: [QuestionSlot]) -> Bool {
        guard slots[slotIndex].shape != .text else { return false }
        guard case .question(let groupSlot) = grouping.source else { return true }
        if groupSlot == slotIndex { return false }
        let slot = slots[slotIndex]
        return !(slot.question.isQuasiIdentifier && slot.shape == .one && groupSlot < slotIndex)
    }

    mutating func beginResponse(channel: Channel, site: Int?, language: Int?, month: Int) {
        if pending { flush() }
        pending = true
        self.channel = channel == .kiosk ? 0 : 1
        self.site = site ?? bySite.count - 1
        self.language = language ?? byLanguage.count - 1
        firstMonth = min(firstMonth, month)
        lastMonth = max(lastMonth, month)
    }

    mutating func visit(_ answer: ScannedAnswer) {
        let index = answer.question
        let slot = slots[index]
        switch (slot.shape, answer.kind) {
        case (.one, .choice):
            one[index] = slot.index(ofOption: answer.bytes) ?? -1
        case (.one, .yesNo):
            one[index] = answer.number != 0 ? 0 : 1
        case (.one, .number):
            one[index] = slot.index(ofNumber: answer.number) ?? -1
        case (.answeredOnly, .number):
            one[index] = 0
            return
        case (.text, .text):
            one[index] = answer.bytes.isEmpty ? -1 : 0
            return
        case (.several, .choices), (.ranked, .choices):
            var values = chosen[index]
            chosen[index] = []
            values.removeAll(keepingCapacity: true)
            var fits = true
            let read = ChoiceList.forEach(in: answer.bytes, scratch: &scratch) { bytes in
                guard let option = slot.index(ofOption: bytes), !values.contains(option) else {
                    fits = false
                    return
                }
                values.append(option)
            }
            if case .ranked(let picks) = slot.shape, values.count > picks { fits = false }
            if case .several(let maximum?) = slot.shape, values.count > maximum { fits = false }
            guard read, fits, !values.isEmpty else {
                values.removeAll(keepingCapacity: true)
                chosen[index] = values
                mismatches[index] += 1
                return
            }
            chosen[index] = values
            return
        default:
            mismatches[index] += 1
            return
        }
        if one[index] < 0 { mismatches[index] += 1 }
    }

    /// Counts the last response; call once after the scan.
    mutating func finish() {
        if pending { flush() }
        pending = false
    }

    private mutating func flush() {
        respondents += 1
        byChannel[channel] += 1
        bySite[site] += 1
        byLanguage[language] += 1
        for (grouping, definition) in groupings.enumerated() {
            switch definition.source {
            case .question(let slot): groupIndex[grouping] = one[slot] >= 0 ? one[slot] : definition.size - 1
            case .channel: groupIndex[grouping] = channel
            case .site: groupIndex[grouping] = site
            }
        }
        for index in slots.indices {
            switch slots[index].shape {
            case .one, .answeredOnly:
                let value = one[index]
                guard value >= 0 else { continue }
                answered[index] += 1
                if slots[index].shape == .one { counts[index][value] += 1 }
                countBreakdowns(index, values: CollectionOfOne(value), hasValues: slots[index].shape == .one)
            case .text:
                if one[index] >= 0 { freeTextAnswers += 1 }
            case .several, .ranked:
                let values = chosen[index]
                guard !values.isEmpty else { continue }
                answered[index] += 1
                for (position, value) in values.enumerated() {
                    counts[index][value] += 1
                    if case .ranked(let picks) = slots[index].shape {
                        positions[index][value * picks + position] += 1
                        reached[index][position] += 1
                    }
                }
                countBreakdowns(index, values: values, hasValues: true)
                chosen[index].removeAll(keepingCapacity: true)
            }
            one[index] = -1
        }
        for index in slots.indices { one[index] = -1 }
    }

    private mutating func countBreakdowns(_ index: Int, values: some Collection<Int>, hasValues: Bool) {
        let width = slots[index].values.count + 1
        for (position, grouping) in breakdowns[index].enumerated() {
            let row = groupIndex[grouping] * width
            breakdownCounts[index][position][row + width - 1] += 1
            guard hasValues else { continue }
            for value in values { breakdownCounts[index][position][row + value] += 1 }
        }
    }
}
