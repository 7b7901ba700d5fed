package dev.unrolled.fuzz;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Loads the classes of one in-process compilation from its in-memory class output. The parent is
 * the test's own loader, so {@code dev.unrolled.Model} and the runtime are the same classes on both
 * sides and a loaded model can be used through the {@code Model} interface.
 */
public final class InMemoryClassLoader extends ClassLoader {
  private final Compilation compilation;

  public InMemoryClassLoader(Compilation compilation, ClassLoader parent) {
    super(parent);
    this.compilation = compilation;
  }

  /** Whether the compilation wrote a class file for this binary name. */
  boolean has(String binaryName) {
    return classFile(binaryName).isPresent();
  }

  @Override
  protected Class<?> findClass(String binaryName) throws ClassNotFoundException {
    JavaFileObject file = classFile(binaryName)
        .orElseThrow(() -> new ClassNotFoundException(binaryName));
    try (InputStream in = file.openInputStream()) {
      byte[] bytes = in.readAllBytes();
      return defineClass(binaryName, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toUri(), e);
    }
  }

  private Optional<JavaFileObject> classFile(String binaryName) {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, binaryName.replace('.', '/') + ".class");
  }
}
