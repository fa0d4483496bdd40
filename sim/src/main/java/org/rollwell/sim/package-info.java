/**
 * The digital twin of a thermal roller bed (issue 4 item 7): {@link org.rollwell.sim.SimulatedBed}
 * implements the bed's hardware boundary so that every session and every fault can run on any
 * computer, faster than real time, and be checked against ground truth the runtime never sees.
 *
 * <h2>Time</h2>
 * The twin advances to the injected ticker's time on every read, write or
 * {@link org.rollwell.sim.SimulatedBed#advanceTo advanceTo}: carriage, lift and force in 2 ms
 * steps, heaters and skin in 10 ms steps (resting skin bands swept every 100 ms), all aligned
 * to the twin's start and integrated exactly or with stable explicit steps. A fault scheduled
 * between steps splits the step, so it strikes at its instant.
 *
 * <h2>Model and parameters (DOMAIN.md §2 for the bed's own figures; the rest are stated choices)</h2>
 * <table>
 * <caption>Parameters</caption>
 * <tr><th>part</th><th>value</th><th>source</th></tr>
 * <tr><td>carriage speed, acceleration</td><td>≤ 80 mm/s, ≤ 300 mm/s² (from BedSpec)</td><td>DOMAIN.md §2</td></tr>
 * <tr><td>carriage drive</td><td>first-order speed loop τ 15 ms, thrust ≤ 60 N, dynamic braking 0.25 N/(mm/s) when disabled</td><td>choice</td></tr>
 * <tr><td>carriage mass, friction</td><td>15 kg; Coulomb 8 N, viscous 0.02 N/(mm/s); rolling 0.05 × roller force</td><td>choice</td></tr>
 * <tr><td>switches, hard stops</td><td>home at ≤ 0, limit at ≥ travel (950 mm); stops 5 mm beyond</td><td>DOMAIN.md §2; overtravel choice</td></tr>
 * <tr><td>encoder, lift sensor</td><td>0.1 mm counts</td><td>DOMAIN.md §2</td></tr>
 * <tr><td>lift</td><td>0–70 mm, ≤ 10 mm/s, lag τ 50 ms, holds when disabled, stalls at 800 N</td><td>DOMAIN.md §2; lag, stall choice</td></tr>
 * <tr><td>force</td><td>{@code Back.forceN} at the carriage centre + 0.3 N/(mm/s) × lift speed</td><td>sim.body; damping choice</td></tr>
 * <tr><td>load cell</td><td>σ 2 N, readings clipped to 0–600 N</td><td>DOMAIN.md §2</td></tr>
 * <tr><td>heaters</td><td>150 W × duty × mains relay per zone; C 1300 J/K, loss 1.2 W/K to a 20 °C room</td><td>DOMAIN.md §2; C, loss choice</td></tr>
 * <tr><td>thermistor</td><td>lag τ 4 s, σ 0.05 °C; fuse opens (latched) at 85 °C</td><td>DOMAIN.md §2; lag, noise choice</td></tr>
 * <tr><td>board dead-man</td><td>no write for 0.5 s: drives off; 3 s: duty 0 and mains relay open</td><td>BedSpec; Klipper max_duration (DOMAIN.md §5)</td></tr>
 * <tr><td>skin</td><td>10 mm bands, baseline 34 °C; a Pennes column per band, layers 0.5/1/2/4/8 mm,
 * k 0.37 W/mK, ρc 3.6 MJ/m³K, perfusion 9.7 kW/m³K; cover 50 W/m²K; patch 20 mm × 60 mm per pair</td>
 * <td>tissue: Duck 1990; perfusion calibrated to Mallette et al. 2024 (DOMAIN.md §5)</td></tr>
 * <tr><td>CEM43</td><td>Σ Δt · R^(43 − T), R 0.5 at/above 43 °C, 0.25 below, in minutes</td><td>Sapareto &amp; Dewey 1984</td></tr>
 * </table>
 *
 * <h2>Calibration the tests hold</h2>
 * Full power warms a roller 20 → 45 °C in 242 s; holding 45 °C takes ≈ 20 % duty. A 45 °C
 * roller resting 33 min on a band holds the skin at 38.9 °C (dose ≈ 0.1 CEM43 min); a 60 °C rest
 * drives the skin to 45.4 °C within 10 min and the band's dose past 1 CEM43 min in ≈ 3 min; a 65 °C
 * press raises the skin to ≈ 42 °C in 60 s (43.4 °C at 90 s). Rolling 100–850 mm at 20 mm/s for
 * 40 min peaks at 35.2 °C with 50 °C rollers and 36.3 °C with 65 °C rollers.
 */
package org.rollwell.sim;
