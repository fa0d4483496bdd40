package org.rollwell.reports.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.rollwell.reports.data.ReportData;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;

/**
 * The pain scores of a diary as a FHIR R4 {@code Bundle} (type {@code collection}) of one
 * {@code Patient} (birth year only) and its {@code Observation}s, built with HAPI FHIR's R4
 * structures:
 * <ul>
 *   <li>every NRS (daily, before and after a session) as LOINC 72514-3 "Pain severity - 0-10
 *       verbal numeric rating [Score] - Reported", {@code valueInteger}; before and after carry
 *       it in {@code method.text};</li>
 *   <li>every PEG as LOINC 91147-9 "Mean score [PEG]" ({@code valueQuantity}, UCUM {@code {score}})
 *       with its three items as components: 75893-8 average pain in the past week, 91145-3
 *       interference with enjoyment of life, 91146-1 interference with general activity
 *       (the LOINC PEG panel 91148-7; Krebs et al. 2009).</li>
 * </ul>
 * PGIC and comfort feedback stay in the CSV export: LOINC has no code for them that we could cite.
 * Ids are name-based UUIDs of the entries, so the same diary gives the same bundle.
 */
public final class FhirExport {

    public static final String LOINC = "http://loinc.org";
    public static final String NRS_CODE = "72514-3";
    public static final String PEG_MEAN_CODE = "91147-9";
    public static final String PEG_PANEL_CODE = "91148-7";
    public static final String PEG_PAIN_CODE = "75893-8";
    public static final String PEG_ENJOYMENT_CODE = "91145-3";
    public static final String PEG_ACTIVITY_CODE = "91146-1";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String UCUM = "http://unitsofmeasure.org";

    /** One context for the process: building it reads every R4 structure definition (seconds, once). */
    private static volatile FhirContext context;

    private FhirExport() {
    }

    /** HAPI's R4 context, made on first use. */
    public static FhirContext context() {
        FhirContext c = context;
        if (c == null) {
            synchronized (FhirExport.class) {
                c = context;
                if (c == null) {
                    c = FhirContext.forR4();
                    context = c;
                }
            }
        }
        return c;
    }

    /** The bundle of {@code data}'s diary. */
    public static Bundle bundle(ReportData data) {
        Bundle bundle = new Bundle();
        bundle.setId(uuid("bundle", data.asOf().toString(), 0));
        bundle.setType(Bundle.BundleType.COLLECTION);
        Patient patient = new Patient();
        String patientUrl = "urn:uuid:" + uuid("patient", "", 0);
        patient.setBirthDateElement(new DateType(Integer.toString(data.profile().birthYear())));
        patient.setText(narrative("A person keeping a Rollwell pain diary, born " + data.profile().birthYear() + "."));
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient);
        int index = 0;
        for (DiaryEntry e : data.diary().entries()) {
            Observation o = null;
            if (e instanceof DiaryEntry.Nrs n) {
                o = nrs(n);
            } else if (e instanceof DiaryEntry.Peg p) {
                o = peg(p);
            }
            if (o == null) {
                continue;
            }
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.addCategory(new CodeableConcept(new Coding(CATEGORY, "survey", "Survey")));
            o.setSubject(new Reference(patientUrl));
            o.addPerformer(new Reference(patientUrl)); // self-reported: the person rated their own pain
            o.setEffective(new DateTimeType(e.date().toString()));
            bundle.addEntry().setFullUrl("urn:uuid:" + uuid(e.kind().name(), e.date().toString(), index++)).setResource(o);
        }
        return bundle;
    }

    /** The bundle as pretty-printed FHIR JSON, UTF-8. */
    public static byte[] json(ReportData data) {
        return json(bundle(data));
    }

    /** {@code bundle} as pretty-printed FHIR JSON, UTF-8. */
    public static byte[] json(Bundle bundle) {
        return context().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Observation nrs(DiaryEntry.Nrs n) {
        Observation o = new Observation();
        CodeableConcept code = new CodeableConcept(new Coding(LOINC, NRS_CODE,
                "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
        code.setText("Pain now, 0-10 numeric rating scale");
        o.setCode(code);
        o.setValue(new IntegerType(n.nrs()));
        o.setText(narrative("Pain " + n.nrs() + "/10 (" + n.kind() + ") on " + n.date() + "."));
        if (n.kind() == EntryKind.NRS_BEFORE) {
            o.setMethod(new CodeableConcept().setText("rated just before a massage session"));
        } else if (n.kind() == EntryKind.NRS_AFTER) {
            o.setMethod(new CodeableConcept().setText("rated just after a massage session"));
        } else {
            o.setMethod(new CodeableConcept().setText("daily rating"));
        }
        return o;
    }

    private static Observation peg(DiaryEntry.Peg p) {
        Observation o = new Observation();
        CodeableConcept code = new CodeableConcept(new Coding(LOINC, PEG_MEAN_CODE, "Mean score [PEG]"));
        code.setText("PEG score: mean of pain, enjoyment of life and general activity, 0-10 (Krebs et al. 2009)");
        o.setCode(code);
        o.setValue(new Quantity().setValue(Math.round(p.score() * 100) / 100.0).setUnit("score")
                .setSystem(UCUM).setCode("{score}"));
        o.setText(narrative(String.format(java.util.Locale.ROOT, "PEG %.2f (pain %d, enjoyment %d, activity %d) on %s.",
                p.score(), p.pain(), p.enjoyment(), p.activity(), p.date())));
        o.addComponent(item(PEG_PAIN_CODE, "Average pain in the past week, 0-10", p.pain()));
        o.addComponent(item(PEG_ENJOYMENT_CODE, "How much pain interfered with enjoyment of life in the past week, 0-10",
                p.enjoyment()));
        o.addComponent(item(PEG_ACTIVITY_CODE, "How much pain interfered with general activity in the past week, 0-10",
                p.activity()));
        return o;
    }

    private static Observation.ObservationComponentComponent item(String loinc, String text, int value) {
        CodeableConcept code = new CodeableConcept(new Coding().setSystem(LOINC).setCode(loinc));
        code.setText(text);
        return new Observation.ObservationComponentComponent(code).setValue(new IntegerType(value));
    }

    /** A generated human-readable summary (FHIR dom-6 asks every resource for one). */
    private static Narrative narrative(String text) {
        Narrative n = new Narrative();
        n.setStatus(Narrative.NarrativeStatus.GENERATED);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + text + "</div>");
        return n;
    }

    private static String uuid(String kind, String date, int index) {
        return UUID.nameUUIDFromBytes(("rollwell:" + kind + ":" + date + ":" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
