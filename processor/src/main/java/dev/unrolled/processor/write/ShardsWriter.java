package dev.unrolled.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * The trainer's nested {@code Shards}: for data-parallel training ({@code dev.unrolled.Parallelism}),
 * one workspace per shard of a batch and the work {@code ShardedStep} runs on each. Shard 0 is the
 * trainer's own workspace, which also holds a batch given as arrays; the other shards use runs of
 * its rows, or load their own rows straight from a {@code Dataset}.
 */
final class ShardsWriter {

  private final Numeric num;
  private final ClassName model;
  private final ClassName workspace;

  ShardsWriter(Numeric num, ClassName model) {
    this.num = num;
    this.model = model;
    this.workspace = model.nestedClass("Workspace");
  }

  TypeSpec write() {
    return TypeSpec.classBuilder("Shards")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(RuntimeTypes.SHARDED_STEP.nestedClass("Work"))
        .addJavadoc("The shards of a batch, one workspace each; shard 0 is the trainer's own workspace.\n")
        .addField(model, "model", Modifier.PRIVATE, Modifier.FINAL)
        .addField(ArrayTypeName.of(workspace), "workspaces", Modifier.PRIVATE, Modifier.FINAL)
        .addField(FieldSpec.builder(RuntimeTypes.DATASET, "data", Modifier.PRIVATE)
            .addJavadoc("Where each shard loads its rows during a dataset batch; null when the batch is in shard 0.\n")
            .build())
        .addField(ArrayTypeName.of(TypeName.INT), "rows", Modifier.PRIVATE)
        .addField(TypeName.INT, "offset", Modifier.PRIVATE)
        .addMethod(constructor())
        .addMethod(MethodSpec.methodBuilder("select")
            .addJavadoc("Rows {@code rows[offset..)} of {@code data} for the next batch; {@code null} for the batch in shard 0.\n")
            .addParameter(RuntimeTypes.DATASET, "data")
            .addParameter(ArrayTypeName.of(TypeName.INT), "rows")
            .addParameter(TypeName.INT, "offset")
            .addStatement("this.data = data")
            .addStatement("this.rows = rows")
            .addStatement("this.offset = offset")
            .build())
        .addMethod(gradientRows())
        .addMethod(run())
        .addMethod(MethodSpec.methodBuilder("correct")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addParameter(TypeName.INT, "shard")
            .addStatement("return workspaces[shard].correct")
            .build())
        .build();
  }

  private MethodSpec constructor() {
    return MethodSpec.constructorBuilder()
        .addJavadoc("{@code count} shards of batches up to {@code capacity} rows, the first in {@code first}.\n")
        .addParameter(model, "model")
        .addParameter(workspace, "first")
        .addParameter(TypeName.INT, "count")
        .addParameter(TypeName.INT, "capacity")
        .addStatement("this.model = model")
        .addStatement("this.workspaces = new $T[count]", workspace)
        .addStatement("workspaces[0] = first")
        .beginControlFlow("for (int k = 1; k < count; k++)")
        .addStatement("workspaces[k] = new $T((capacity + count - 1) / count)", workspace)
        .addStatement("workspaces[k].ensureTraining()")
        .endControlFlow()
        .build();
  }

  private MethodSpec gradientRows() {
    ArrayTypeName sets = ArrayTypeName.of(num.matrix());
    return MethodSpec.methodBuilder("gradientRows")
        .addJavadoc("Each shard's gradient rows, in the order of the model's parameter rows.\n")
        .returns(sets)
        .addStatement("$T sets = new $T[workspaces.length][][]", sets, num.scalar())
        .beginControlFlow("for (int k = 0; k < workspaces.length; k++)")
        .addStatement("sets[k] = workspaces[k].gradientRows()")
        .endControlFlow()
        .addStatement("return sets")
        .build();
  }

  private MethodSpec run() {
    return MethodSpec.methodBuilder("run")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Forward, loss and (when training, on a finite loss) backward on the shard's rows.\n")
        .returns(TypeName.DOUBLE)
        .addParameter(TypeName.INT, "shard")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "m")
        .addParameter(TypeName.BOOLEAN, "training")
        .addStatement("$T ws = workspaces[shard]", workspace)
        .addStatement("ws.ensureCapacity(m)")
        .beginControlFlow("if (data != null)")
        .addStatement("ws.loadRows(data, rows, offset + from, m)")
        .nextControlFlow("else if (shard > 0)")
        .addStatement("ws.shareRows(workspaces[0], from, m)")
        .endControlFlow()
        .addStatement("ws.forward(model, m)")
        .addStatement("double loss = ws.loss(m, training)")
        .beginControlFlow("if (training && $T.isFinite(loss))", Double.class)
        .addStatement("ws.backward(model, m)")
        .endControlFlow()
        .addStatement("return loss")
        .build();
  }
}
