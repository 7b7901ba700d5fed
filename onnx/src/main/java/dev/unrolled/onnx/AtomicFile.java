package dev.unrolled.onnx;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file in one step, as the runtime's model files do: the bytes go to a temporary file
 * beside the target, are forced to the device, and the temporary file is renamed over the target.
 * A failed write leaves the previous file as it was.
 */
final class AtomicFile {
  private AtomicFile() {}

  static void write(Path file, byte[] bytes) throws IOException {
    Path target = file.toAbsolutePath();
    Path temporary = createTemporary(target.getParent(), target.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
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
  }

  private static Path createTemporary(Path directory, String name) throws IOException {
    String prefix = "." + name + "-";
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Requesting rw-rw-rw- lets the umask decide, as for any new file (the default would be 0600).
      return Files.createTempFile(directory, prefix, ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
    }
    return Files.createTempFile(directory, prefix, ".tmp");
  }

  private static void replace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Some file systems (certain network shares) cannot rename atomically; the new file is complete.
      Files.move(temporary, target, REPLACE_EXISTING);
    }
  }
}
