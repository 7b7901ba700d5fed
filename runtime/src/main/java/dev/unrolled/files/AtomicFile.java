package dev.unrolled.files;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file all at once: model files and training checkpoints are written through it, so a
 * reader, or a run restarted after a crash, finds the previous complete file or the new one, never a
 * mixture.
 *
 * <p>The content goes to a temporary file in the same directory ({@code .name.<random>.tmp}), is
 * forced to the device, and is renamed over the target in one atomic move; the directory is then
 * forced too, so the rename itself survives a power cut where the platform allows it. A failed write
 * deletes the temporary file and leaves the target as it was; a crash leaves the target as it was and
 * at most a stray temporary file. Where the file system cannot move atomically (some network shares)
 * the rename falls back to an ordinary replace: the new file is still complete, but a crash during
 * that replace may leave the complete temporary file instead of the target. A symbolic link at the
 * target is replaced, not followed. On POSIX systems the new file gets the permissions any newly
 * created file gets (the umask), not the owner-only permissions of a temporary file.
 */
public final class AtomicFile {
  /** Writes the whole content to the stream it is given; need not close it. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code content} to {@code file}, atomically replacing it.
   *
   * @throws IOException if the content cannot be written; the previous file, if any, is unchanged
   */
  public static void write(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Path temporary = createTemporary(directory, target.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      replace(temporary, target);
    } catch (Throwable e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    syncDirectory(directory);
  }

  /**
   * Deletes the temporary files that writes of {@code file} cut short by a crash left beside it
   * ({@code .name.<random>.tmp}); returns how many. Call it only while nothing else writes
   * {@code file}: a write under way has such a file too.
   */
  public static int deleteStrayTemporaries(Path file) throws IOException {
    Path target = file.toAbsolutePath();
    String prefix = tempPrefix(target.getFileName().toString());
    int deleted = 0;
    try (java.util.stream.Stream<Path> files = Files.list(target.getParent())) {
      for (Path stray : (Iterable<Path>) files::iterator) {
        String name = stray.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".tmp") && Files.isRegularFile(stray)) {
          Files.deleteIfExists(stray);
          deleted++;
        }
      }
    }
    return deleted;
  }

  private static Path createTemporary(Path directory, String name) throws IOException {
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Without attributes the temporary file, and so the target, would be owner-only (0600); with
      // rw-rw-rw- requested, the umask decides, as for any new file.
      return Files.createTempFile(directory, tempPrefix(name), ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
    }
    return Files.createTempFile(directory, tempPrefix(name), ".tmp");
  }

  private static void replace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // The new file is already complete on the device; only a crash during this replace can leave
      // the temporary file instead.
      Files.move(temporary, target, REPLACE_EXISTING);
    }
  }

  /** Makes the rename itself durable where the platform allows opening a directory (not Windows). */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The file is saved either way; the rename is then as durable as the file system makes it.
    }
  }

  /** A prefix short enough that the temporary name fits wherever the target's name fits. */
  private static String tempPrefix(String name) {
    return "." + (name.length() > 32 ? name.substring(0, 32) : name) + ".";
  }
}
