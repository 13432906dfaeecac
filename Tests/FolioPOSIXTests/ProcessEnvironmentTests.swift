import FolioPOSIX
import Testing

@Suite struct ProcessEnvironmentTests {
    @Test func oneVariableAgreesWithTheSnapshot() {
        let snapshot = ProcessEnvironment.current()
        #expect(snapshot["PATH"] != nil)
        #expect(ProcessEnvironment.value("PATH") == snapshot["PATH"])
        #expect(ProcessEnvironment.value("FOLIO_SURELY_UNSET_\(UInt32.random(in: 0...UInt32.max))") == nil)
    }
}
