package org.rollwell.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module walls of DESIGN.md: app -> server, reports, companion, bed, sim, therapy; server -> companion, store,
 * therapy; companion -> bed, therapy (never sim, store, server or app);
 * store -> therapy and bed's lock interface; reports -> therapy; sim -> bed (BedIo only); bed -> therapy;
 * therapy -> nothing of ours; nothing below the store, the server or the reports reads them.
 */
class ModuleWallsTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                // Any test output folder (target/test-classes, or target-<suffix>/test-classes in side-by-side builds).
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.rollwell");
    }

    private static final ArchRule THERAPY_IS_PURE = noClasses().that().resideInAPackage("org.rollwell.therapy..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.rollwell.bed..", "org.rollwell.sim..", "org.rollwell.app..", "org.rollwell.reports..")
            .because("the therapy domain is pure and knows no bed, twin, report or app (DESIGN.md)");

    @Test
    void therapy_depends_on_nothing_of_ours() {
        THERAPY_IS_PURE.check(production);
    }

    @Test
    void the_wall_rule_catches_a_therapy_class_that_reaches_into_bed() {
        // A test-only class in a therapy package that uses a bed type: the rule must refuse it,
        // or the wall above proves nothing.
        JavaClasses offender = new ClassFileImporter().importClasses(
                org.rollwell.therapy.wallcheck.ReachesIntoBed.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> THERAPY_IS_PURE.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.rollwell.bed.io.BedSpec");
    }

    @Test
    void therapy_does_no_io_beyond_parsing() {
        ArchRule rule = noClasses().that().resideInAPackage("org.rollwell.therapy..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..")
                .because("therapy is pure: callers hand it text or values, it opens no files or sockets");
        rule.check(production);
    }

    /** Fronts such as reports sit above the runtime (DESIGN.md); nothing below them may reach up. */
    private static final ArchRule NOTHING_BELOW_SEES_REPORTS = noClasses().that()
            .resideInAnyPackage("org.rollwell.therapy..", "org.rollwell.bed..", "org.rollwell.sim..")
            .should().dependOnClassesThat().resideInAPackage("org.rollwell.reports..")
            .because("reports is a front: therapy, bed and sim must not depend on it (DESIGN.md)");

    @Test
    void therapy_bed_and_sim_do_not_depend_on_reports() {
        NOTHING_BELOW_SEES_REPORTS.check(production);
    }

    @Test
    void the_wall_rule_catches_a_bed_class_that_reaches_into_reports() {
        JavaClasses offender = new ClassFileImporter().importClasses(
                org.rollwell.bed.wallcheck.ReachesIntoReports.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NOTHING_BELOW_SEES_REPORTS.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.rollwell.reports.data.ReportData");
    }

    @Test
    void reports_depends_only_on_therapy() {
        ArchRule rule = noClasses().that().resideInAPackage("org.rollwell.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.app..", "org.rollwell.bed..",
                        "org.rollwell.sim..")
                .because("reports turns domain objects into files; the CLI wires it, never the other way (DESIGN.md)");
        rule.check(production);
    }

    @Test
    void bed_depends_only_on_therapy() {
        ArchRule rule = noClasses().that().resideInAPackage("org.rollwell.bed..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.sim..", "org.rollwell.app..")
                .because("the runtime drives any BedIo and must not know the twin or the app");
        rule.check(production);
    }

    @Test
    void sim_sees_only_the_hardware_boundary() {
        ArchRule rule = noClasses().that().resideInAPackage("org.rollwell.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.app..", "org.rollwell.therapy..")
                .orShould().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "bed classes outside org.rollwell.bed.io and org.rollwell.bed.time",
                                (com.tngtech.archunit.core.domain.JavaClass c) ->
                                        c.getPackageName().startsWith("org.rollwell.bed")
                                                && !c.getPackageName().equals("org.rollwell.bed.io")
                                                && !c.getPackageName().equals("org.rollwell.bed.time")))
                .because("the twin stands in for hardware: it implements BedIo and nothing more (DESIGN.md)");
        rule.check(production);
    }

    @Test
    void bed_and_therapy_never_see_the_twin_truth() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.rollwell.bed..", "org.rollwell.therapy..")
                .should().dependOnClassesThat().resideInAPackage("org.rollwell.sim..")
                .because("the simulator's ground truth must never reach control or therapy");
        rule.check(production);
    }

    private static final ArchRule NOTHING_BELOW_READS_THE_STORE = noClasses()
            .that().resideInAnyPackage("org.rollwell.therapy..", "org.rollwell.bed..", "org.rollwell.sim..")
            .should().dependOnClassesThat().resideInAPackage("org.rollwell.store..")
            .because("storage sits above the domain, the runtime and the twin: they are handed their data, and the bed"
                    + " keeps its locks behind its own LockStore interface (DESIGN.md)");

    /** The only bed types the store may use: the lock interface it implements and what a lock state holds. */
    private static final java.util.Set<String> LOCK_INTERFACE = java.util.Set.of(
            "org.rollwell.bed.safety.LockStore", "org.rollwell.bed.safety.LockStoreException",
            "org.rollwell.bed.safety.LockState", "org.rollwell.bed.safety.Lock", "org.rollwell.bed.safety.Lock$Target",
            "org.rollwell.bed.safety.LockReset", "org.rollwell.bed.safety.FaultCode");

    @Test
    void therapy_bed_and_sim_never_depend_on_the_store() {
        NOTHING_BELOW_READS_THE_STORE.check(production);
    }

    @Test
    void the_store_wall_catches_a_bed_class_that_reaches_into_the_store() {
        JavaClasses offender = new ClassFileImporter().importClasses(
                org.rollwell.bed.wallcheck.ReachesIntoStore.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NOTHING_BELOW_READS_THE_STORE.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.rollwell.store.Database");
    }

    @Test
    void the_store_sees_therapy_and_only_the_beds_lock_interface() {
        ArchRule rule = noClasses().that().resideInAPackage("org.rollwell.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.sim..", "org.rollwell.app..")
                .orShould().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "bed classes other than the lock interface",
                                (com.tngtech.archunit.core.domain.JavaClass c) ->
                                        c.getPackageName().startsWith("org.rollwell.bed")
                                                && !LOCK_INTERFACE.contains(c.getName())))
                .because("the store keeps data; it drives no bed and knows no twin (DESIGN.md)");
        rule.check(production);
    }

    private static final ArchRule SERVER_SEES_STORE_AND_THERAPY = noClasses().that().resideInAPackage("org.rollwell.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.sim..", "org.rollwell.app..")
            .because("the server serves the store and the domain; the twin and the CLI sit beside or above it (DESIGN.md)");

    @Test
    void the_server_never_depends_on_the_twin_or_the_app() {
        SERVER_SEES_STORE_AND_THERAPY.check(production);
    }

    /** The workflow works over any BedIo: it never sees the twin (its truth must not reach it), the store, a front or the app. */
    private static final ArchRule COMPANION_SEES_BED_AND_THERAPY = noClasses().that().resideInAPackage("org.rollwell.companion..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.sim..", "org.rollwell.store..",
                    "org.rollwell.server..", "org.rollwell.app..", "org.rollwell.reports..")
            .because("the companion drives any BedIo and is handed its data; the twin's truth never reaches it (DESIGN.md)");

    @Test
    void the_companion_depends_only_on_bed_and_therapy() {
        COMPANION_SEES_BED_AND_THERAPY.check(production);
    }

    @Test
    void the_companion_wall_catches_a_companion_class_that_reaches_into_the_twin() {
        JavaClasses offender = new ClassFileImporter().importClasses(
                org.rollwell.companion.wallcheck.ReachesIntoTheTwin.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> COMPANION_SEES_BED_AND_THERAPY.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.rollwell.sim.SimulatedBed");
    }

    /**
     * One workflow for every bed (issue 11 item 2): only the companion's workflow builds a scan or a session on a
     * bed, so the CLI's simulation and the server's bed service run the same path (the bed's own classes aside).
     */
    private static final ArchRule ONLY_THE_WORKFLOW_BUILDS_SCANS_AND_SESSIONS = noClasses().that()
            .resideOutsideOfPackages("org.rollwell.companion.workflow..", "org.rollwell.bed..")
            .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a constructor of ScanRoutine or SessionRunner",
                    (com.tngtech.archunit.core.domain.JavaConstructorCall call) -> java.util.Set.of(
                            "org.rollwell.bed.scan.ScanRoutine", "org.rollwell.bed.session.SessionRunner")
                            .contains(call.getTargetOwner().getName())))
            .because("simulate, campaign and the server run every scan and session through"
                    + " org.rollwell.companion.workflow.SessionWorkflow (issue 11)");

    @Test
    void only_the_companion_workflow_builds_a_scan_or_a_session() {
        ONLY_THE_WORKFLOW_BUILDS_SCANS_AND_SESSIONS.check(production);
    }

    @Test
    void the_workflow_rule_catches_an_app_class_that_runs_its_own_session() {
        JavaClasses offender = new ClassFileImporter().importClasses(
                org.rollwell.app.wallcheck.RunsItsOwnSession.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ONLY_THE_WORKFLOW_BUILDS_SCANS_AND_SESSIONS.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.rollwell.bed.session.SessionRunner");
    }

    @Test
    void simulate_and_the_server_go_through_the_same_workflow() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().haveFullyQualifiedName(
                        "org.rollwell.app.scenario.ScenarioRunner")
                .or().haveFullyQualifiedName("org.rollwell.app.simulate.Simulation")
                .or().haveFullyQualifiedName("org.rollwell.companion.BedService")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.rollwell.companion.workflow.SessionWorkflow")
                .because("the CLI's simulate and the server's bed service share one workflow (issue 11 item 2)")
                .check(production);
        noClasses().that().resideInAPackage("org.rollwell.app.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.bed.session..", "org.rollwell.bed.scan..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.rollwell.therapy.scan.ScanAnalyser")
                .because("scenarios scan, analyse and run through the workflow, not the bed's routines")
                .check(production);
    }

    @Test
    void nothing_below_the_companion_reads_it() {
        noClasses().that().resideInAnyPackage("org.rollwell.therapy..", "org.rollwell.bed..", "org.rollwell.sim..",
                        "org.rollwell.store..")
                .should().dependOnClassesThat().resideInAPackage("org.rollwell.companion..")
                .because("the companion sits above the runtime, the twin and the store (DESIGN.md)")
                .check(production);
    }

    @Test
    void nothing_below_the_server_reads_it() {
        noClasses().that().resideInAnyPackage("org.rollwell.therapy..", "org.rollwell.bed..", "org.rollwell.sim..",
                        "org.rollwell.store..", "org.rollwell.companion..")
                .should().dependOnClassesThat().resideInAPackage("org.rollwell.server..")
                .because("the server is the top of the stack below the CLI (DESIGN.md)")
                .check(production);
    }

    @Test
    void the_mqtt_link_sees_no_twin_store_or_other_front() {
        noClasses().that().resideInAPackage("org.rollwell.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.sim..", "org.rollwell.app..",
                        "org.rollwell.store..", "org.rollwell.server..", "org.rollwell.reports..")
                .because("MQTT is a front: it reports what the bed's own sensors say and relays stop and pause;"
                        + " the CLI wires it to the bed (DESIGN.md)")
                .check(production);
    }

    @Test
    void nothing_below_the_fronts_reads_the_mqtt_link() {
        noClasses().that().resideInAnyPackage("org.rollwell.therapy..", "org.rollwell.bed..", "org.rollwell.sim..",
                        "org.rollwell.store..", "org.rollwell.server..", "org.rollwell.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.mqtt..", "org.rollwell.hub..")
                .because("the bed works the same with or without a broker (DESIGN.md)")
                .check(production);
    }

    @Test
    void the_hub_reads_only_what_beds_publish() {
        noClasses().that().resideInAPackage("org.rollwell.hub..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rollwell.sim..", "org.rollwell.app..",
                        "org.rollwell.bed..", "org.rollwell.store..", "org.rollwell.server..", "org.rollwell.therapy..")
                .because("the clinic hub stores what the beds send over MQTT and keeps its own schema (DESIGN.md)")
                .check(production);
    }
}
