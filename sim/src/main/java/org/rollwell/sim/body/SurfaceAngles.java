package org.rollwell.sim.body;

/**
 * The twin's stated relation between a spine's radiographic (Cobb) curve angles and the
 * angles of the back's SURFACE that a scan on the rollers can measure.
 *
 * <p>DOMAIN.md §3: angles on the skin are smaller than the Cobb angles (SpinalMouse,
 * standing: lumbar lordosis 17–30° against Cobb 40–60°, Lang-Tapia et al. 2011), and
 * lying supine on the rollers flattens both curves. The twin takes the relation as a
 * product of two factors, each a choice:
 * <ul>
 *   <li>skin vs radiograph, standing: thoracic × {@value #THORACIC_SKIN_PER_COBB}, lumbar ×
 *       {@value #LUMBAR_SKIN_PER_COBB} (≈ 23.5° surface / 50° Cobb, the midpoints above);</li>
 *   <li>supine on rollers vs standing: thoracic × {@value #SUPINE_FLATTENING_THORACIC}, lumbar ×
 *       {@value #SUPINE_FLATTENING_LUMBAR} (choice).</li>
 * </ul>
 * So surface kyphosis = 0.405 × Cobb kyphosis and surface lordosis = 0.30 × Cobb lordosis. The
 * flattening is strong because the back rests on a flat bed at the thoracic apex and the
 * sacrum, the body's weight pressing the thoracic curve flat; a stiffer curve would lift the
 * upper thorax or the lumbar spine beyond the rollers' 70 mm reach.
 * Real people scatter around such a line (correlations of 0.6–0.8 between surface and
 * radiographic angles are typical); the twin holds it exact so that the scan's error
 * measures the scan, not the scatter. The analyser in therapy restates the same numbers
 * (it may not import sim) and an app test checks that the two agree.
 */
public final class SurfaceAngles {

    public static final double THORACIC_SKIN_PER_COBB = 0.90;
    public static final double LUMBAR_SKIN_PER_COBB = 0.50;
    public static final double SUPINE_FLATTENING_THORACIC = 0.45;
    public static final double SUPINE_FLATTENING_LUMBAR = 0.60;

    private SurfaceAngles() {
    }

    /** Thoracic surface angle (T1–T12 tangents) on the rollers for a Cobb kyphosis. */
    public static double surfaceKyphosisDeg(double cobbKyphosisDeg) {
        return cobbKyphosisDeg * THORACIC_SKIN_PER_COBB * SUPINE_FLATTENING_THORACIC;
    }

    /** Lumbar surface angle (T12/L1 to L5/S1 tangents) on the rollers for a Cobb lordosis. */
    public static double surfaceLordosisDeg(double cobbLordosisDeg) {
        return cobbLordosisDeg * LUMBAR_SKIN_PER_COBB * SUPINE_FLATTENING_LUMBAR;
    }
}
