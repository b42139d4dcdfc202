package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.rawi.device.Device;
import io.rawi.device.Devices;
import io.rawi.device.Sideloader;
import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Parameters(commandDescription = "Copy a book onto a mounted e-reader (Kobo, Kindle, PocketBook) or into a folder")
final class SideloadCommand extends Command {
    @Parameter(description = "BOOK.epub", required = true, arity = 1)
    List<String> books = new ArrayList<>();

    @Parameter(names = "--to", description = "The reader's mount point or a folder (default: every reader found)")
    String to;

    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        Path book = Path.of(books.get(0));
        List<Device> devices;
        if (to != null) {
            Path root = Path.of(to);
            if (!Files.isDirectory(root)) {
                throw new BadInputException(to + ": no such folder or mount point");
            }
            devices = List.of(Devices.at(root));
        } else {
            devices = Devices.detect();
            if (devices.isEmpty()) {
                throw new ProcessingException("no e-reader found under /media, /run/media, /mnt or /Volumes; "
                        + "plug one in and mount it, or give a folder with --to");
            }
        }
        int copied = 0;
        for (Device d : devices) {
            out.println(d.kind().label() + " at " + d.root() + ":");
            Sideloader.Result r = Sideloader.sideload(book, d, line -> out.println("  " + line));
            r.notes().forEach(n -> out.println("  note: " + n));
            copied += r.copied().size();
        }
        if (copied == 0) {
            err.println("rawi sideload: nothing was copied (see the notes above)");
            return 1;
        }
        return 0;
    }
}
