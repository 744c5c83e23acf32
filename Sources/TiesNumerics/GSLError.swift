internal import CGSL

/// A failure reported by the GNU Scientific Library, as a Swift error.
///
/// GSL aborts the process on error unless its error handler is turned off; TiesNumerics turns it off
/// once (see ``GSL/prepare()``) and turns every non-zero status into this error instead.
public struct GSLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The GSL status code (`GSL_EDOM`, `GSL_ERANGE`, ...).
    public let status: Int
    /// The GSL routine that failed.
    public let function: String

    public var description: String {
        let reason = gsl_strerror(Int32(status)).map { String(cString: $0) } ?? "unknown error"
        return "\(function) failed: \(reason) (GSL status \(status))"
    }

    /// Throws when `status` is not `GSL_SUCCESS`.
    static func check(_ status: Int32, _ function: String) throws(GSLError) {
        if status != GSL_SUCCESS { throw GSLError(status: Int(status), function: function) }
    }
}

/// Process-wide GSL set-up.
public enum GSL {
    private static let errorHandlerTurnedOff: Void = { _ = gsl_set_error_handler_off() }()

    /// Turns GSL's abort-on-error handler off. Idempotent and thread-safe; every TiesNumerics entry
    /// point calls it, so callers never need to.
    public static func prepare() { _ = errorHandlerTurnedOff }
}
