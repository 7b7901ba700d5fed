package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unrolled.Activation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The nested class {@code VectorKernels}: Vector API ({@code jdk.incubator.vector}) register tiles
 * for the layers planned as vector tiles. It is a class of its own so that the JVM loads it, and
 * with it the incubator module's types, only when the model's {@code VECTOR} constant is true; the
 * model refers to it only through methods over plain arrays.
 *
 * <p>Two kernels cover the three passes of a layer: {@code product} ({@code c[s] += Σₖ a[s][k]·b[k]},
 * rows of b as vectors) is the forward pass over transposed weights {@code w[i][j]}, and
 * {@code productTransposed} the same over {@code wᵀ}, the deltas sent back; {@code outer}
 * ({@code g[i] = Σₛ a[s][i]·d[s]}) is the weight gradient. Both walk cache blocks (see
 * {@link #DEPTH}); the product packs each block of b into one contiguous panel first (see
 * {@link #PACK_ROWS}), and within a block both run over tiles of
 * eight rows × two vectors (the product only where the machine has 32 vector registers, AVX-512;
 * four rows × two vectors otherwise), accumulators that stay in registers because each tile is a small static method
 * (HotSpot's escape analysis then never boxes the vectors); then four-row and single-row tiles,
 * one-vector tiles, and scalar code for the last few units.
 * The tiles take the reduction length as a parameter: their loops are long, so constant bounds
 * would gain nothing, and one set of tiles serves every layer.
 */
final class VectorKernels {
  static final String CLASS_NAME = "VectorKernels";
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

  private final Numeric num;
  private final ClassName vector;

  /** The widest layer with dropout, 0 for none: the kernels then hash its rows in vectors too. */
  private final int dropoutUnits;

  /** Activations of tiled layers whose slope the kernels apply with a mask (see {@link VectorClass#CHOSEN_SLOPES}). */
  private final Set<Activation> slopes;

  /** Those of them in layers with dropout, whose slope also takes the keep multipliers. */
  private final Set<Activation> keptSlopes;

  VectorKernels(Numeric num) {
    this(num, 0, Set.of(), Set.of());
  }

  VectorKernels(Numeric num, int dropoutUnits, Set<Activation> slopes, Set<Activation> keptSlopes) {
    this.num = num;
    this.vector = VectorClass.vectorType(num);
    this.dropoutUnits = dropoutUnits;
    this.slopes = chosen(slopes);
    this.keptSlopes = chosen(keptSlopes);
  }

  private static Set<Activation> chosen(Set<Activation> activations) {
    Set<Activation> chosen = EnumSet.noneOf(Activation.class);
    for (Activation activation : activations) {
      if (VectorClass.CHOSEN_SLOPES.contains(activation)) {
        chosen.add(activation);
      }
    }
    return chosen;
  }

  /** The name of the kernel that applies {@code activation}'s slope to a tiled layer's deltas. */
  static String slopeName(Activation activation) {
    return ActivationFunctions.functionName(activation) + "Slope";
  }

  /** The name of the kernel that applies the keep multipliers and {@code activation}'s slope together. */
  static String keptSlopeName(Activation activation) {
    return ActivationFunctions.functionName(activation) + "KeptSlope";
  }

  TypeSpec type() {
    TypeSpec.Builder type = VectorClass.builder(CLASS_NAME, num)
        .addJavadoc("Vector API register tiles for the layers shown as \"vector tiles\" in the table above.\n")
        .addJavadoc("Loaded only when {@code VECTOR} is true, i.e. when the JVM has jdk.incubator.vector.\n")
        .addField(FieldSpec.builder(TypeName.BOOLEAN, "WIDE_TILES", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Eight-row product tiles only with 512-bit vectors (AVX-512: 32 registers); with AVX2's\n")
            .addJavadoc("16 registers their 16 accumulators spill, and four-row tiles run 1.3× faster; likewise\n")
            .addJavadoc("the gradient's six-row × four-vector tiles. (Its 16-accumulator tiles stay: its\n")
            .addJavadoc("broadcasts are cheaper to reload than its stores.)\n")
            .initializer("SPECIES.vectorBitSize() >= 512")
            .build())
        .addField(FieldSpec.builder(TypeName.BOOLEAN, "SIX_ROWS", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Six-row product tiles where eight do not fit (AVX2), except from JDK 25 on: its C2 ran them\n")
            .addJavadoc("15–28% slower than four-row tiles (784-W-W-10 at W = 128 and 512, batches 32 and 256, AMD Zen 3),\n")
            .addJavadoc("where JDK 17's ran them 1–15% faster. JDKs 18 to 24 were not measured.\n")
            .initializer("$T.version().feature() < 25", Runtime.class)
            .build())
        .addField(FieldSpec.builder(TypeName.INT, "COLUMNS", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Columns per cache block: a multiple of every tile's width.\n")
            .initializer("$L * LANES", COLUMN_VECTORS)
            .build())
        .addField(FieldSpec.builder(TypeName.INT, "DEPTH", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Rows of {@code b} per cache block: a $L × COLUMNS panel of {@code b} stays in L2.\n", DEPTH)
            .initializer("$L", DEPTH)
            .build())
        .addField(FieldSpec.builder(TypeName.INT, "PANEL", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Scalars of one packed panel, {@code DEPTH × COLUMNS}: the size of a workspace's {@code panel}.\n")
            .initializer("DEPTH * COLUMNS")
            .build())
        .addField(FieldSpec.builder(TypeName.INT, "PACK_ROWS", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The forward product packs its blocks of {@code b} from this many rows of the batch on: the copy\n")
            .addJavadoc("costs about one pass of a tile over the block, which every further block of rows repays.\n")
            .initializer("$L", PACK_ROWS)
            .build())
        .addMethod(product())
        .addMethod(productRange())
        .addMethod(productTransposed())
        .addMethod(productTransposedRange())
        .addMethod(productBlock())
        .addMethod(pack())
        .addMethod(packTransposed())
        .addMethod(productPanel())
        .addMethod(outer())
        .addMethod(columns())
        .addMethod(packColumns())
        .addMethod(packRows())
        .addMethod(outerRows())
        .addMethod(outerBlock())
        .addMethod(outerPanel())
        .addMethod(transposeRows())
        .addMethod(finiteColumns());
    for (int[] block : BLOCKS) {
      type.addMethod(panelRows(block));
      for (int vectors : vectorsOf(block)) {
        type.addMethod(productTile(rowsOf(block), vectors));
        type.addMethod(panelTile(rowsOf(block), vectors));
      }
    }
    for (int[] block : OUTER_BLOCKS) {
      for (int vectors : vectorsOf(block)) {
        type.addMethod(outerTile(rowsOf(block), vectors));
        type.addMethod(outerPackedTile(rowsOf(block), vectors));
      }
    }
    type.addMethod(productTail()).addMethod(panelTail()).addMethod(outerTail()).addMethod(outerPackedTail());
    for (Activation activation : slopes) {
      type.addMethod(slope(activation));
      type.addMethod(slope(activation, false, true));
    }
    for (Activation activation : keptSlopes) {
      type.addMethod(keptSlope(activation));
    }
    if (dropoutUnits > 0) {
      addDropout(type);
    }
    return type.build();
  }

  /**
   * Dropout of one row in vectors: the same masks as {@code Dropout.keptBit}, one unit per lane, in
   * 32-bit integer lanes as many as the species has, converted to the model's precision.
   */
  private void addDropout(TypeSpec.Builder type) {
    ClassName ints = ClassName.get("jdk.incubator.vector", "IntVector");
    ClassName operators = ClassName.get("jdk.incubator.vector", "VectorOperators");
    TypeName intSpecies = ParameterizedTypeName.get(ClassName.get("jdk.incubator.vector", "VectorSpecies"),
        TypeName.INT.box());
    type.addField(FieldSpec.builder(intSpecies, "INT_SPECIES", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Integer lanes as many as {@code SPECIES} has, for hashing dropout masks.\n")
            .initializer("$T.of(int.class, $T.forBitSize(LANES * 32))", ClassName.get("jdk.incubator.vector",
                "VectorSpecies"), ClassName.get("jdk.incubator.vector", "VectorShape"))
            .build())
        .addField(FieldSpec.builder(ArrayTypeName.of(TypeName.INT), "SALTS", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("{@code Dropout.salt(j)} of the units of the widest dropout layer.\n")
            .initializer("$T.salts($L)", RuntimeTypes.DROPOUT, dropoutUnits)
            .build());
    TypeName t = num.scalar();
    type.addMethod(kernel("dropout")
        .addJavadoc("One row of dropout: {@code keep[j] = scale} where {@code Dropout.keptBit(key, j, threshold)} is 1,\n")
        .addJavadoc("else 0, and {@code out[j] = a[j]·keep[j]}, for j < n.\n")
        .addParameter(num.vector(), "a")
        .addParameter(num.vector(), "keep")
        .addParameter(num.vector(), "out")
        .addParameter(TypeName.INT, "key")
        .addParameter(TypeName.INT, "threshold")
        .addParameter(t, "scale")
        .addParameter(TypeName.INT, "n")
        .addStatement("int j = 0")
        .beginControlFlow("for (; j < SPECIES.loopBound(n); j += LANES)")
        .addStatement("$T h = $T.fromArray(INT_SPECIES, SALTS, j).add(key)", ints, ints)
        .addStatement("h = h.lanewise($T.XOR, h.lanewise($T.LSHR, 16)).mul(0x85EBCA6B)", operators, operators)
        .addStatement("h = h.lanewise($T.XOR, h.lanewise($T.LSHR, 13)).mul(0xC2B2AE35)", operators, operators)
        .addStatement("h = h.lanewise($T.XOR, h.lanewise($T.LSHR, 16))", operators, operators)
        .addComment("1 − ((h >>> 8) − threshold) >>> 31: 1 where the unit is kept")
        .addStatement("$T kept = h.lanewise($T.LSHR, 8).sub(threshold).lanewise($T.LSHR, 31).neg().add(1)", ints,
            operators, operators)
        .addStatement("$T k = (($T) kept.convertShape($T.$L, SPECIES, 0)).mul(scale)", vector, vector, operators,
            num.isFloat() ? "I2F" : "I2D")
        .addStatement("k.intoArray(keep, j)")
        .addStatement("$T.fromArray(SPECIES, a, j).mul(k).intoArray(out, j)", vector)
        .endControlFlow()
        .beginControlFlow("for (; j < n; j++)")
        .addStatement("$T k = scale * $T.keptBit(key, j, threshold)", t, RuntimeTypes.DROPOUT)
        .addStatement("keep[j] = k")
        .addStatement("out[j] = a[j] * k")
        .endControlFlow()
        .build());
  }

  /**
   * Row blocks the drivers try in turn, each with the vector counts its tiles come in: eight rows
   * reuse every loaded weight vector eight times (the weights stream from L2, the rows sit in L1);
   * a single row gets four vectors so that four independent chains hide the multiply-add latency.
   */
  private static final int[][] BLOCKS = {{8, 2, 1}, {6, 2, 1}, {4, 2, 1}, {1, 4, 2, 1}};
  /**
   * The gradient's row blocks: six rows × four vectors (24 accumulators) load four delta vectors and
   * six broadcasts per 24 multiply-adds, where eight × two needed two and eight per 16; measured on
   * 784-128-10 b32 (AVX-512), the weight gradient took 10% less time. Tiles of more than 16
   * accumulators run only with 32 vector registers (see {@link #wideTile}).
   */
  private static final int[][] OUTER_BLOCKS = {{6, 4, 2, 1}, {4, 4, 2, 1}, {1, 4, 2, 1}};

  /**
   * Cache blocks (GEMM style): the product runs over panels of {@code DEPTH} rows × {@code COLUMNS}
   * columns of {@code b} (64 KB of floats at 8 lanes, 128 KB at 16), each used by every block of
   * batch rows while it sits in L2, instead of streaming the whole matrix once per block of rows;
   * the gradient runs over column blocks, so the deltas it reads per block stay in L2 while every
   * gradient row is written. Blocking changes no result: each sum still takes its terms in order.
   */
  private static final int COLUMN_VECTORS = 16;
  private static final int DEPTH = 128;
  /**
   * Packing: a tile reads its column strip of b row after row; from separate row arrays (each with
   * its own header and stride), those loads miss L1 and the prefetchers lose them, while from one
   * contiguous panel they stream. Measured on 784-512-512-10 b256 (AVX2, interleaved): the forward
   * and propagation products took 0.72× the time. The copy is repaid from a few blocks of rows on;
   * below 16 rows the forward product reads b in place, as at batch 1, where it would only add a pass.
   */
  private static final int PACK_ROWS = 16;

  /**
   * The guard of a block of product rows: eight rows × two vectors (16 accumulators) need 32 vector
   * registers; six rows (12 accumulators, two weight vectors and a broadcast: 15 of AVX2's 16) are
   * the widest that fits 16, and keep 12 multiply-adds in flight where four rows kept 8, just the
   * latency × throughput of two FMA pipes; but not on JDK 25 (see the generated {@code SIX_ROWS}).
   */
  private static String wide(int rows) {
    return rows > 6 ? "WIDE_TILES && " : rows == 6 ? "!WIDE_TILES && SIX_ROWS && " : "";
  }

  /** The guard of a gradient tile of more than 16 accumulators, which needs 32 vector registers. */
  private static String wideTile(int rows, int vectors) {
    return rows * vectors > 16 ? "WIDE_TILES && " : "";
  }

  private static int rowsOf(int[] block) {
    return block[0];
  }

  private static int[] vectorsOf(int[] block) {
    return java.util.Arrays.copyOfRange(block, 1, block.length);
  }

  /** The driver of {@code c = init + a·b}: panels of b, each over all rows in tiles. */
  private MethodSpec product() {
    return productBody(kernel("product")
        .addJavadoc("{@code c[s][j] = init[j] + Σₖ a[s][k]·b[k][j]} for rows [0, m), k < n, j < width;\n")
        .addJavadoc("{@code init} is the bias row, or zero when null; {@code panel} holds {@code PANEL} scalars.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "b")
        .addParameter(num.vector(), "init")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "n"), "0", "n");
  }

  /**
   * {@code product} over the run {@code from ≤ k < to} of b's rows: one part's share of a layer
   * split by its inputs, whose partial sums the parts then add.
   */
  private MethodSpec productRange() {
    return productBody(kernel("productRange")
        .addJavadoc("{@code c[s][j] = init[j] + Σₖ a[s][k]·b[k][j]} for rows [0, m), from ≤ k < to, j < width;\n")
        .addJavadoc("{@code init} is the bias row, or zero when null; {@code panel} holds {@code PANEL} scalars.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "b")
        .addParameter(num.vector(), "init")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to"), "from", "to");
  }

  /** The product's loops over b's rows {@code [first, end)}, after the parameters up to {@code width}. */
  private MethodSpec productBody(MethodSpec.Builder method, String first, String end) {
    return method.addParameter(TypeName.INT, "width")
        .addParameter(num.vector(), "panel")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .beginControlFlow("if (init == null)")
        .addStatement("$T.fill(c[s], 0, width, $L)", ARRAYS, num.literal("0"))
        .nextControlFlow("else")
        .addStatement("$T.arraycopy(init, 0, c[s], 0, width)", System.class)
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int j0 = 0; j0 < width; j0 += COLUMNS)")
        .addStatement("int j1 = $T.min(width, j0 + COLUMNS)", Math.class)
        .beginControlFlow("for (int k0 = $L; k0 < $L; k0 += DEPTH)", first, end)
        .addStatement("int k1 = $T.min($L, k0 + DEPTH)", Math.class, end)
        .beginControlFlow("if (m >= PACK_ROWS)")
        .addStatement("pack(b, panel, j0, j1, k0, k1)")
        .addStatement("productPanel(a, panel, c, m, j0, j1, k0, k1)")
        .nextControlFlow("else")
        .addStatement("productBlock(a, b, c, m, j0, j1, k0, k1)")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * The product over {@code wᵀ} without a transposed copy of w: each block is transposed as it is
   * packed, so the deltas go back through the weights in the same order of terms as over a copy.
   */
  private MethodSpec productTransposed() {
    return productTransposedBody(kernel("productTransposed")
        .addJavadoc("{@code c[s][j] = Σₖ a[s][k]·w[j][k]} for rows [0, m), k < n, j < width: the product with\n")
        .addJavadoc("{@code wᵀ}, whose blocks are transposed into {@code panel} as they are packed.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "w")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "n")
        .addParameter(TypeName.INT, "width"), "0", "width");
  }

  /** {@code productTransposed} for the columns {@code from ≤ j < to} of c only: one part's units. */
  private MethodSpec productTransposedRange() {
    return productTransposedBody(kernel("productTransposedRange")
        .addJavadoc("{@code c[s][j] = Σₖ a[s][k]·w[j][k]} for rows [0, m), k < n, from ≤ j < to; the other columns of c\n")
        .addJavadoc("stay as they are.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "w")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "n")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to"), "from", "to");
  }

  /** The transposed product's loops over c's columns {@code [first, end)}. */
  private MethodSpec productTransposedBody(MethodSpec.Builder method, String first, String end) {
    return method.addParameter(num.vector(), "panel")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T.fill(c[s], $L, $L, $L)", ARRAYS, first, end, num.literal("0"))
        .endControlFlow()
        .beginControlFlow("for (int j0 = $L; j0 < $L; j0 += COLUMNS)", first, end)
        .addStatement("int j1 = $T.min($L, j0 + COLUMNS)", Math.class, end)
        .beginControlFlow("for (int k0 = 0; k0 < n; k0 += DEPTH)")
        .addStatement("int k1 = $T.min(n, k0 + DEPTH)", Math.class)
        .addStatement("packTransposed(w, panel, j0, j1, k0, k1)")
        .addStatement("productPanel(a, panel, c, m, j0, j1, k0, k1)")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Block {@code k0 ≤ k < k1} × {@code j0 ≤ j < j1} of b into a panel, row k at {@code (k − k0)·COLUMNS}. */
  private MethodSpec pack() {
    return kernel("pack")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("{@code panel[(k − k0)·COLUMNS + j − j0] = b[k][j]} for k0 ≤ k < k1, j0 ≤ j < j1.\n")
        .addParameter(num.matrix(), "b")
        .addParameter(num.vector(), "panel")
        .addParameter(TypeName.INT, "j0")
        .addParameter(TypeName.INT, "j1")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1")
        .beginControlFlow("for (int k = k0; k < k1; k++)")
        .addStatement("$T.arraycopy(b[k], j0, panel, (k - k0) * COLUMNS, j1 - j0)", System.class)
        .endControlFlow()
        .build();
  }

  /** The same block of {@code wᵀ}: row j of w goes down column j − j0 of the panel. */
  private MethodSpec packTransposed() {
    return kernel("packTransposed")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("{@code panel[(k − k0)·COLUMNS + j − j0] = w[j][k]} for k0 ≤ k < k1, j0 ≤ j < j1.\n")
        .addParameter(num.matrix(), "w")
        .addParameter(num.vector(), "panel")
        .addParameter(TypeName.INT, "j0")
        .addParameter(TypeName.INT, "j1")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1")
        .addComment("Sixteen rows of w at a time, the panel row by row: down a whole column of the panel, 512")
        .addComment("bytes apart, or across all 128 rows of w, some 2 or 4 KB apart, the lines in use share a")
        .addComment("few L1 sets and evict each other before they are done (2.5× slower at batch 1).")
        .beginControlFlow("for (int jb = j0; jb < j1; jb += 16)")
        .addStatement("int je = $T.min(j1, jb + 16)", Math.class)
        .beginControlFlow("for (int k = k0, q = jb - j0; k < k1; k++, q += COLUMNS)")
        .beginControlFlow("for (int j = jb; j < je; j++)")
        .addStatement("panel[q + j - jb] = w[j][k]")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** One panel of b, {@code k0 ≤ k < k1} × {@code j0 ≤ j < j1}: blocks of rows, each across in tiles. */
  private MethodSpec productBlock() {
    MethodSpec.Builder method = kernel("productBlock")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("{@code c[s][j] += Σₖ a[s][k]·b[k][j]} for rows [0, m), k0 ≤ k < k1, j0 ≤ j < j1.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "b")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "j0")
        .addParameter(TypeName.INT, "j1")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1")
        .addStatement("int s = 0");
    for (int[] block : BLOCKS) {
      int rows = rowsOf(block);
      method.beginControlFlow(rows == 1 ? CodeBlock.of("for (; s < m; s++)")
          : CodeBlock.of("for (; $Ls + $L < m; s += $L)", wide(rows), rows - 1, rows))
          .addStatement("int j = j0");
      for (int vectors : vectorsOf(block)) {
        method.beginControlFlow("for (; j + $L <= j1; j += $L)", lanes(vectors), lanes(vectors))
            .addStatement("product$Lx$L(a, b, c, s, j, k0, k1)", rows, vectors)
            .endControlFlow();
      }
      method.beginControlFlow("for (; j < j1; j++)");
      for (int r = 0; r < rows; r++) {
        method.addStatement("productTail(a[$L], b, c[$L], j, k0, k1)", row("s", r), row("s", r));
      }
      method.endControlFlow().endControlFlow();
    }
    return method.build();
  }

  /**
   * {@link #productBlock} over a packed panel: the same tiles, the same order of terms; each block of
   * rows goes across the panel in a method of its own, which keeps every method far below the
   * size at which HotSpot stops inlining into it.
   */
  private MethodSpec productPanel() {
    MethodSpec.Builder method = kernel("productPanel")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("{@code c[s][j] += Σₖ a[s][k]·p[(k − k0)·COLUMNS + j − j0]} for rows [0, m), k0 ≤ k < k1, j0 ≤ j < j1.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.vector(), "p")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "j0")
        .addParameter(TypeName.INT, "j1")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1")
        .addStatement("int s = 0");
    for (int[] block : BLOCKS) {
      int rows = rowsOf(block);
      method.beginControlFlow(rows == 1 ? CodeBlock.of("for (; s < m; s++)")
              : CodeBlock.of("for (; $Ls + $L < m; s += $L)", wide(rows), rows - 1, rows))
          .addStatement("panelRows$L(a, p, c, s, j0, j1, k0, k1)", rows)
          .endControlFlow();
    }
    return method.build();
  }

  /** One block of {@code rows} rows across a packed panel: tiles of each width in turn, then single units. */
  private MethodSpec panelRows(int[] block) {
    int rows = rowsOf(block);
    MethodSpec.Builder method = kernel("panelRows" + rows)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Rows s to s + $L of {@code productPanel}.\n", rows - 1)
        .addParameter(num.matrix(), "a")
        .addParameter(num.vector(), "p")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "s")
        .addParameter(TypeName.INT, "j0")
        .addParameter(TypeName.INT, "j1")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1")
        .addStatement("int j = j0");
    for (int vectors : vectorsOf(block)) {
      method.beginControlFlow("for (; j + $L <= j1; j += $L)", lanes(vectors), lanes(vectors))
          .addStatement("panel$Lx$L(a, p, c, s, j, j - j0, k0, k1)", rows, vectors)
          .endControlFlow();
    }
    method.beginControlFlow("for (; j < j1; j++)");
    for (int r = 0; r < rows; r++) {
      method.addStatement("panelTail(a[$L], p, c[$L], j, j - j0, k0, k1)", row("s", r), row("s", r));
    }
    return method.endControlFlow().build();
  }

  /** The driver of {@code g = aᵀ·d} and {@code gb = Σₛ d[s]}: the deltas packed, then every row. */
  private MethodSpec outer() {
    return kernel("outer")
        .addJavadoc("{@code g[i][j] = Σₛ a[s][i]·d[s][j]} and {@code gb[j] = Σₛ d[s][j]} over rows [0, m),\n")
        .addJavadoc("for i < n, j < width; a null {@code gb} (a layer without biases) is skipped. {@code rowPanel}\n")
        .addJavadoc("and {@code columnPanel} hold at least {@code m·n} and {@code m·columns(width)} scalars.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "g")
        .addParameter(num.vector(), "gb")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "n")
        .addParameter(TypeName.INT, "width")
        .addParameter(num.vector(), "rowPanel")
        .addParameter(num.vector(), "columnPanel")
        .beginControlFlow("if (gb != null)")
        .addStatement("$T.fill(gb, 0, width, $L)", ARRAYS, num.literal("0"))
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] ds = d[s]", num.scalar())
        .beginControlFlow("for (int j = 0; j < width; j++)")
        .addStatement("gb[j] += ds[j]")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .addStatement("packColumns(d, m, width, columnPanel)")
        .addStatement("outerRows(a, d, g, m, 0, n, width, rowPanel, columnPanel)")
        .build();
  }

  /** A narrow layer's gradient rows, computed {@code [out][in]}, into the optimizer's {@code [in][out]} rows. */
  private MethodSpec transposeRows() {
    return kernel("transposeRows")
        .addJavadoc("{@code t[k][j] = g[j][k]} for j < n, k < width.\n")
        .addParameter(num.matrix(), "g")
        .addParameter(num.matrix(), "t")
        .addParameter(TypeName.INT, "n")
        .addParameter(TypeName.INT, "width")
        .beginControlFlow("for (int j = 0; j < n; j++)")
        .addStatement("$T[] gj = g[j]", num.scalar())
        .beginControlFlow("for (int k = 0; k < width; k++)")
        .addStatement("t[k][j] = gj[k]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * The batch check's scan of the input values, a vector at a time: {@code v · 0} is ±0 for a finite
   * {@code v} and NaN for an infinity or NaN, and a sum of zeros stays zero while one NaN makes it NaN
   * (as {@code Checks.finiteColumns}, which the plain loops use). 0.05 ns a value from L1 against 0.22
   * for the plain scan, and 0.18 against 0.45 from memory (rows of 784, AVX-512, JDK 17); on one thread
   * the 784-128-10 batch-32 step took 2–6% less time with it, the 784-256-128-10 batch-64 step 3–5%.
   */
  private MethodSpec finiteColumns() {
    TypeName t = num.scalar();
    String zero = num.literal("0.0");
    return kernel("finiteColumns")
        .addJavadoc("Whether the values in columns {@code [from, to)} of rows {@code [0, m)} are all finite.\n")
        .returns(TypeName.BOOLEAN)
        .addParameter(num.matrix(), "rows")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .addStatement("$T sum = $L", t, zero)
        .addStatement("int end = from + SPECIES.loopBound(to - from)")
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] row = rows[s]", t)
        // One sum per row: carried from row to row, C2 (JDK 17) allocated it in the parts of a split step.
        .addStatement("$T sums = $T.zero(SPECIES)", vector, vector)
        .addStatement("int c = from")
        .beginControlFlow("for (; c < end; c += LANES)")
        .addStatement("sums = sums.add($T.fromArray(SPECIES, row, c).mul($L))", vector, zero)
        .endControlFlow()
        .addStatement("sum += sums.reduceLanes($T.ADD)", ClassName.get("jdk.incubator.vector", "VectorOperators"))
        .beginControlFlow("for (; c < to; c++)")
        .addStatement("sum += row[c] * $L", zero)
        .endControlFlow()
        .endControlFlow()
        .addStatement("return sum == $L", zero)
        .build();
  }

  /** Scalars per row of the batch in a column panel of {@code width} columns: whole cache blocks. */
  private MethodSpec columns() {
    return kernel("columns")
        .addJavadoc("{@code width} rounded up to whole {@code COLUMNS}: the scalars a row of the batch takes in a column panel.\n")
        .returns(TypeName.INT)
        .addParameter(TypeName.INT, "width")
        .addStatement("return (width + COLUMNS - 1) / COLUMNS * COLUMNS")
        .build();
  }

  /**
   * The deltas packed by cache block of columns: each block's rows one after the other, so that a
   * gradient tile streams its strip of them instead of touching a row array per sample.
   */
  private MethodSpec packColumns() {
    return kernel("packColumns")
        .addJavadoc("{@code panel[(j0/COLUMNS)·m·COLUMNS + s·COLUMNS + j − j0] = d[s][j]}, block j0 by block, for rows\n")
        .addJavadoc("[0, m) and j < width; once per pass, before {@code outerRows}; nothing below {@code PACK_ROWS} rows.\n")
        .addParameter(num.matrix(), "d")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "width")
        .addParameter(num.vector(), "panel")
        .beginControlFlow("if (m < PACK_ROWS)")
        .addStatement("return") // outerRows then reads them in place
        .endControlFlow()
        .beginControlFlow("for (int j0 = 0; j0 < width; j0 += COLUMNS)")
        .addStatement("int base = j0 * m")
        .addStatement("int count = $T.min(width, j0 + COLUMNS) - j0", Math.class)
        .beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T.arraycopy(d[s], j0, panel, base + s * COLUMNS, count)", System.class)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * Rows {@code [from, to)} of a's columns packed tile by tile, in the tiles' own order: a tile of R
   * rows from row i finds its R values of sample s at {@code (i − from)·m + s·R}, side by side.
   */
  private MethodSpec packRows() {
    MethodSpec.Builder method = kernel("packRows")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("{@code panel[(i − from)·m + s·R + r] = a[s][i + r]} for each tile of R rows from row i that\n")
        .addJavadoc("{@code outerBlock} takes in [from, to), for rows [0, m) of the batch.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .addParameter(num.vector(), "panel")
        .addStatement("int i = from");
    for (int[] block : OUTER_BLOCKS) {
      int rows = rowsOf(block);
      method.beginControlFlow(rows == 1 ? CodeBlock.of("for (; i < to; i++)")
          : CodeBlock.of("for (; i + $L < to; i += $L)", rows - 1, rows))
          .beginControlFlow("for (int s = 0, q = (i - from) * m; s < m; s++, q += $L)", rows)
          .addStatement("$T[] as = a[s]", num.scalar());
      for (int r = 0; r < rows; r++) {
        method.addStatement("panel[$L] = as[$L]", row("q", r), row("i", r));
      }
      method.endControlFlow().endControlFlow();
    }
    return method.build();
  }

  /** Gradient rows {@code [from, to)} alone, for a layer that hands them to the optimizer block by block. */
  private MethodSpec outerRows() {
    return kernel("outerRows")
        .addJavadoc("{@code g[i][j] = Σₛ a[s][i]·d[s][j]} over rows [0, m), for from ≤ i < to, j < width: from\n")
        .addJavadoc("{@code PACK_ROWS} rows on, with the deltas already in {@code columnPanel} ({@code packColumns}) and\n")
        .addJavadoc("a's rows packed into {@code rowPanel} (at least {@code m·(to − from)} scalars); below, in place.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "g")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .addParameter(TypeName.INT, "width")
        .addParameter(num.vector(), "rowPanel")
        .addParameter(num.vector(), "columnPanel")
        .beginControlFlow("if (m < PACK_ROWS)")
        .beginControlFlow("for (int j0 = 0; j0 < width; j0 += COLUMNS)")
        .addStatement("outerBlock(a, d, g, m, from, to, j0, $T.min(width, j0 + COLUMNS))", Math.class)
        .endControlFlow()
        .addStatement("return")
        .endControlFlow()
        .addStatement("packRows(a, m, from, to, rowPanel)")
        .beginControlFlow("for (int j0 = 0; j0 < width; j0 += COLUMNS)")
        .addStatement("outerPanel(rowPanel, columnPanel, g, m, from, to, j0, $T.min(width, j0 + COLUMNS))",
            Math.class)
        .endControlFlow()
        .build();
  }

  /** Gradient columns {@code j0 ≤ j < j1} of every row: blocks of gradient rows, each across in tiles. */
  private MethodSpec outerBlock() {
    MethodSpec.Builder method = kernel("outerBlock")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("{@code g[i][j] = Σₛ a[s][i]·d[s][j]} over rows [0, m), for from ≤ i < to, j0 ≤ j < j1.\n")
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "g")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .addParameter(TypeName.INT, "j0")
        .addParameter(TypeName.INT, "j1")
        .addStatement("int i = from");
    for (int[] block : OUTER_BLOCKS) {
      int rows = rowsOf(block);
      method.beginControlFlow(rows == 1 ? CodeBlock.of("for (; i < to; i++)")
          : CodeBlock.of("for (; i + $L < to; i += $L)", rows - 1, rows))
          .addStatement("int j = j0");
      for (int vectors : vectorsOf(block)) {
        method.beginControlFlow("for (; $Lj + $L <= j1; j += $L)", wideTile(rows, vectors), lanes(vectors),
                lanes(vectors))
            .addStatement("outer$Lx$L(a, d, g, i, j, m)", rows, vectors)
            .endControlFlow();
      }
      method.beginControlFlow("for (; j < j1; j++)");
      for (int r = 0; r < rows; r++) {
        method.addStatement("outerTail(a, d, g[$L], $L, j, m)", row("i", r), row("i", r));
      }
      method.endControlFlow().endControlFlow();
    }
    return method.build();
  }

  /** {@link #outerBlock} over the packed rows of a and deltas: the same tiles, the same order of terms. */
  private MethodSpec outerPanel() {
    MethodSpec.Builder method = kernel("outerPanel")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("{@code g[i][j] = Σₛ a[s][i]·d[s][j]} over rows [0, m), for from ≤ i < to, j0 ≤ j < j1, from the\n")
        .addJavadoc("packed rows of a ({@code packRows}) and deltas ({@code packColumns}).\n")
        .addParameter(num.vector(), "ap")
        .addParameter(num.vector(), "dp")
        .addParameter(num.matrix(), "g")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "to")
        .addParameter(TypeName.INT, "j0")
        .addParameter(TypeName.INT, "j1")
        .addStatement("int i = from");
    for (int[] block : OUTER_BLOCKS) {
      int rows = rowsOf(block);
      method.beginControlFlow(rows == 1 ? CodeBlock.of("for (; i < to; i++)")
          : CodeBlock.of("for (; i + $L < to; i += $L)", rows - 1, rows))
          .addStatement("int at = (i - from) * m")
          .addStatement("int j = j0");
      for (int vectors : vectorsOf(block)) {
        method.beginControlFlow("for (; $Lj + $L <= j1; j += $L)", wideTile(rows, vectors), lanes(vectors),
                lanes(vectors))
            .addStatement("outerPacked$Lx$L(ap, at, dp, j0 * m + j - j0, g, i, j, m)", rows, vectors)
            .endControlFlow();
      }
      method.beginControlFlow("for (; j < j1; j++)");
      for (int r = 0; r < rows; r++) {
        method.addStatement("outerPackedTail(ap, $L, $L, dp, j0 * m + j - j0, g[$L], j, m)", row("at", r), rows, row("i", r));
      }
      method.endControlFlow().endControlFlow();
    }
    return method.build();
  }

  /**
   * {@code rows} rows of c from row s by {@code vectors} vectors from column j: the accumulators
   * start from c, take one multiply-add per row and vector for every k, and are stored back once.
   */
  private MethodSpec productTile(int rows, int vectors) {
    MethodSpec.Builder method = kernel("product" + rows + "x" + vectors)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("A tile of $L row$L × $L vector$L: {@code c[s + r][j..] += Σₖ a[s + r][k]·b[k][j..]}, k0 ≤ k < k1.\n",
            rows, plural(rows), vectors, plural(vectors))
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "b")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "s")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1");
    loadRowAccumulators(method, rows, vectors);
    method.beginControlFlow("for (int k = k0; k < k1; k++)")
        .addStatement("$T[] bk = b[k]", num.scalar());
    loadVectors(method, vectors, "bk", "j");
    multiplyAdds(method, rows, vectors, r -> "a" + r + "[k]");
    method.endControlFlow();
    storeAccumulators(method, rows, vectors, r -> "c" + r);
    return method.build();
  }

  /**
   * {@link #productTile} reading b from a packed panel: column j of c is column {@code q} of the
   * panel, and row k of the block is {@code COLUMNS} scalars further than row k − 1.
   */
  private MethodSpec panelTile(int rows, int vectors) {
    MethodSpec.Builder method = kernel("panel" + rows + "x" + vectors)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("A tile of $L row$L × $L vector$L: {@code c[s + r][j..] += Σₖ a[s + r][k]·p[(k − k0)·COLUMNS + q..]}.\n",
            rows, plural(rows), vectors, plural(vectors))
        .addParameter(num.matrix(), "a")
        .addParameter(num.vector(), "p")
        .addParameter(num.matrix(), "c")
        .addParameter(TypeName.INT, "s")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "q")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1");
    loadRowAccumulators(method, rows, vectors);
    method.beginControlFlow("for (int k = k0; k < k1; k++, q += COLUMNS)");
    loadVectors(method, vectors, "p", "q");
    multiplyAdds(method, rows, vectors, r -> "a" + r + "[k]");
    method.endControlFlow();
    storeAccumulators(method, rows, vectors, r -> "c" + r);
    return method.build();
  }

  /**
   * {@code rows} gradient rows from row i by {@code vectors} vectors from column j: the sum over the
   * batch is accumulated in registers and then overwrites the gradient.
   */
  private MethodSpec outerTile(int rows, int vectors) {
    MethodSpec.Builder method = kernel("outer" + rows + "x" + vectors)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("A tile of $L gradient row$L × $L vector$L: {@code g[i + r][j..] = Σₛ a[s][i + r]·d[s][j..]}.\n",
            rows, plural(rows), vectors, plural(vectors))
        .addParameter(num.matrix(), "a")
        .addParameter(num.matrix(), "d")
        .addParameter(num.matrix(), "g")
        .addParameter(TypeName.INT, "i")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "m");
    zeroAccumulators(method, rows, vectors);
    method.beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement("$T[] as = a[s], ds = d[s]", num.scalar());
    loadVectors(method, vectors, "ds", "j");
    multiplyAdds(method, rows, vectors, r -> "as[" + row("i", r) + "]");
    method.endControlFlow();
    storeAccumulators(method, rows, vectors, r -> "g[" + row("i", r) + "]");
    return method.build();
  }

  /** {@link #outerTile} over the packed rows of a and deltas. */
  private MethodSpec outerPackedTile(int rows, int vectors) {
    MethodSpec.Builder method = kernel("outerPacked" + rows + "x" + vectors)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("A tile of $L gradient row$L × $L vector$L: {@code g[i + r][j..] = Σₛ a[s][i + r]·d[s][j..]}, with\n",
            rows, plural(rows), vectors, plural(vectors))
        .addJavadoc("{@code a[s][i + r]} at {@code ap[at + s·$L + r]} and {@code d[s][j..]} at {@code dp[q + s·COLUMNS..]}.\n", rows)
        .addParameter(num.vector(), "ap")
        .addParameter(TypeName.INT, "at")
        .addParameter(num.vector(), "dp")
        .addParameter(TypeName.INT, "q")
        .addParameter(num.matrix(), "g")
        .addParameter(TypeName.INT, "i")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "m");
    zeroAccumulators(method, rows, vectors);
    method.beginControlFlow("for (int s = 0; s < m; s++, at += $L, q += COLUMNS)", rows);
    loadVectors(method, vectors, "dp", "q");
    multiplyAdds(method, rows, vectors, r -> "ap[" + row("at", r) + "]");
    method.endControlFlow();
    storeAccumulators(method, rows, vectors, r -> "g[" + row("i", r) + "]");
    return method.build();
  }

  /** The rows of a and c a product tile works on, and its accumulators loaded from c. */
  private void loadRowAccumulators(MethodSpec.Builder method, int rows, int vectors) {
    for (int r = 0; r < rows; r++) {
      method.addStatement("$T[] a$L = a[$L], c$L = c[$L]", num.scalar(), r, row("s", r), r, row("s", r));
    }
    for (int r = 0; r < rows; r++) {
      for (int v = 0; v < vectors; v++) {
        method.addStatement("$T s$L$L = $T.fromArray(SPECIES, c$L, $L)", vector, r, v, vector, r, column(v));
      }
    }
  }

  /** A gradient tile's accumulators, all zero. */
  private void zeroAccumulators(MethodSpec.Builder method, int rows, int vectors) {
    List<String> zero = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int v = 0; v < vectors; v++) {
        zero.add("s" + r + v + " = " + (r + v == 0 ? "$T.zero(SPECIES)" : "s00"));
      }
    }
    method.addStatement("$T " + String.join(", ", zero), vector, vector);
  }

  /** {@code v0, v1, …}: the tile's vectors of one step, from {@code array} at {@code base} onwards. */
  private void loadVectors(MethodSpec.Builder method, int vectors, String array, String base) {
    for (int v = 0; v < vectors; v++) {
      method.addStatement("$T v$L = $T.fromArray(SPECIES, $L, $L)", vector, v, vector, array, offset(base, v));
    }
  }

  /** One step of a tile: each row's scalar broadcast, times every vector, added to its accumulators. */
  private void multiplyAdds(MethodSpec.Builder method, int rows, int vectors,
      java.util.function.IntFunction<String> scalar) {
    for (int r = 0; r < rows; r++) {
      broadcast(method, r, scalar.apply(r));
      for (int v = 0; v < vectors; v++) {
        method.addStatement("s$L$L = x.fma(v$L, s$L$L)", r, v, v, r, v);
      }
    }
  }

  private static String plural(int count) {
    return count == 1 ? "" : "s";
  }

  private MethodSpec productTail() {
    return kernel("productTail")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("One unit left over after the vectors: {@code c[j] += Σₖ a[k]·b[k][j]}, k0 ≤ k < k1.\n")
        .addParameter(num.vector(), "a")
        .addParameter(num.matrix(), "b")
        .addParameter(num.vector(), "c")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1")
        .addStatement("$T sum = c[j]", num.scalar())
        .beginControlFlow("for (int k = k0; k < k1; k++)")
        .addStatement("sum += a[k] * b[k][j]")
        .endControlFlow()
        .addStatement("c[j] = sum")
        .build();
  }

  private MethodSpec panelTail() {
    return kernel("panelTail")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("One unit left over after the vectors: {@code c[j] += Σₖ a[k]·p[(k − k0)·COLUMNS + q]}, k0 ≤ k < k1.\n")
        .addParameter(num.vector(), "a")
        .addParameter(num.vector(), "p")
        .addParameter(num.vector(), "c")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "q")
        .addParameter(TypeName.INT, "k0")
        .addParameter(TypeName.INT, "k1")
        .addStatement("$T sum = c[j]", num.scalar())
        .beginControlFlow("for (int k = k0; k < k1; k++, q += COLUMNS)")
        .addStatement("sum += a[k] * p[q]")
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

  private MethodSpec outerPackedTail() {
    return kernel("outerPackedTail")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("One unit left over after the vectors: {@code g[j] = Σₛ ap[at + s·rows]·dp[q + s·COLUMNS]}.\n")
        .addParameter(num.vector(), "ap")
        .addParameter(TypeName.INT, "at")
        .addParameter(TypeName.INT, "rows")
        .addParameter(num.vector(), "dp")
        .addParameter(TypeName.INT, "q")
        .addParameter(num.vector(), "g")
        .addParameter(TypeName.INT, "j")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T sum = $L", num.scalar(), num.literal("0"))
        .beginControlFlow("for (int s = 0; s < m; s++, at += rows, q += COLUMNS)")
        .addStatement("sum += ap[at] * dp[q]")
        .endControlFlow()
        .addStatement("g[j] = sum")
        .build();
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

  private static String row(String base, int r) {
    return r == 0 ? base : base + " + " + r;
  }

  /** The bound step of a tile of {@code vectors} vectors. */
  private static String lanes(int vectors) {
    return vectors == 1 ? "LANES" : vectors + " * LANES";
  }

  private static String offset(String base, int v) {
    return v == 0 ? base : base + " + " + (v == 1 ? "LANES" : v + " * LANES");
  }

  private static String column(int v) {
    return offset("j", v);
  }

  /**
   * {@code d[s][j] *= f'(z[s][j])} in vectors, with the scalar derivative for the last few units: the
   * same bits as the looped slope, which C2 leaves scalar because it chooses by {@code z > 0}.
   */
  private MethodSpec slope(Activation activation) {
    return slope(activation, false);
  }

  /**
   * {@code d[s][j] *= keep[s][j]·f'(z[s][j])}, the slope of a trainer step with dropout: the product
   * of the two multipliers first, as the looped slope takes it, so the bits are the same.
   */
  private MethodSpec keptSlope(Activation activation) {
    return slope(activation, true);
  }

  private MethodSpec slope(Activation activation, boolean kept) {
    return slope(activation, kept, false);
  }

  /**
   * With {@code ranged}, over columns {@code from ≤ j < to} only (a part's units of a split step);
   * without, the whole-row kernel of every other pass, generated exactly as before the split.
   */
  private MethodSpec slope(Activation activation, boolean kept, boolean ranged) {
    String function = ActivationFunctions.functionName(activation);
    String name = kept ? keptSlopeName(activation) : slopeName(activation);
    MethodSpec.Builder method = kernel(ranged ? rangeName(name) : name)
        .addJavadoc(ranged ? "{@code d[s][j] *= $L$L'(z[s][j])} (a = $L(z)) for rows [0, m) and from ≤ j < to.\n"
            : "{@code d[s][j] *= $L$L'(z[s][j])} (a = $L(z)) for rows [0, m) and j < n.\n",
            kept ? "keep[s][j]·" : "", function, function)
        .addParameter(num.matrix(), "d");
    if (kept) {
      method.addParameter(num.matrix(), "keep");
    }
    CodeBlock slope = kept ? CodeBlock.of("$T.fromArray(SPECIES, ks, j).mul(slope)", vector) : CodeBlock.of("slope");
    method.addParameter(num.matrix(), "z")
        .addParameter(num.matrix(), "a")
        .addParameter(TypeName.INT, "m");
    if (ranged) {
      method.addParameter(TypeName.INT, "from")
          .addParameter(TypeName.INT, "to")
          .addStatement("int bound = from + SPECIES.loopBound(to - from)");
    } else {
      method.addParameter(TypeName.INT, "n")
          .addStatement("int bound = SPECIES.loopBound(n)");
    }
    return method.beginControlFlow("for (int s = 0; s < m; s++)")
        .addStatement(kept ? "$T[] ds = d[s], ks = keep[s], zs = z[s], as = a[s]" : "$T[] ds = d[s], zs = z[s], as = a[s]",
            num.scalar())
        .addStatement(ranged ? "int j = from" : "int j = 0")
        .beginControlFlow("for (; j < bound; j += LANES)")
        .addStatement("$T slope = $L", vector, VectorClass.slope(activation, num,
            CodeBlock.of("$T.fromArray(SPECIES, zs, j)", vector), CodeBlock.of("$T.fromArray(SPECIES, as, j)", vector)))
        .addStatement("$T.fromArray(SPECIES, ds, j).mul($L).intoArray(ds, j)", vector, slope)
        .endControlFlow()
        .beginControlFlow(ranged ? "for (; j < to; j++)" : "for (; j < n; j++)")
        .addStatement("ds[j] *= $L$L(zs[j], as[j])", kept ? "ks[j] * " : "", ActivationFunctions.derivativeName(activation))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** The kernel {@code name} over a run of columns: {@code reluSlopeRange}. */
  static String rangeName(String name) {
    return name + "Range";
  }


  private static MethodSpec.Builder kernel(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.STATIC);
  }
}
