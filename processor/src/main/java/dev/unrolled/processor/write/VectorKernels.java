package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The nested class {@code VectorKernels}: Vector API ({@code jdk.incubator.vector}) register tiles
 * for the layers planned as vector tiles. It is a class of its own so that the JVM loads it, and
 * with it the incubator module's types, only when the model's {@code VECTOR} constant is true; the
 * model refers to it only through methods over plain arrays.
 *
 * <p>Two kernels cover the three passes of a layer: {@code product} ({@code c[s] += Σₖ a[s][k]·b[k]},
 * rows of b as vectors) is the forward pass over transposed weights {@code w[i][j]} and, over the
 * {@code [out][in]} copy, the deltas sent back; {@code outer} ({@code g[i] = Σₛ a[s][i]·d[s]}) is the
 * weight gradient. Each runs over tiles of four rows × two vectors, eight accumulators that stay in
 * registers because each tile is a small static method (HotSpot's escape analysis then never boxes
 * the vectors); edges use one-row and one-vector tiles, and scalar code for the last few units.
 * The tiles take the reduction length as a parameter: their loops are long, so constant bounds
 * would gain nothing, and one set of tiles serves every layer.
 */
final class VectorKernels {
  static final String CLASS_NAME = "VectorKernels";
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

  private final Numeric num;
  private final ClassName vector;

  VectorKernels(Numeric num) {
    this.num = num;
    this.vector = ClassName.get("jdk.incubator.vector", num.isFloat() ? "FloatVector" : "DoubleVector");
  }

  TypeSpec type() {
    TypeName species = ParameterizedTypeName.get(ClassName.get("jdk.incubator.vector", "VectorSpecies"),
        num.scalar().box());
    TypeSpec.Builder type = TypeSpec.classBuilder(CLASS_NAME)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Vector API register tiles for the layers shown as \"vector tiles\" in the table above.\n")
        .addJavadoc("Loaded only when {@code VECTOR} is true, i.e. when the JVM has jdk.incubator.vector.\n")
        .addField(FieldSpec.builder(species, "SPECIES", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The widest vectors this CPU runs natively.\n")
            .initializer("$T.SPECIES_PREFERRED", vector)
            .build())
        .addField(FieldSpec.builder(TypeName.INT, "LANES", Modifier.STATIC, Modifier.FINAL)
            .initializer("SPECIES.length()")
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("describe")
            .addModifiers(Modifier.STATIC)
            .addJavadoc("For {@code summary()}: the vector shape in use.\n")
            .returns(String.class)
            .addStatement("return SPECIES.vectorBitSize() + $S + LANES + $S", "-bit " + vector.simpleName() + ", ",
                " lanes")
            .build())
        .addMethod(product())
        .addMethod(outer());
    for (int rows : new int[] {4, 1}) {
      for (int vectors : new int[] {2, 1}) {
        type.addMethod(productTile(rows, vectors));
      }
    }
    for (int rows : new int[] {4, 1}) {
      for (int vectors : new int[] {2, 1}) {
        type.addMethod(outerTile(rows, vectors));
      }
    }
    type.addMethod(productTail()).addMethod(outerTail());
    return type.build();
  }

  /** The driver of {@code c = init + a·b}: four rows at a time, then single rows. */
  private MethodSpec product() {
    TypeName row = num.vector();
    MethodSpec.Builder method = kernel("product")
        .addJavadoc("{@code c[s][j] = init[j] + Σₖ a[s][k]·b[k][j]} for rows [0, m), k < n, j < width;\n")
        .addJavadoc("{@code init} is the bias row, or zero when null.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "b")
        .addParameter(row, "init")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "n")
        .addParameter(TypeName.INT, "width")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .beginControlFlow("if (init == null)")
        .addStatement("$T.fill(c[s], 0, width, $L)", ARRAYS, num.literal("0"))
        .nextControlFlow("else")
        .addStatement("$T.arraycopy(init, 0, c[s], 0, width)", System.class)
        .endControlFlow()
        .endControlFlow()
        .addStatement("int s = 0")
        .beginControlFlow("for (; s + 3 < m; s += 4)")
        .addStatement("$T[] a0 = a[s], a1 = a[s + 1], a2 = a[s + 2], a3 = a[s + 3]", num.scalar())
        .addStatement("$T[] c0 = c[s], c1 = c[s + 1], c2 = c[s + 2], c3 = c[s + 3]", num.scalar())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j + 2 * LANES <= width; j += 2 * LANES)")
        .addStatement("product4x2(a0, a1, a2, a3, b, c0, c1, c2, c3, j, n)")
        .endControlFlow()
        .beginControlFlow("for (; j + LANES <= width; j += LANES)")
        .addStatement("product4x1(a0, a1, a2, a3, b, c0, c1, c2, c3, j, n)")
        .endControlFlow()
        .beginControlFlow("for (; j < width; j++)")
        .addStatement("productTail(a0, b, c0, j, n)")
        .addStatement("productTail(a1, b, c1, j, n)")
        .addStatement("productTail(a2, b, c2, j, n)")
        .addStatement("productTail(a3, b, c3, j, n)")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (; s < m; s++)")
        .addStatement("$T[] a0 = a[s], c0 = c[s]", num.scalar())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j + 2 * LANES <= width; j += 2 * LANES)")
        .addStatement("product1x2(a0, b, c0, j, n)")
        .endControlFlow()
        .beginControlFlow("for (; j + LANES <= width; j += LANES)")
        .addStatement("product1x1(a0, b, c0, j, n)")
        .endControlFlow()
        .beginControlFlow("for (; j < width; j++)")
        .addStatement("productTail(a0, b, c0, j, n)")
        .endControlFlow()
        .endControlFlow();
    return method.build();
  }

  /** The driver of {@code g = aᵀ·d} and {@code gb = Σₛ d[s]}: four gradient rows at a time. */
  private MethodSpec outer() {
    return kernel("outer")
        .addJavadoc("{@code g[i][j] = Σₛ a[s][i]·d[s][j]} and {@code gb[j] = Σₛ d[s][j]} over rows [0, m),\n")
        .addJavadoc("for i < n, j < width.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "g")
        .addParameter(num.vector(), "gb")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "n")
        .addParameter(TypeName.INT, "width")
        .addStatement("$T.fill(gb, 0, width, $L)", ARRAYS, num.literal("0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ds = d[s]", num.scalar())
        .beginControlFlow("for (int j = 0; j < width; j++)")
        .addStatement("gb[j] += ds[j]")
        .endControlFlow()
        .endControlFlow()
        .addStatement("int i = 0")
        .beginControlFlow("for (; i + 3 < n; i += 4)")
        .addStatement("$T[] g0 = g[i], g1 = g[i + 1], g2 = g[i + 2], g3 = g[i + 3]", num.scalar())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j + 2 * LANES <= width; j += 2 * LANES)")
        .addStatement("outer4x2(a, d, g0, g1, g2, g3, i, j, m)")
        .endControlFlow()
        .beginControlFlow("for (; j + LANES <= width; j += LANES)")
        .addStatement("outer4x1(a, d, g0, g1, g2, g3, i, j, m)")
        .endControlFlow()
        .beginControlFlow("for (; j < width; j++)")
        .addStatement("outerTail(a, d, g0, i, j, m)")
        .addStatement("outerTail(a, d, g1, i + 1, j, m)")
        .addStatement("outerTail(a, d, g2, i + 2, j, m)")
        .addStatement("outerTail(a, d, g3, i + 3, j, m)")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (; i < n; i++)")
        .addStatement("$T[] g0 = g[i]", num.scalar())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j + 2 * LANES <= width; j += 2 * LANES)")
        .addStatement("outer1x2(a, d, g0, i, j, m)")
        .endControlFlow()
        .beginControlFlow("for (; j + LANES <= width; j += LANES)")
        .addStatement("outer1x1(a, d, g0, i, j, m)")
        .endControlFlow()
        .beginControlFlow("for (; j < width; j++)")
        .addStatement("outerTail(a, d, g0, i, j, m)")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * {@code rows} rows of c by {@code vectors} vectors from column j: the accumulators start from c,
   * take one multiply-add per row and vector for every k, and are stored back once.
   */
  private MethodSpec productTile(int rows, int vectors) {
    MethodSpec.Builder method = kernel("product" + rows + "x" + vectors)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("A tile of $L row$L × $L vector$L: {@code c[r][j..] += Σₖ a[r][k]·b[k][j..]}.\n",
            rows, rows == 1 ? "" : "s", vectors, vectors == 1 ? "" : "s");
    for (int r = 0; r < rows; r++) {
      method.addParameter(num.vector(), "a" + r);
    }
    method.addParameter(num.matrix(), "b");
    for (int r = 0; r < rows; r++) {
      method.addParameter(num.vector(), "c" + r);
    }
    method.addParameter(TypeName.INT, "j").addParameter(TypeName.INT, "n");
    declareAccumulators(method, rows, vectors, "c");
    method.beginControlFlow("for (int k = 0; k < n; k++)")
        .addStatement("$T[] bk = b[k]", num.scalar());
    for (int v = 0; v < vectors; v++) {
      method.addStatement("$T v$L = $T.fromArray(SPECIES, bk, $L)", vector, v, vector, column(v));
    }
    for (int r = 0; r < rows; r++) {
      broadcast(method, r, "a" + r + "[k]");
      for (int v = 0; v < vectors; v++) {
        method.addStatement("s$L$L = x.fma(v$L, s$L$L)", r, v, v, r, v);
      }
    }
    method.endControlFlow();
    storeAccumulators(method, rows, vectors, r -> "c" + r);
    return method.build();
  }

  /**
   * {@code rows} gradient rows i.. by {@code vectors} vectors from column j: the sum over the batch
   * is accumulated in registers and then overwrites the gradient.
   */
  private MethodSpec outerTile(int rows, int vectors) {
    MethodSpec.Builder method = kernel("outer" + rows + "x" + vectors)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("A tile of $L gradient row$L × $L vector$L: {@code g[i + r][j..] = Σₛ a[s][i + r]·d[s][j..]}.\n",
            rows, rows == 1 ? "" : "s", vectors, vectors == 1 ? "" : "s")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d");
    for (int r = 0; r < rows; r++) {
      method.addParameter(num.vector(), "g" + r);
    }
    method.addParameter(TypeName.INT, "i").addParameter(TypeName.INT, "j").addParameter(TypeName.INT, "m");
    List<String> zero = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int v = 0; v < vectors; v++) {
        zero.add("s" + r + v + " = " + (r + v == 0 ? "$T.zero(SPECIES)" : "s00"));
      }
    }
    method.addStatement("$T " + String.join(", ", zero), vector, vector);
    method.beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] as = a[s], ds = d[s]", num.scalar());
    for (int v = 0; v < vectors; v++) {
      method.addStatement("$T v$L = $T.fromArray(SPECIES, ds, $L)", vector, v, vector, column(v));
    }
    for (int r = 0; r < rows; r++) {
      broadcast(method, r, "as[" + (r == 0 ? "i" : "i + " + r) + "]");
      for (int v = 0; v < vectors; v++) {
        method.addStatement("s$L$L = x.fma(v$L, s$L$L)", r, v, v, r, v);
      }
    }
    method.endControlFlow();
    storeAccumulators(method, rows, vectors, r -> "g" + r);
    return method.build();
  }

  private MethodSpec productTail() {
    return kernel("productTail")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("One unit left over after the vectors: {@code c[j] += Σₖ a[k]·b[k][j]}.\n")
        .addParameter(num.vector(), "a")
        .addParameter(num.matrix(), "b")
        .addParameter(num.vector(), "c")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "n")
        .addStatement("$T sum = c[j]", num.scalar())
        .beginControlFlow("for (int k = 0; k < n; k++)")
        .addStatement("sum += a[k] * b[k][j]")
        .endControlFlow()
        .addStatement("c[j] = sum")
        .build();
  }

  private MethodSpec outerTail() {
    return kernel("outerTail")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("One unit left over after the vectors: {@code g[j] = Σₛ a[s][i]·d[s][j]}.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d")
        .addParameter(num.vector(), "g")
        .addParameter(TypeName.INT, "i")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T sum = $L", num.scalar(), num.literal("0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("sum += a[s][i] * d[s][j]")
        .endControlFlow()
        .addStatement("g[j] = sum")
        .build();
  }

  private void declareAccumulators(MethodSpec.Builder method, int rows, int vectors, String from) {
    for (int r = 0; r < rows; r++) {
      for (int v = 0; v < vectors; v++) {
        method.addStatement("$T s$L$L = $T.fromArray(SPECIES, $L$L, $L)", vector, r, v, vector, from, r, column(v));
      }
    }
  }

  private static void storeAccumulators(MethodSpec.Builder method, int rows, int vectors,
      java.util.function.IntFunction<String> target) {
    for (int r = 0; r < rows; r++) {
      for (int v = 0; v < vectors; v++) {
        method.addStatement("s$L$L.intoArray($L, $L)", r, v, target.apply(r), column(v));
      }
    }
  }

  /** {@code x = broadcast(value)}, declaring x for the first row. */
  private void broadcast(MethodSpec.Builder method, int row, String value) {
    if (row == 0) {
      method.addStatement("$T x = $T.broadcast(SPECIES, $L)", vector, vector, value);
    } else {
      method.addStatement("x = $T.broadcast(SPECIES, $L)", vector, value);
    }
  }

  private static String column(int v) {
    return v == 0 ? "j" : "j + " + (v == 1 ? "LANES" : v + " * LANES");
  }

  private static MethodSpec.Builder kernel(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.STATIC);
  }
}
