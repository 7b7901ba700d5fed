package dev.unrolled.fuzz;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Runs a processor with a {@link Filer} that remembers the name of every source and class file it
 * is asked to create, so a test can tell that nothing was generated even when the compilation
 * failed (compile-testing hides a failed compilation's output).
 */
final class RecordingProcessor implements Processor {
  private final Processor delegate;
  private final List<String> created = new CopyOnWriteArrayList<>();

  RecordingProcessor(Processor delegate) {
    this.delegate = delegate;
  }

  /** Names passed to {@code createSourceFile} and {@code createClassFile}, in order. */
  List<String> created() {
    return List.copyOf(created);
  }

  @Override
  public void init(ProcessingEnvironment env) {
    Filer filer = proxy(Filer.class, env.getFiler(), (method, args) -> {
      if (method.startsWith("create") && !method.equals("createResource")) {
        created.add(String.valueOf(args[0]));
      }
    });
    delegate.init(proxy(ProcessingEnvironment.class, env, null, filer));
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
      ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }

  private interface Observer {
    void called(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, T target, Observer observer) {
    return proxy(type, target, observer, null);
  }

  /** Delegates every call to {@code target}; a non-null {@code filer} replaces {@code getFiler()}. */
  private static <T> T proxy(Class<T> type, T target, Observer observer, Filer filer) {
    InvocationHandler handler = (self, method, args) -> {
      if (filer != null && method.getName().equals("getFiler")) {
        return filer;
      }
      if (observer != null) {
        observer.called(method.getName(), args);
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause(); // FilerException and friends reach the processor unchanged
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
