package dev.unrolled.processor.write;

import com.palantir.javapoet.ClassName;
import dev.unrolled.Architecture;
import dev.unrolled.Dataset;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Parallelism;
import dev.unrolled.Trainer;
import dev.unrolled.train.TrainerState;
import dev.unrolled.support.BatchWorkspace;
import dev.unrolled.support.Checks;
import dev.unrolled.support.FastMath;
import dev.unrolled.support.GuardedUpdate;
import dev.unrolled.support.ReadyRows;
import dev.unrolled.support.RunningEstimates;
import dev.unrolled.support.TrainingCore;
import dev.unrolled.support.VectorSupport;
import dev.unrolled.support.WeightInit;
import dev.unrolled.train.Dropout;

/**
 * The runtime types generated code names, taken from the classes themselves: a runtime type that
 * moves or is renamed breaks the processor's build, not a user's generated code.
 */
final class RuntimeTypes {
  static final ClassName MODEL = ClassName.get(Model.class);
  static final ClassName TRAINER = ClassName.get(Trainer.class);
  static final ClassName TRAINER_STATE = ClassName.get(TrainerState.class);
  static final ClassName OPTIMIZER = ClassName.get(Optimizer.class);
  static final ClassName DATASET = ClassName.get(Dataset.class);
  static final ClassName PARALLELISM = ClassName.get(Parallelism.class);
  static final ClassName ARCHITECTURE = ClassName.get(Architecture.class);
  static final ClassName CHECKS = ClassName.get(Checks.class);
  static final ClassName FAST_MATH = ClassName.get(FastMath.class);
  static final ClassName GUARDED_UPDATE = ClassName.get(GuardedUpdate.class);
  static final ClassName READY_ROWS = ClassName.get(ReadyRows.class);
  static final ClassName BATCH_WORKSPACE = ClassName.get(BatchWorkspace.class);
  static final ClassName TRAINING_CORE = ClassName.get(TrainingCore.class);
  static final ClassName VECTOR_SUPPORT = ClassName.get(VectorSupport.class);
  static final ClassName WEIGHT_INIT = ClassName.get(WeightInit.class);
  static final ClassName RUNNING_ESTIMATES = ClassName.get(RunningEstimates.class);
  static final ClassName DROPOUT = ClassName.get(Dropout.class);

  private RuntimeTypes() {}
}
