package org.rollwell.reports.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollwell.reports.Fixtures;
import org.rollwell.reports.SimulatedPerson;
import org.rollwell.reports.data.ReportData;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;

/**
 * The FHIR export against HAPI's instance validator with the R4 core profiles, offline: structure,
 * cardinality, invariants and the FHIR code systems are checked; LOINC codes cannot be looked up
 * without a terminology server, so an unknown-code-system message is a warning, never an error.
 */
class FhirExportTest {

    private static FhirValidator validator;

    @BeforeAll
    static void validator() {
        FhirContext ctx = FhirExport.context();
        UnknownCodeSystemWarningValidationSupport unknownLoinc = new UnknownCodeSystemWarningValidationSupport(ctx);
        unknownLoinc.setNonExistentCodeSystemSeverity(
                ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx),
                unknownLoinc);
        validator = ctx.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }

    private static List<SingleValidationMessage> errors(ValidationResult result) {
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    @Test
    void the_bundle_of_a_twelve_week_diary_passes_hapis_validator() {
        ReportData data = Fixtures.responder(SimulatedPerson.SCORING_SEEDS[2]);
        String json = new String(FhirExport.json(data), StandardCharsets.UTF_8);
        ValidationResult result = validator.validateWithResult(json);
        assertThat(errors(result)).isEmpty();
        // Left open, and only these: offline, LOINC cannot be looked up; and the PEG's unit is UCUM {score},
        // the example unit LOINC gives for 91147-9, which the validator flags as an annotation to check.
        assertThat(result.getMessages()).allSatisfy(m -> assertThat(m.getMessage()).satisfiesAnyOf(
                text -> assertThat(text).contains("CodeSystem is unknown and can't be validated: http://loinc.org"),
                text -> assertThat(text).contains("annotations like {score}")));
    }

    @Test
    void the_validator_refuses_a_broken_observation_so_the_check_above_can_fail() {
        Bundle bundle = FhirExport.bundle(Fixtures.responder(SimulatedPerson.TUNING_SEED));
        Observation first = (Observation) bundle.getEntry().get(1).getResource();
        first.setStatus(null); // Observation.status is 1..1
        assertThat(errors(validator.validateWithResult(bundle))).isNotEmpty();
    }

    @Test
    void every_nrs_is_loinc_72514_3_and_every_peg_carries_its_three_items() {
        ReportData data = Fixtures.responder(SimulatedPerson.TUNING_SEED);
        Bundle bundle = (Bundle) FhirExport.context().newJsonParser()
                .parseResource(new String(FhirExport.json(data), StandardCharsets.UTF_8));
        List<Observation> observations = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
        long nrs = data.diary().entries().stream().filter(e -> e instanceof DiaryEntry.Nrs).count();
        List<DiaryEntry.Peg> pegs = data.diary().pegs();
        assertThat(observations).hasSize((int) nrs + pegs.size());
        List<Observation> pain = observations.stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals(FhirExport.NRS_CODE)).toList();
        assertThat(pain).hasSize((int) nrs);
        assertThat(pain).allSatisfy(o -> {
            assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
            assertThat(((IntegerType) o.getValue()).getValue()).isBetween(0, 10);
        });
        long before = data.diary().entries().stream().filter(e -> e.kind() == EntryKind.NRS_BEFORE).count();
        assertThat(pain.stream().filter(o -> o.getMethod().getText().contains("before"))).hasSize((int) before);
        List<Observation> peg = observations.stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals(FhirExport.PEG_MEAN_CODE)).toList();
        assertThat(peg).hasSize(pegs.size());
        Observation firstPeg = peg.get(0);
        DiaryEntry.Peg entry = pegs.get(0);
        assertThat(firstPeg.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly(FhirExport.PEG_PAIN_CODE, FhirExport.PEG_ENJOYMENT_CODE, FhirExport.PEG_ACTIVITY_CODE);
        assertThat(firstPeg.getComponent()).extracting(c -> ((IntegerType) c.getValue()).getValue())
                .containsExactly(entry.pain(), entry.enjoyment(), entry.activity());
        assertThat(((Quantity) firstPeg.getValue()).getValue().doubleValue())
                .isCloseTo(entry.score(), org.assertj.core.data.Offset.offset(0.005));
        assertThat(firstPeg.getEffectiveDateTimeType().getValueAsString()).isEqualTo(entry.date().toString());
    }

    @Test
    void the_same_diary_gives_the_same_bundle() {
        ReportData data = Fixtures.nonResponder(SimulatedPerson.TUNING_SEED);
        assertThat(FhirExport.json(data)).isEqualTo(FhirExport.json(data));
    }
}
