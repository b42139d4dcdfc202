package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.rawi.diacritize.Diacritizer;
import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Parameters(commandDescription = "Print a UTF-8 text with the short vowels its Arabic words lack restored, and "
        + "nothing else changed")
final class DiacritizeCommand extends Command {
    /** Larger texts are refused rather than read whole into memory. */
    static final int MAX_BYTES = 32 << 20;

    @Parameter(description = "INPUT  (a UTF-8 text file, or - for standard input)", required = true, arity = 1)
    List<String> inputs = new ArrayList<>();

    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        String location = inputs.get(0);
        byte[] bytes = read(location);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(IoMessages.name(location) + ": not UTF-8 text; 'rawi diacritize' reads UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadInputException(IoMessages.name(location) + ": holds NUL characters: not a text file");
        }
        byte[] vowelled = Diacritizer.arabic().diacritize(text).getBytes(StandardCharsets.UTF_8);
        out.write(vowelled, 0, vowelled.length);
        out.flush();
        return 0;
    }

    private static byte[] read(String location) throws RawiException {
        try (InputStream in = location.equals("-") ? System.in : Files.newInputStream(Path.of(location))) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new BadInputException(IoMessages.name(location) + ": larger than " + (MAX_BYTES >> 20)
                        + " MiB; split it");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadInputException(IoMessages.name(location) + ": " + IoMessages.reason(e));
        }
    }
}
