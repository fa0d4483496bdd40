package org.rollwell.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.sim.body.SurfaceAngles;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.scan.SurfaceAngleRelation;

/**
 * The twin and the analyser state the Cobb-to-surface relation (DOMAIN.md §3) each on its own
 * side of the module wall; they must state the same one, or the scan would read angles the
 * twin never meant.
 */
class SurfaceRelationAgreementTest {

    @Test
    void the_analyser_inverts_exactly_the_relation_the_twin_builds_backs_with() {
        for (double cobb = 10; cobb <= 80; cobb += 5) {
            assertThat(SurfaceAngleRelation.cobbKyphosisDeg(SurfaceAngles.surfaceKyphosisDeg(cobb)))
                    .isCloseTo(cobb, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(SurfaceAngleRelation.cobbLordosisDeg(SurfaceAngles.surfaceLordosisDeg(cobb)))
                    .isCloseTo(cobb, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void surface_angles_are_smaller_than_cobb_angles() {
        assertThat(SurfaceAngles.surfaceKyphosisDeg(40)).isLessThan(40);
        assertThat(SurfaceAngles.surfaceLordosisDeg(50)).isLessThan(50);
    }

    @Test
    void the_twin_lays_out_spines_with_the_planners_normative_proportions() throws Exception {
        // sim restates SpineMap's constants (it may not import therapy); compare them here.
        Class<?> layout = Class.forName("org.rollwell.sim.body.SpineLayout");
        assertThat(constant(layout, "VERTEX_TO_C7_PER_HEIGHT")).isEqualTo(SpineMap.VERTEX_TO_C7_PER_HEIGHT);
        assertThat(constant(layout, "THORACIC_PER_HEIGHT")).isEqualTo(SpineMap.THORACIC_PER_HEIGHT);
        assertThat(constant(layout, "LUMBAR_PER_HEIGHT")).isEqualTo(SpineMap.LUMBAR_PER_HEIGHT);
        assertThat(constant(layout, "SACRUM_PER_HEIGHT")).isEqualTo(SpineMap.SACRUM_PER_HEIGHT);
        assertThat(constant(layout, "HOME_FROM_HEAD_END_MM")).isEqualTo(SpineMap.HOME_FROM_HEAD_END_MM);
    }

    private static double constant(Class<?> type, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.getDouble(null);
    }
}
