package org.rollwell.therapy.scan;

/**
 * How the curve angles a scan measures on the surface of a back lying on the rollers
 * relate to the radiographic (Cobb) angles a clinician would quote (DOMAIN.md §3).
 *
 * <p>Skin angles are smaller than Cobb angles (standing: thoracic × {@value #THORACIC_SKIN_PER_COBB},
 * lumbar × {@value #LUMBAR_SKIN_PER_COBB}, the lumbar factor from SpinalMouse 17–30° against
 * Cobb 40–60°, Lang-Tapia et al. 2011), and lying supine on the rollers flattens both
 * (thoracic × {@value #SUPINE_FLATTENING_THORACIC}, lumbar × {@value #SUPINE_FLATTENING_LUMBAR}, choice):
 * surface kyphosis = 0.405 × Cobb, surface lordosis = 0.30 × Cobb. The twin's body model states the same relation
 * (org.rollwell.sim.body.SurfaceAngles; therapy may not import it, an app test checks the two agree).
 * Real people scatter around this line, so the Cobb estimate is a screening figure, not a radiograph.
 */
public final class SurfaceAngleRelation {

    public static final double THORACIC_SKIN_PER_COBB = 0.90;
    public static final double LUMBAR_SKIN_PER_COBB = 0.50;
    public static final double SUPINE_FLATTENING_THORACIC = 0.45;
    public static final double SUPINE_FLATTENING_LUMBAR = 0.60;

    private SurfaceAngleRelation() {
    }

    public static double cobbKyphosisDeg(double surfaceKyphosisDeg) {
        return surfaceKyphosisDeg / (THORACIC_SKIN_PER_COBB * SUPINE_FLATTENING_THORACIC);
    }

    public static double cobbLordosisDeg(double surfaceLordosisDeg) {
        return surfaceLordosisDeg / (LUMBAR_SKIN_PER_COBB * SUPINE_FLATTENING_LUMBAR);
    }
}
