import Foundation

/// A secret from the environment: the variable itself, or the file that `VARIABLE_FILE` names, as
/// container and service managers hand secrets over. Never from the command line, where other
/// users of the machine could read it.
enum Secret {
    /// The secret for `variable`, without the line break a file usually ends with; `nil` when
    /// neither is set or the value is empty.
    ///
    /// - Throws: ``ExitStatus/usage`` when both are set, ``ExitStatus/noInput`` when the file cannot
    ///   be read, after saying so on standard error without the secret.
    static func read(_ variable: String, from environment: [String: String]) throws -> String? {
        let fileVariable = variable + "_FILE"
        let path = environment[fileVariable].flatMap { $0.isEmpty ? nil : $0 }
        let value = environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        guard let path else { return value }
        guard value == nil else {
            StandardError.write("chorus: error: set \(variable) or \(fileVariable), not both")
            throw ExitStatus.usage
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            StandardError.write("chorus: error: cannot read \(path), named by \(fileVariable)")
            throw ExitStatus.noInput
        }
        let secret = text.trimmingCharacters(in: .newlines)
        return secret.isEmpty ? nil : secret
    }
}
