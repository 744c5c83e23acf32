import Foundation
import Testing
import TiesTestSupport

#if canImport(Glibc)
    import Glibc

    /// `ties backup --encrypt` on a terminal: the passphrase is asked for twice, and what is typed is not echoed.
    @Suite("The passphrase prompt, on a pseudo-terminal")
    struct PassphrasePromptTests {
        let store = StoreUnderTest()

        /// Reads from `fd` until `token` has arrived (or the child closed the terminal, or 20 s passed).
        static func read(_ fd: Int32, until token: String?, into output: inout String) {
            let deadline = Date().addingTimeInterval(20)
            var buffer = [UInt8](repeating: 0, count: 1024)
            while Date() < deadline {
                if let token, output.contains(token) { return }
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 200) > 0 else { continue }
                let count = Glibc.read(fd, &buffer, buffer.count)
                guard count > 0 else { return }
                output += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }

        @Test("asked twice on a terminal, not echoed; the backup restores with that passphrase")
        func prompt() throws {
            try store.ok("init")
            try store.ok("person", "add", "Dana Reyes")
            var master: Int32 = 0
            var slave: Int32 = 0
            #expect(openpty(&master, &slave, nil, nil, nil) == 0)
            defer { close(master) }
            let backup = store.dir.file("b.tiesbak").path
            let process = Process()
            process.executableURL = TiesBinary.url
            process.arguments = ["backup", "--encrypt", backup, "--db", store.db]
            process.environment = ["TZ": "UTC", "HOME": store.dir.url.path, "PATH": "/usr/bin:/bin"]
            let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
            process.standardInput = terminal
            process.standardOutput = terminal
            process.standardError = terminal
            try process.run()
            try terminal.close()
            var output = ""
            Self.read(master, until: "Passphrase: ", into: &output)
            _ = "open sesame 42\n".withCString { write(master, $0, strlen($0)) }
            Self.read(master, until: "Again: ", into: &output)
            _ = "open sesame 42\n".withCString { write(master, $0, strlen($0)) }
            Self.read(master, until: nil, into: &output)
            // Never hang the suite: a child still waiting after the reads' deadlines is stopped (and fails).
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(output)")
            #expect(output.contains("(encrypted)"))
            #expect(!output.contains("open sesame"))
            let target = store.dir.file("restored.sqlite").path
            let restored = try TiesBinary.run(
                ["restore", backup, "--db", target], environment: ["TIES_PASSPHRASE": "open sesame 42"])
            #expect(restored.status == 0, "\(restored.stderr)")
        }
    }
#endif
