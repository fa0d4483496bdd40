package org.rollwell.companion.workflow;

import java.util.List;
import org.rollwell.bed.scan.ScanRoutine;
import org.rollwell.therapy.scan.ScanAnalyser;
import org.rollwell.therapy.scan.ScanResult;
import org.rollwell.therapy.scan.ScanTrace;

/**
 * What a finished scan is worth: refused before it moved (nobody on the bed, the lift locked),
 * stopped on the way (a fault, a stop), rejected by the analyser, or a spine map to plan on.
 *
 * @param kind    how it ended
 * @param trace   the samples the scan took (the lift's feedforward reads the surface from them)
 * @param result  the analysis once the scan finished its pass, else null
 * @param why     the refusal, the routine's final state, or the analyser's first reason; empty when OK
 * @param finalState the routine's final state
 */
public record ScanVerdict(Kind kind, ScanTrace trace, ScanResult result, String why, ScanRoutine.State finalState) {

    /** How the scan ended. */
    public enum Kind { OK, REJECTED, REFUSED, STOPPED }

    /** The verdict on {@code routine}'s scan once it finished, the trace analysed when its pass was done. */
    public static ScanVerdict of(ScanRoutine routine) {
        ScanRoutine.State s = routine.state();
        if (!routine.refusal().isEmpty()) {
            return new ScanVerdict(Kind.REFUSED, routine.trace(), null, routine.refusal(), s);
        }
        if (s != ScanRoutine.State.DONE) {
            return new ScanVerdict(Kind.STOPPED, routine.trace(), null, "the scan stopped in state " + s, s);
        }
        ScanResult analysed = new ScanAnalyser().analyse(routine.trace());
        if (!analysed.ok()) {
            String why = analysed.reasons().isEmpty() ? "the scan could not be trusted" : analysed.reasons().get(0).message();
            return new ScanVerdict(Kind.REJECTED, routine.trace(), analysed, why, s);
        }
        return new ScanVerdict(Kind.OK, routine.trace(), analysed, "", s);
    }

    public boolean ok() {
        return kind == Kind.OK;
    }

    /** The analyser's reasons, empty unless REJECTED. */
    public List<org.rollwell.therapy.scan.ScanReason> reasons() {
        return result == null ? List.of() : result.reasons();
    }
}
