package io.rawi.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an I/O exception into the short reason a person reads after a file name: "permission denied". */
public final class IoMessages {
    private IoMessages() {
    }

    /**
     * A file name or location as it may be printed: control characters (a newline, ESC, which could send terminal
     * codes) and bidi controls appear as {@code \\uXXXX}, so the name cannot rewrite the message or the screen.
     */
    public static String name(String location) {
        StringBuilder sb = null;
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            boolean control = Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
            if (control && sb == null) {
                sb = new StringBuilder(location.length() + 8).append(location, 0, i);
            }
            if (sb != null) {
                if (control) {
                    sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? location : sb.toString();
    }

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
