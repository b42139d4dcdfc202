package io.rawi.internal;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest {
    @Test
    void escapesAndPrettyPrints() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "قال: \"نعم\"\\\n\t\u0001\u2028");
        m.put("n", 12L);
        m.put("ok", true);
        m.put("none", null);
        m.put("empty", List.of());
        m.put("list", List.of(1, Map.of(), new Json.Fields("a", 1, "b", List.of("x"))));
        assertEquals("""
                {
                  "text": "قال: \\"نعم\\"\\\\\\n\\t\\u0001\\u2028",
                  "n": 12,
                  "ok": true,
                  "none": null,
                  "empty": [],
                  "list": [
                    1,
                    {},
                    {
                      "a": 1,
                      "b": [
                        "x"
                      ]
                    }
                  ]
                }
                """, Json.write(m));
    }

    /** Written to a writer, in chunks, a report is the same text as written whole (strings and depths past a chunk). */
    @Test
    void aWriterGetsTheSameText() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("long", "كلمة \"و\" ".repeat(3000));
        List<Object> deep = new ArrayList<>();
        Object nested = "قاع";
        for (int i = 0; i < 20; i++) {
            nested = List.of(nested, Map.of("i", i));
        }
        deep.add(nested);
        for (int i = 0; i < 2000; i++) {
            deep.add(i % 2 == 0 ? Map.of("id", "p" + i, "beginMs", (long) i * 250)
                    : new Json.Fields("id", "p" + i, "text", "نص", "beginMs", (long) i * 250));
        }
        root.put("deep", deep);
        StringWriter out = new StringWriter();
        Json.write(root, out);
        assertEquals(Json.write(root), out.toString());
    }
}
