package io.claudebaseline.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads a config file's text, turning every way a path can be unusable into a sentence naming the path and the
 * fix: missing, a dangling or looping link, a directory, a FIFO or device (which would block or read nothing),
 * unreadable, larger than {@link ConfigLimits#MAX_FILE_BYTES} (refused before it is read), not UTF-8.
 */
final class ConfigFile {

    private ConfigFile() {}

    static String read(Path file) throws ConfigException {
        String shown = file.toString();
        if (shown.isEmpty()) {
            throw problem(shown, "--config is empty; pass the path of the config file (e.g. --config claude-baseline.yaml)");
        }
        Path absolute = file.toAbsolutePath();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                throw problem(shown, absolute + " is a symbolic link to a file that does not exist; point it at the config or pass the config itself");
            }
            throw problem(shown, "config file not found: " + absolute
                    + " (pass --config PATH, or create claude-baseline.yaml; see examples/claude-baseline.yaml)");
        } catch (AccessDeniedException e) {
            throw problem(shown, "permission denied: cannot reach " + absolute + "; a folder on the way is not searchable by this user");
        } catch (FileSystemException e) {
            throw problem(shown, cannotOpen(absolute, e));
        } catch (IOException e) {
            throw problem(shown, "cannot read " + absolute + ": " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            throw problem(shown, absolute + " is a directory; pass the config file itself (--config DIR/claude-baseline.yaml)");
        }
        if (!attributes.isRegularFile()) {
            throw problem(shown, absolute + " is not a regular file (a pipe, socket or device such as /dev/null); "
                    + "pass a config file (reading a pipe would wait for a writer)");
        }
        if (attributes.size() > ConfigLimits.MAX_FILE_BYTES) {
            throw new ConfigException(shown, ConfigText.tooLarge(attributes.size() + " bytes").problems());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) ConfigLimits.MAX_FILE_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw problem(shown, "permission denied: cannot read " + absolute + "; make it readable by this user (chmod u+r "
                    + absolute + ") or run as its owner");
        } catch (FileSystemException e) {
            throw problem(shown, cannotOpen(absolute, e));
        } catch (IOException e) {
            throw problem(shown, "cannot read " + absolute + ": " + e.getMessage());
        }
        if (bytes.length > ConfigLimits.MAX_FILE_BYTES) {
            throw new ConfigException(shown, ConfigText.tooLarge("more than " + ConfigLimits.MAX_FILE_BYTES + " bytes").problems());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // The JDK's message ("Input length = 1") names neither the file nor the cause.
            throw problem(shown, "the file is not UTF-8 text; save it as UTF-8 (editors that write UTF-16 need converting, "
                    + "e.g. iconv -f utf-16 -t utf-8)");
        }
    }

    /** The operating system's reason, recognised where it is a common one (the JDK reports ELOOP by its C text). */
    private static String cannotOpen(Path absolute, FileSystemException e) {
        String reason = e.getReason() == null ? "" : e.getReason();
        if (reason.contains("symbolic links")) {
            return absolute + " is a loop of symbolic links; point the link at the config file itself";
        }
        if (reason.contains("Not a directory")) {
            return "config file not found: " + absolute + " (a part of the path is a file, not a folder)";
        }
        return "cannot read " + absolute + (reason.isEmpty() ? "" : ": " + reason);
    }

    static boolean isJson(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    private static ConfigException problem(String source, String message) {
        return new ConfigException(source, List.of(Problem.error("", message)));
    }
}
