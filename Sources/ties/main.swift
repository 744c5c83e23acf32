import TiesCLI

await TiesMain.main()
