package io.rawi.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds mounted e-readers by the folders they carry: Kobo ({@code .kobo/}), Kindle ({@code documents/} and
 * {@code system/}), PocketBook ({@code system/config/}, books in {@code Books/}), the SD card of a HumanWare Victor
 * Reader Stream (its bookshelf folders, {@code $VRDTB/} for DAISY books, {@code $VROtherBooks/}, {@code $VRText/}…,
 * at the root; talking books go in {@code $VRDTB/}, a folder each). Mount points are looked for under
 * {@code /media/*}, {@code /media/<user>/*}, {@code /run/media/<user>/*}, {@code /mnt/*} and {@code /Volumes/*}, or
 * under the folders listed in {@code RAWI_MOUNTS} (separated by {@code :}).
 */
public final class Devices {
    private Devices() {
    }

    /** What the folder {@code root} is: a known reader, or a plain folder. */
    public static Device at(Path root) {
        return known(root).orElse(new Device(Device.Kind.FOLDER, root, root));
    }

    private static Optional<Device> known(Path root) {
        try (Stream<Path> top = Files.list(root)) {
            if (top.anyMatch(p -> p.getFileName().toString().startsWith("$VR") && Files.isDirectory(p))) {
                return Optional.of(new Device(Device.Kind.VICTOR, root, root.resolve("$VRDTB")));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (Files.isDirectory(root.resolve(".kobo"))) {
            return Optional.of(new Device(Device.Kind.KOBO, root, root));
        }
        if (Files.isDirectory(root.resolve("documents")) && Files.isDirectory(root.resolve("system"))) {
            return Optional.of(new Device(Device.Kind.KINDLE, root, root.resolve("documents")));
        }
        if (Files.isDirectory(root.resolve("system").resolve("config"))) {
            return Optional.of(new Device(Device.Kind.POCKETBOOK, root, root.resolve("Books")));
        }
        return Optional.empty();
    }

    /** Every mounted reader found in the usual places (or those in {@code RAWI_MOUNTS}). */
    public static List<Device> detect() {
        List<Path> places = new ArrayList<>();
        String env = System.getenv("RAWI_MOUNTS");
        if (env != null && !env.isBlank()) {
            for (String p : env.split(":")) {
                places.add(Path.of(p));
            }
        } else {
            String user = System.getProperty("user.name");
            places.addAll(List.of(Path.of("/media"), Path.of("/media", user), Path.of("/run/media", user),
                    Path.of("/mnt"), Path.of("/Volumes")));
        }
        return detect(places);
    }

    /** Every reader mounted directly below one of {@code places}. */
    public static List<Device> detect(List<Path> places) {
        List<Device> found = new ArrayList<>();
        for (Path place : places) {
            if (!Files.isDirectory(place)) {
                continue;
            }
            try (Stream<Path> children = Files.list(place)) {
                for (Path child : children.sorted().toList()) {
                    if (Files.isDirectory(child)) {
                        known(child).filter(d -> !found.contains(d)).ifPresent(found::add);
                    }
                }
            } catch (IOException e) {
                // an unreadable mount point holds no reader we can use
            }
        }
        return found;
    }
}
