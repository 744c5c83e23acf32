import ArgumentParser

public struct TiesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "ties")
    public init() {}
}
