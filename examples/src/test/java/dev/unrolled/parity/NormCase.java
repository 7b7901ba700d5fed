package dev.unrolled.parity;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Model;
import dev.unrolled.Norm;
import dev.unrolled.Optimizer;
import dev.unrolled.Precision;
import dev.unrolled.Trainer;
import dev.unrolled.reference.ReferenceNormMlp;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/** One network of {@link NormNetworks}: what it was declared with, for the reference, and its generated constructors. */
final class NormCase {
  final String name;
  final Precision precision;
  final Loss loss;
  final int inputs;
  final int rbfUnits; // 0 for none
  final int[] units;
  final Activation[] activations;
  final Norm[] norms;
  final double[] dropouts;
  final int parametersConstant;
  private final LongFunction<? extends Model> modelFactory;
  private final BiFunction<Model, Optimizer, Trainer> trainerFactory;

  private NormCase(String name, Precision precision, Loss loss, int inputs, int rbfUnits, int[] units,
      Activation[] activations, Norm[] norms, double[] dropouts, int parametersConstant,
      LongFunction<? extends Model> modelFactory, BiFunction<Model, Optimizer, Trainer> trainerFactory) {
    this.name = name;
    this.precision = precision;
    this.loss = loss;
    this.inputs = inputs;
    this.rbfUnits = rbfUnits;
    this.units = units;
    this.activations = activations;
    this.norms = norms;
    this.dropouts = dropouts;
    this.parametersConstant = parametersConstant;
    this.modelFactory = modelFactory;
    this.trainerFactory = trainerFactory;
  }

  static <M extends Model> NormCase of(String name, Precision precision, Loss loss, int inputs, int rbfUnits,
      int[] units, Activation[] activations, Norm[] norms, double[] dropouts, int parametersConstant,
      LongFunction<M> model, BiFunction<M, Optimizer, ? extends Trainer> trainer) {
    return new NormCase(name, precision, loss, inputs, rbfUnits, units, activations, norms, dropouts,
        parametersConstant, model, (m, optimizer) -> trainer.apply(narrow(m), optimizer));
  }

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

  ReferenceNormMlp newReference() {
    return new ReferenceNormMlp(inputs, rbfUnits, units, activations, norms, dropouts, loss);
  }

  int outputs() {
    return units[units.length - 1];
  }

  boolean isFloat() {
    return precision == Precision.FLOAT;
  }

  boolean hasBatchNorm() {
    return Arrays.asList(norms).contains(Norm.BATCH);
  }

  @Override
  public String toString() {
    return name;
  }
}
