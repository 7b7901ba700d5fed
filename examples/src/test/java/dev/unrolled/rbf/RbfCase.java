package dev.unrolled.rbf;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import dev.unrolled.reference.ReferenceRbf;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/** One declared RBF network: what it was declared with, its generated constants and constructors. */
final class RbfCase {
  final String name;
  final Precision precision;
  final Loss loss;
  final int inputs;
  final int units;
  final int[] denseSizes; // units of every dense layer, the last is the output layer
  final Activation[] activations; // one per dense layer
  final int inputsConstant;
  final int outputsConstant;
  final int parametersConstant;
  private final LongFunction<? extends Model> modelFactory;
  private final BiFunction<Model, Optimizer, Trainer> trainerFactory;

  private RbfCase(String name, Precision precision, Loss loss, int inputs, int units, int[] denseSizes,
      Activation[] activations, int inputsConstant, int outputsConstant, int parametersConstant,
      LongFunction<? extends Model> modelFactory, BiFunction<Model, Optimizer, Trainer> trainerFactory) {
    this.name = name;
    this.precision = precision;
    this.loss = loss;
    this.inputs = inputs;
    this.units = units;
    this.denseSizes = denseSizes;
    this.activations = activations;
    this.inputsConstant = inputsConstant;
    this.outputsConstant = outputsConstant;
    this.parametersConstant = parametersConstant;
    this.modelFactory = modelFactory;
    this.trainerFactory = trainerFactory;
  }

  static <M extends Model> RbfCase of(String name, Precision precision, Loss loss, int inputs, int units,
      int[] denseSizes, Activation[] activations, int inputsConstant, int outputsConstant,
      int parametersConstant, LongFunction<M> model, BiFunction<M, Optimizer, ? extends Trainer> trainer) {
    return new RbfCase(name, precision, loss, inputs, units, denseSizes, activations, inputsConstant,
        outputsConstant, parametersConstant, model, (m, optimizer) -> trainer.apply(narrow(m), optimizer));
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

  ReferenceRbf newReference() {
    return new ReferenceRbf(inputs, units, denseSizes, activations, loss);
  }

  int outputs() {
    return denseSizes[denseSizes.length - 1];
  }

  boolean isFloat() {
    return precision == Precision.FLOAT;
  }

  @Override
  public String toString() {
    return name + " " + inputs + " → " + units + " RBF → " + Arrays.toString(denseSizes) + " "
        + Arrays.toString(activations) + " " + loss + " " + precision;
  }
}
