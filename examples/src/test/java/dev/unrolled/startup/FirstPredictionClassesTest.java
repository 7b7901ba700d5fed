package dev.unrolled.startup;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.unrolled.Architecture;
import dev.unrolled.files.FileNetworks_WideFloatModel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a program's first prediction costs in classes: on a cold JVM each class the runtime jar
 * supplies takes a few tenths of a millisecond to load. A model is built and predicts without
 * loading the architecture's classes; its {@code ARCHITECTURE} constant is built when first read.
 *
 * <p>Runs the generated model in a class loader of its own, so that whatever this JVM loaded for
 * other tests does not count, and calls it through method handles: reflection's {@code getMethod}
 * loads the types of every method of the class.
 */
class FirstPredictionClassesTest {
  private static final String MODEL = FileNetworks_WideFloatModel.class.getName();
  private static final List<String> ARCHITECTURE_CLASSES = List.of("dev.unrolled.Architecture",
      "dev.unrolled.Architecture$Layer", "dev.unrolled.Loss", "dev.unrolled.Precision",
      "dev.unrolled.Activation", "dev.unrolled.Norm");

  /** A loader of the generated classes and the runtime that tells which classes it has loaded. */
  private static final class FreshLoader extends URLClassLoader {
    FreshLoader() {
      super(new URL[] {location(FileNetworks_WideFloatModel.class), location(Architecture.class)},
          ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }

    private static URL location(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }
  }

  @Test
  void buildingAModelAndPredictingLoadsNoneOfTheArchitecturesClasses() throws Throwable {
    try (FreshLoader loader = new FreshLoader()) {
      Class<?> model = Class.forName(MODEL, true, loader);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Object instance = lookup.findConstructor(model, MethodType.methodType(void.class, long.class)).invoke(1L);
      double[] output = new double[3];
      lookup.findVirtual(model, "predict", MethodType.methodType(void.class, double[].class, double[].class))
          .invoke(instance, new double[5], output);

      assertThat(model.getClassLoader()).isSameInstanceAs(loader);
      assertThat(output[0] + output[1] + output[2]).isWithin(1e-6).of(1.0);
      for (String name : ARCHITECTURE_CLASSES) {
        assertWithMessage("%s loaded", name).that(loader.loaded(name)).isFalse();
      }
    }
  }

  @Test
  void theArchitectureIsBuiltWhenFirstAskedFor() throws Exception {
    try (FreshLoader loader = new FreshLoader()) {
      Class<?> model = Class.forName(MODEL, true, loader);
      Object instance = model.getConstructor(long.class).newInstance(1L);

      Object constant = model.getField("ARCHITECTURE").get(null);
      Object asked = model.getMethod("architecture").invoke(instance);

      assertThat(asked).isSameInstanceAs(constant);
      assertThat(loader.loaded("dev.unrolled.Architecture")).isTrue();
      // The same architecture as the one this JVM's own copy of the model gives.
      assertThat(constant.toString()).isEqualTo(FileNetworks_WideFloatModel.ARCHITECTURE.toString());
    }
  }
}
