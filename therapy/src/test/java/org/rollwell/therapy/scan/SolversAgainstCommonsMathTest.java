package org.rollwell.therapy.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;

/**
 * The scan analyser solves its least squares and searches its junctions with small
 * allocation-free solvers of its own ({@link LeastSquares}, {@link NelderMead}). Issue 10 asks
 * to use a well-kept library or test them against one: here Apache Commons Math 3 is the
 * reference, on random problems of the analyser's size (a few thousand rows, 17 columns, three
 * held non-negative; three junction positions).
 */
class SolversAgainstCommonsMathTest {

    private static final int ROWS = 400;
    private static final int COLUMNS = 17;
    private static final int NON_NEGATIVE_FROM = 12;
    private static final int NON_NEGATIVE_TO = 15;

    @Test
    void the_normal_equations_give_the_least_squares_solution_commons_math_finds_by_qr() {
        Random random = new Random(11);
        for (int trial = 0; trial < 25; trial++) {
            double[][] x = design(random);
            double[] y = response(random, x);
            double[] beta = new double[COLUMNS];
            assertThat(LeastSquares.solve(normal(x), rhs(x, y), beta, COLUMNS)).isTrue();

            RealVector reference = new QRDecomposition(new Array2DRowRealMatrix(x)).getSolver()
                    .solve(new ArrayRealVector(y));
            for (int k = 0; k < COLUMNS; k++) {
                assertThat(beta[k]).as("trial %d, coefficient %d", trial, k).isCloseTo(reference.getEntry(k), within(1e-6));
            }
        }
    }

    @Test
    void the_non_negative_solution_is_the_best_of_every_choice_of_columns_held_at_zero() {
        // the reference: Commons Math's QR least squares with each subset of the constrained columns
        // removed, the best residual among those whose remaining constrained coefficients are ≥ 0
        Random random = new Random(12);
        for (int trial = 0; trial < 25; trial++) {
            double[][] x = design(random);
            double[] y = response(random, x);
            double[] beta = new double[COLUMNS];
            assertThat(LeastSquares.solveNonNegative(normal(x), rhs(x, y), beta, COLUMNS, NON_NEGATIVE_FROM,
                    NON_NEGATIVE_TO, new LeastSquares.Work(COLUMNS))).isTrue();

            double best = Double.POSITIVE_INFINITY;
            for (int subset = 0; subset < 1 << (NON_NEGATIVE_TO - NON_NEGATIVE_FROM); subset++) {
                int held = subset;
                int[] columns = java.util.stream.IntStream.range(0, COLUMNS).filter(k -> k < NON_NEGATIVE_FROM
                        || k >= NON_NEGATIVE_TO || (heldAt(held, k) == 0)).toArray();
                double[][] kept = new double[ROWS][columns.length];
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c < columns.length; c++) {
                        kept[r][c] = x[r][columns[c]];
                    }
                }
                RealMatrix m = new Array2DRowRealMatrix(kept);
                RealVector b = new QRDecomposition(m).getSolver().solve(new ArrayRealVector(y));
                boolean feasible = true;
                for (int c = 0; c < columns.length; c++) {
                    if (columns[c] >= NON_NEGATIVE_FROM && columns[c] < NON_NEGATIVE_TO) {
                        feasible &= b.getEntry(c) >= -1e-9;
                    }
                }
                if (feasible) {
                    best = Math.min(best, m.operate(b).subtract(new ArrayRealVector(y)).getNorm());
                }
            }
            for (int k = NON_NEGATIVE_FROM; k < NON_NEGATIVE_TO; k++) {
                assertThat(beta[k]).as("trial %d, held coefficient %d", trial, k).isGreaterThanOrEqualTo(0);
            }
            double residual = new Array2DRowRealMatrix(x).operate(new ArrayRealVector(beta))
                    .subtract(new ArrayRealVector(y)).getNorm();
            assertThat(residual).as("trial %d", trial).isCloseTo(best, within(1e-6 * (1 + best)));
        }
    }

    @Test
    void the_simplex_search_finds_the_minimum_commons_maths_nelder_mead_finds() {
        // a smooth, skewed bowl over three junction positions (mm), like the analyser's smooth-curve stage
        double[] centre = {212.0, 480.0, 664.0};
        MultivariateFunction bowl = q -> {
            double a = q[0] - centre[0];
            double b = q[1] - centre[1];
            double c = q[2] - centre[2];
            return 0.4 + a * a / 400 + b * b / 900 + c * c / 100 + a * b / 1500;
        };
        double[] start = {180.0, 520.0, 640.0};

        double[] ours = NelderMead.minimise(bowl::value, start, 12.0, 400);
        PointValuePair reference = new SimplexOptimizer(1e-12, 1e-12).optimize(new MaxEval(4000),
                new ObjectiveFunction(bowl), GoalType.MINIMIZE, new InitialGuess(start),
                new NelderMeadSimplex(new double[] {12.0, 12.0, 12.0}));

        for (int k = 0; k < 3; k++) {
            assertThat(ours[k]).as("junction %d", k).isCloseTo(reference.getPoint()[k], within(0.5));
        }
        assertThat(bowl.value(ours)).isCloseTo(reference.getValue(), within(1e-3));
    }

    /** 1 when column {@code k} is held at zero in the subset {@code held} (a bit per constrained column). */
    private static int heldAt(int held, int k) {
        return held >> (k - NON_NEGATIVE_FROM) & 1;
    }

    private static double[][] design(Random random) {
        double[][] x = new double[ROWS][COLUMNS];
        for (int r = 0; r < ROWS; r++) {
            for (int k = 0; k < COLUMNS; k++) {
                x[r][k] = random.nextGaussian();
            }
        }
        return x;
    }

    /** A response with some constrained coefficients truly negative, so the constraint binds. */
    private static double[] response(Random random, double[][] x) {
        double[] truth = new double[COLUMNS];
        for (int k = 0; k < COLUMNS; k++) {
            truth[k] = random.nextGaussian();
        }
        double[] y = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            for (int k = 0; k < COLUMNS; k++) {
                y[r] += x[r][k] * truth[k];
            }
            y[r] += 0.3 * random.nextGaussian();
        }
        return y;
    }

    private static double[] normal(double[][] x) {
        double[] a = new double[COLUMNS * COLUMNS];
        for (double[] row : x) {
            for (int i = 0; i < COLUMNS; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i * COLUMNS + j] += row[i] * row[j];
                }
            }
        }
        return a;
    }

    private static double[] rhs(double[][] x, double[] y) {
        double[] b = new double[COLUMNS];
        for (int r = 0; r < ROWS; r++) {
            for (int k = 0; k < COLUMNS; k++) {
                b[k] += x[r][k] * y[r];
            }
        }
        return b;
    }
}
