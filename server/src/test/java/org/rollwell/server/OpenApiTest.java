package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rollwell.store.Database;

/** /api/openapi.json lists exactly the routes Javalin has registered: none missing, none made up. */
class OpenApiTest extends OnEachEngine {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Override
    Database.Engine engine() {
        return Database.Engine.SQLITE;
    }

    @Test
    void the_document_names_exactly_the_registered_routes() {
        Api.Answer a = client().get("/api/openapi.json");
        JsonNode doc = Json.tree(a.body());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");

        Set<CompanionServer.Route> documented = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    documented.add(new CompanionServer.Route(m.toUpperCase(Locale.ROOT), path.getKey()));
                }
            });
        }
        assertThat(server.routes()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routes());
    }

    @Test
    void every_operation_documents_its_problem_answers() {
        JsonNode paths = Json.tree(client().get("/api/openapi.json").body()).get("paths");
        paths.forEach(path -> path.fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                assertThat(op.getValue().get("responses").has("4XX")).as(op.getKey()).isTrue();
            }
        }));
    }
}
