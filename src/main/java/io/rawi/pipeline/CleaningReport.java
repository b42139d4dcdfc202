package io.rawi.pipeline;

import io.rawi.clean.Change;
import io.rawi.clean.Finding;
import io.rawi.clean.Rule;
import io.rawi.internal.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cleaning.json}: the rules that ran, every change they made, and what was noticed but left alone. */
public final class CleaningReport {
    private CleaningReport() {
    }

    public static String json(List<String> inputs, List<Rule> rules, List<Change> changes, List<Finding> findings) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("inputs", List.copyOf(inputs));
        List<Object> ruleList = new ArrayList<>();
        for (Rule r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("description", r.description());
            m.put("changes", changes.stream().filter(c -> c.rule().equals(r.id())).count());
            ruleList.add(m);
        }
        root.put("rules", ruleList);
        List<Object> changeList = new ArrayList<>();
        for (Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", c.rule());
            m.put("paragraph", c.paragraph());
            m.put("offset", c.offset());
            m.put("before", c.before());
            m.put("after", c.after());
            m.put("context", c.context());
            if (c.note() != null) {
                m.put("note", c.note());
            }
            changeList.add(m);
        }
        root.put("changes", changeList);
        List<Object> findingList = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("paragraph", f.paragraph());
            m.put("offset", f.offset());
            m.put("text", f.text());
            m.put("message", f.message());
            findingList.add(m);
        }
        root.put("findings", findingList);
        return Json.write(root);
    }

    /** One human-readable line per change: {@code p0005 detached-waw: [و␣] → [و] … والأمن …}. */
    public static String line(Change c) {
        return c.paragraph() + " " + c.rule() + ": [" + visible(c.before()) + "] → [" + visible(c.after()) + "]"
                + (c.note() == null ? "" : " (" + c.note() + ")") + "   … " + c.context() + " …";
    }

    private static String visible(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == ' ') {
                out.append('␣');
            } else if (Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.CONTROL) {
                out.append(String.format("<U+%04X>", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
