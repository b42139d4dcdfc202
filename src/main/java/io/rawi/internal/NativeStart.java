package io.rawi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spares JNA the two slow steps of its start on Linux, for libespeak-ng and libmp3lame. Call {@link #prepare} before
 * the first use of JNA's {@code Native} class; it does its work once per process and sets only what is not set.
 * <ul>
 * <li>To learn where libraries may be, JNA runs {@code /sbin/ldconfig -p} and keeps the folders of the libraries it
 * lists. Those are the folders named by {@code /etc/ld.so.conf} (and the files it includes), with the system's own:
 * read here, without starting a program, as {@code jna.platform.library.path}.</li>
 * <li>JNA writes its native part ({@code libjnidispatch}) out of its jar into a new temporary file on every start.
 * When rawi runs from its own jar, which holds JNA, and may write to its folder (the launcher's
 * {@code target/rawi.jar}), that file is written once, beside the jar in a folder named after the jar's size and
 * time (a rebuilt jar gets its own), and given to JNA as {@code jna.boot.library.path}; elsewhere JNA does as it
 * always does.</li>
 * </ul>
 * What they save at the start of every narrated conversion is measured in docs/BENCHMARKS.md (session 13).
 */
public final class NativeStart {
    private NativeStart() {
    }

    /** Configures JNA, the first time it is called in this process. */
    public static void prepare() {
        Done.touch();
    }

    /**
     * Loads a library through JNA: on Linux by its file first ({@code libespeak-ng.so.1} in a folder of the linker's,
     * see {@link #prepare}), else by its plain name ({@code espeak-ng}) as JNA does. Asked for the plain
     * name, JNA has the linker look in every library folder for {@code libespeak-ng.so}, which only the library's
     * development package installs, then lists every library folder to find a numbered file (a few milliseconds of
     * each narrated run, docs/BENCHMARKS.md).
     *
     * @param linuxFile the file name on Linux (its major version: the one rawi's calls are written for), or null
     * @throws UnsatisfiedLinkError when neither name loads
     */
    public static <T extends com.sun.jna.Library> T load(String name, String linuxFile, Class<T> api) {
        prepare();
        String folders = System.getProperty("jna.platform.library.path");
        if (linuxFile != null && folders != null && com.sun.jna.Platform.isLinux()) {
            for (String folder : folders.split(java.io.File.pathSeparator)) {
                Path file = Path.of(folder, linuxFile);
                if (Files.isRegularFile(file)) {
                    try { // by its path: the library then knows its file (eSpeak NG's slots copy it)
                        return com.sun.jna.Native.load(file.toString(), api);
                    } catch (UnsatisfiedLinkError another) {
                        break; // not one for this machine: as JNA finds it
                    }
                }
            }
        }
        return com.sun.jna.Native.load(name, api);
    }

    /** Holds the work done while the class initialises: once per process, under the JVM's lock for it. */
    private static final class Done {
        static {
            if (System.getProperty("os.name", "").startsWith("Linux")) {
                if (System.getProperty("jna.platform.library.path") == null) {
                    String path = String.join(java.io.File.pathSeparator, libraryFolders(Path.of("/etc/ld.so.conf")));
                    if (!path.isEmpty()) {
                        System.setProperty("jna.platform.library.path", path);
                    }
                }
                if (System.getProperty("jna.boot.library.path") == null) {
                    Path folder = dispatchFolder();
                    if (folder != null) {
                        System.setProperty("jna.boot.library.path", folder.toString());
                    }
                }
            }
        }

        static void touch() {
        }
    }

    /**
     * The folders the dynamic linker searches, that exist: those {@code conf} names (with the files it includes), then
     * the system's own ({@code /lib} and {@code /usr/lib}, their 64-bit and multiarch folders).
     */
    static List<String> libraryFolders(Path conf) {
        Set<String> folders = new LinkedHashSet<>();
        readConf(conf, folders, 0);
        for (String root : List.of("/usr/lib", "/lib")) {
            try (DirectoryStream<Path> multiarch = Files.newDirectoryStream(Path.of(root), "*-linux-*")) {
                for (Path p : multiarch) {
                    folders.add(p.toString());
                }
            } catch (IOException | RuntimeException e) {
                // no such folder here
            }
        }
        folders.addAll(List.of("/usr/lib64", "/lib64", "/usr/lib", "/lib"));
        List<String> existing = new ArrayList<>();
        for (String f : folders) {
            if (Files.isDirectory(Path.of(f))) {
                existing.add(f);
            }
        }
        return existing;
    }

    /** Adds the folders {@code conf} names; follows its {@code include} lines (globs, relative to its folder). */
    private static void readConf(Path conf, Set<String> folders, int depth) {
        List<String> lines;
        try {
            lines = Files.readAllLines(conf);
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty() || line.startsWith("hwcap ")) {
                continue;
            }
            if (line.startsWith("include ") || line.startsWith("include\t")) {
                if (depth < 8) {
                    for (String pattern : line.substring(8).strip().split("\\s+")) {
                        include(conf, pattern, folders, depth);
                    }
                }
            } else if (line.startsWith("/")) {
                folders.add(line.split("[\\s:=,]", 2)[0]);
            }
        }
    }

    private static void include(Path conf, String pattern, Set<String> folders, int depth) {
        Path p = Path.of(pattern);
        Path full = p.isAbsolute() ? p : conf.toAbsolutePath().getParent().resolve(p);
        Path dir = full.getParent();
        String glob = full.getFileName().toString();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, glob)) {
            matches.forEach(files::add);
        } catch (IOException | RuntimeException e) {
            return;
        }
        files.sort(null); // the order ldconfig reads them in
        for (Path f : files) {
            readConf(f, folders, depth + 1);
        }
    }

    /**
     * The folder holding JNA's native part, written out of the jar once (see the class comment); null when rawi does
     * not run from a jar, the jar holds none for this system, or its folder cannot be written.
     */
    private static Path dispatchFolder() {
        try {
            String resource = "com/sun/jna/" + com.sun.jna.Platform.RESOURCE_PREFIX + "/libjnidispatch.so";
            java.security.CodeSource source = com.sun.jna.Platform.class.getProtectionDomain().getCodeSource();
            java.security.CodeSource own = NativeStart.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || own == null
                    || !source.getLocation().equals(own.getLocation())) {
                return null; // JNA's own jar (a Maven repository's, in the tests) is not rawi's to write beside
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            Path root = jar.resolveSibling(".jna-native");
            Path folder = root.resolve(Long.toHexString(Files.size(jar)) + "-"
                    + Long.toHexString(Files.getLastModifiedTime(jar).toMillis()));
            Path lib = folder.resolve("libjnidispatch.so");
            if (Files.isRegularFile(lib)) {
                return folder;
            }
            try (InputStream in = com.sun.jna.Platform.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return null;
                }
                removeOthers(root, folder);
                Files.createDirectories(folder);
                Path part = Files.createTempFile(folder, "libjnidispatch", ".part");
                try {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            return folder;
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return null; // a folder it may not write: JNA extracts as usual
        }
    }

    /** Removes what earlier builds of the jar wrote (each folder but {@code mine} is named after another jar). */
    private static void removeOthers(Path root, Path mine) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(root)) {
            for (Path p : old) {
                if (!p.equals(mine)) {
                    Folders.deleteTree(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // another process removes them, or they stay: both harmless
        }
    }
}
