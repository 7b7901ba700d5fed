package dev.unrolled.parity;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import dev.unrolled.reference.ReferenceMlp;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * One declared network: what it was declared with (for the reference), the generated model's
 * constants, and the generated constructors as plain method references.
 */
final class NetCase {
  final String name;
  final Precision precision;
  final Loss loss;
  final int[] sizes; // inputs, then the units of every layer
  final Activation[] activations; // one per layer
  final int inputsConstant;
  final int outputsConstant;
  final int parametersConstant;
  private final LongFunction<? extends Model> modelFactory;
  private final BiFunction<Model, Optimizer, Trainer> trainerFactory;

  private NetCase(String name, Precision precision, Loss loss, int[] sizes, Activation[] activations,
      int inputsConstant, int outputsConstant, int parametersConstant,
      LongFunction<? extends Model> modelFactory,
      BiFunction<Model, Optimizer, Trainer> trainerFactory) {
    this.name = name;
    this.precision = precision;
    this.loss = loss;
    this.sizes = sizes;
    this.activations = activations;
    this.inputsConstant = inputsConstant;
    this.outputsConstant = outputsConstant;
    this.parametersConstant = parametersConstant;
    this.modelFactory = modelFactory;
    this.trainerFactory = trainerFactory;
  }

  static <M extends Model> NetCase of(String name, Precision precision, Loss loss, int[] sizes,
      Activation[] activations, int inputsConstant, int outputsConstant, int parametersConstant,
      LongFunction<M> model, BiFunction<M, Optimizer, ? extends Trainer> trainer) {
    return new NetCase(name, precision, loss, sizes, activations,
        inputsConstant, outputsConstant, parametersConstant, model,
        (m, optimizer) -> trainer.apply(narrow(m), optimizer));
  }

  /** Only models made by this case's own factory reach its trainer factory. */
  @SuppressWarnings("unchecked")
  private static <M extends Model> M narrow(Model model) {
    return (M) model;
  }

  Model newModel(long seed) {
    return modelFactory.apply(seed);
  }

  Trainer newTrainer(Model model, Optimizer optimizer) {
    return trainerFactory.apply(model, optimizer);
  }

  ReferenceMlp newReference() {
    return new ReferenceMlp(sizes, activations, loss);
  }

  int inputs() {
    return sizes[0];
  }

  int outputs() {
    return sizes[sizes.length - 1];
  }

  boolean isFloat() {
    return precision == Precision.FLOAT;
  }

  @Override
  public String toString() {
    return name + " " + Arrays.toString(sizes) + " " + Arrays.toString(activations) + " " + loss
        + " " + precision;
  }
}
