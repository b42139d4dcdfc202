package io.rawi.pipeline;

import io.rawi.narration.Profile;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** With {@code RAWI_TIMING=1}, how long each stage took, one line each: the profile of a conversion. */
final class Timing {
    private final Consumer<String> log;
    private final boolean on = Pipeline.TIMING;
    /** The narration's processor time by phase. */
    final Profile profile = new Profile(Pipeline.TIMING);
    private long last = System.nanoTime();
    /** Processor time of the process and of each thread when the conversion began (a server runs many). */
    private final long processStart;
    private final Map<Long, Long> threadStart = new HashMap<>();

    Timing(Consumer<String> log) {
        this.log = log;
        if (on) {
            log.accept(String.format("timing: JVM start to convert %d ms",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            for (long id : bean.getAllThreadIds()) {
                threadStart.put(id, Math.max(0, bean.getThreadCpuTime(id)));
            }
        }
        processStart = on ? ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() : 0;
    }

    void lap(String stage) {
        long now = System.nanoTime();
        if (on) {
            log.accept(String.format("timing: %s %d ms", stage, (now - last) / 1_000_000));
        }
        last = now;
    }

    /** Processor time of this conversion so far: of each thread group, and of the narration phases. */
    void cpu() {
        if (!on) {
            return;
        }
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new java.util.TreeMap<>();
        for (long id : bean.getAllThreadIds()) {
            var info = bean.getThreadInfo(id);
            long t = bean.getThreadCpuTime(id) - threadStart.getOrDefault(id, 0L);
            if (info != null && t > 0) {
                byName.merge(info.getThreadName().replaceAll("[-\\d]+$", ""), t, Long::sum);
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        StringBuilder sb = new StringBuilder("timing: processor time, process "
                + (os.getProcessCpuTime() - processStart) / 1_000_000 + " ms;");
        byName.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v / 1_000_000).append(" ms,"));
        sb.append(" narration: plan (spoken form as written: numbers, signs, abbreviations; cache keys) ")
                .append(profile.millis(Profile.Phase.PLAN)).append(" ms, diacritize (on a cache miss) ")
                .append(profile.millis(Profile.Phase.DIACRITIZE)).append(" ms, speak ")
                .append(profile.millis(Profile.Phase.SPEAK)).append(" ms, process ")
                .append(profile.millis(Profile.Phase.PROCESS)).append(" ms, encode ")
                .append(profile.millis(Profile.Phase.ENCODE)).append(" ms");
        log.accept(sb.toString());
    }
}
