import TiesCLI

await TiesCommand.main()
