package org.rollwell.app.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The number form scripts and diffs rely on: the same value always prints the same way. */
class JsonTest {

    @Test
    void millimetres_newtons_and_degrees_print_with_exactly_one_decimal() {
        ObjectNode n = Json.object();
        n.set("a", Json.tenths(12.25));
        n.set("b", Json.tenths(120));
        n.set("c", Json.tenths(-0.04));
        n.set("d", Json.tenths(1e7 / 3));
        n.set("e", Json.hundredths(1));

        assertThat(Json.write(n)).isEqualTo("{\n  \"a\": 12.3,\n  \"b\": 120.0,\n  \"c\": 0.0,\n  \"d\": 3333333.3,\n  \"e\": 1.00\n}\n");
    }

    @Test
    void a_figure_that_is_not_a_number_prints_as_null_never_nan() {
        ObjectNode n = Json.object();
        n.set("x", Json.tenths(Double.NaN));
        n.set("y", Json.number(Double.POSITIVE_INFINITY));

        assertThat(Json.write(n)).contains("\"x\": null", "\"y\": null").doesNotContain("NaN", "Infinity");
    }

    @Test
    void file_numbers_are_whole_when_whole_and_empty_lists_are_compact() {
        ObjectNode n = Json.object();
        n.set("seconds", Json.number(300));
        n.set("frequencyHz", Json.number(1.5));
        n.putArray("none");

        assertThat(Json.write(n)).isEqualTo("{\n  \"seconds\": 300,\n  \"frequencyHz\": 1.5,\n  \"none\": []\n}\n");
    }
}
