package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.unrolled.Architecture.Block;
import dev.unrolled.processor.plan.LayerPlan;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * How a layer keeps its matrix block ({@code W}, or the RBF centres {@code C}) and the gradient of
 * it, and how that storage maps to the flat contract layout ({@code W[j][i]} at
 * {@code offset + j·in + i}, then the vector block). Unrolled kernels read one flat array at
 * constant offsets; loops want transposed rows {@code w[i][j]} so their inner loops run
 * contiguously over the outputs.
 */
enum Storage {
  /** {@code W[out][in]} row-major in one array: the flat layout itself. */
  FLAT {
    @Override
    ArrayTypeName type(Numeric num) {
      return num.vector();
    }

    @Override
    CodeBlock allocate(LayerPlan layer, Numeric num) {
      return CodeBlock.of("new $T[$L]", num.scalar(), layer.weightCount());
    }

    @Override
    int rows(LayerPlan layer) {
      return 1;
    }

    @Override
    String initialiser() {
      return "uniform";
    }

    @Override
    CodeBlock exportMatrix(LayerPlan layer, String dst, String matrix) {
      return CodeBlock.builder().beginControlFlow("for (int k = 0; k < $L; k++)", layer.weightCount())
          .addStatement("$L[$L] = $L[k]", dst, plus(layer.weightOffset(), "k"), matrix)
          .endControlFlow().build();
    }

    @Override
    CodeBlock importMatrix(LayerPlan layer, String cast, String src, String matrix) {
      return CodeBlock.builder().beginControlFlow("for (int k = 0; k < $L; k++)", layer.weightCount())
          .addStatement("$L[k] = $L$L[$L]", matrix, cast, src, plus(layer.weightOffset(), "k"))
          .endControlFlow().build();
    }

    @Override
    CodeBlock eachRow(LayerPlan layer, Function<String, CodeBlock> statement, String matrix) {
      return CodeBlock.builder().addStatement(statement.apply(matrix)).build();
    }

    @Override
    String rowIndex() {
      return "";
    }
  },

  /** Transposed rows {@code w[i][j] = W[j][i]}: one row per input. */
  TRANSPOSED {
    @Override
    ArrayTypeName type(Numeric num) {
      return num.matrix();
    }

    @Override
    CodeBlock allocate(LayerPlan layer, Numeric num) {
      return CodeBlock.of("new $T[$L][$L]", num.scalar(), layer.inputs(), layer.outputs());
    }

    @Override
    int rows(LayerPlan layer) {
      return layer.inputs();
    }

    @Override
    String initialiser() {
      return "uniformTransposed";
    }

    @Override
    CodeBlock exportMatrix(LayerPlan layer, String dst, String matrix) {
      return eachElement(layer, CodeBlock.of("$L[$L] = $L[i][j]", dst, flatIndex(layer), matrix));
    }

    @Override
    CodeBlock importMatrix(LayerPlan layer, String cast, String src, String matrix) {
      return eachElement(layer, CodeBlock.of("$L[i][j] = $L$L[$L]", matrix, cast, src, flatIndex(layer)));
    }

    private static CodeBlock eachElement(LayerPlan layer, CodeBlock statement) {
      return CodeBlock.builder().beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
          .beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
          .addStatement(statement)
          .endControlFlow()
          .endControlFlow().build();
    }

    private static String flatIndex(LayerPlan layer) {
      return plus(layer.weightOffset(), "j * " + layer.inputs() + " + i");
    }

    @Override
    CodeBlock eachRow(LayerPlan layer, Function<String, CodeBlock> statement, String matrix) {
      return CodeBlock.builder().beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
          .addStatement(statement.apply(matrix + "[i]"))
          .endControlFlow().build();
    }

    @Override
    String rowIndex() {
      return "i";
    }
  };

  /** The Java type of the matrix storage. */
  abstract ArrayTypeName type(Numeric num);

  /** {@code new float[…]} of the matrix storage. */
  abstract CodeBlock allocate(LayerPlan layer, Numeric num);

  /** Rows an optimizer sees for the matrix block. */
  abstract int rows(LayerPlan layer);

  /** The {@code WeightInit} method that draws into this storage in flat order. */
  abstract String initialiser();

  /** {@code dst[flat] = matrix} for the layer's matrix block. */
  abstract CodeBlock exportMatrix(LayerPlan layer, String dst, String matrix);

  /** {@code matrix = cast src[flat]} for the layer's matrix block. */
  abstract CodeBlock importMatrix(LayerPlan layer, String cast, String src, String matrix);

  /** {@code statement} of each optimizer row of the matrix ({@code w1}, or {@code w1[i]} in a loop). */
  abstract CodeBlock eachRow(LayerPlan layer, Function<String, CodeBlock> statement, String matrix);

  /** The matrix field of the model, with its Javadoc. */
  FieldSpec field(LayerPlan layer, Numeric num, String name, String javadoc, Object... args) {
    return FieldSpec.builder(type(num), name, Modifier.FINAL)
        .addJavadoc(javadoc, args)
        .initializer(allocate(layer, num))
        .build();
  }

  /** {@code dst[flat] = storage} for the whole layer: its matrix, then its vector blocks in order. */
  CodeBlock export(LayerPlan layer, String dst, String matrix, List<String> vectors) {
    CodeBlock.Builder code = CodeBlock.builder().add(exportMatrix(layer, dst, matrix));
    for (int k = 0; k < vectors.size(); k++) {
      code.beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
          .addStatement("$L[$L + j] = $L[j]", dst, vectorOffset(layer, k), vectors.get(k))
          .endControlFlow();
    }
    return code.build();
  }

  /** {@code storage = src[flat]} for the whole layer, narrowed to the storage precision. */
  CodeBlock importFrom(LayerPlan layer, Numeric num, String src, String matrix, List<String> vectors) {
    String cast = num.isFloat() ? "(float) " : "";
    CodeBlock.Builder code = CodeBlock.builder().add(importMatrix(layer, cast, src, matrix));
    for (int k = 0; k < vectors.size(); k++) {
      code.beginControlFlow("for (int j = 0; j < $L; j++)", layer.outputs())
          .addStatement("$L[j] = $L$L[$L + j]", vectors.get(k), cast, src, vectorOffset(layer, k))
          .endControlFlow();
    }
    return code.build();
  }

  /** Where vector block {@code k} after the matrix starts in the flat layout. */
  private static int vectorOffset(LayerPlan layer, int k) {
    return layer.biasOffset() + k * layer.outputs();
  }

  /**
   * {@code rows[first…]} = the layer's rows, the matrix rows and then the vectors, at constant
   * positions so that deep networks can fill them in groups of layers.
   */
  CodeBlock rows(LayerPlan layer, int first, String matrix, List<String> vectors) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add(eachRow(layer, row -> CodeBlock.of("rows[$L] = $L", plus(first, rowIndex()), row), matrix));
    for (int k = 0; k < vectors.size(); k++) {
      code.addStatement("rows[$L] = $L", first + rows(layer) + k, vectors.get(k));
    }
    return code.build();
  }

  /** Marks the rows of the layer's decayed blocks, from {@code first}; the others stay false. */
  CodeBlock decayedRows(LayerPlan layer, int first) {
    CodeBlock.Builder code = CodeBlock.builder();
    int row = first;
    for (Block block : layer.span().blocks()) {
      int rows = block.matrix() ? rows(layer) : 1;
      if (block.decayed()) {
        code.addStatement(rows == 1 ? CodeBlock.of("decayed[$L] = true", row)
            : CodeBlock.of("$T.fill(decayed, $L, $L, true)", Arrays.class, row, row + rows));
      }
      row += rows;
    }
    return code.build();
  }

  /** The index of a matrix row inside {@link #eachRow}: none for one flat row, the loop's {@code i}. */
  abstract String rowIndex();

  /** Rows an optimizer sees for the layer: the matrix rows and the vectors. */
  int rowCount(LayerPlan layer) {
    return rows(layer) + layer.span().vectors().size();
  }

  /** {@code offset + index}, or just the index for the first layer. */
  private static String plus(int offset, String index) {
    return index.isEmpty() ? Integer.toString(offset) : offset == 0 ? index : offset + " + " + index;
  }
}
