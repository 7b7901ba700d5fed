package dev.unrolled.processor.model;

import dev.unrolled.Activation;
import dev.unrolled.Norm;
import dev.unrolled.Backend;
import dev.unrolled.Loss;
import dev.unrolled.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.AnnotationValueVisitor;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;

/**
 * {@link NetworkDeclaration}s built from numbers, for tests of the rules and the planner that run
 * without javac: {@code Declarations.network(4).dense(16, TANH).dense(3).loss(SOFTMAX_CROSS_ENTROPY).build()}.
 *
 * <p>The annotated type is null. Layers are numbered as in the layer table: dense layers from 2
 * behind an RBF layer. Every annotation and every value written in source gets a stub of its own,
 * named after what it stands for ({@code layer 2 units}), so tests can check where a
 * problem points with {@code isSameInstanceAs}. Values the declaration leaves at their default are
 * null, as {@link NetworkReader} reads them: {@code maxParameters} and {@code backend} unless set,
 * and the activation of a layer added with {@link Builder#dense(int)}.
 */
public final class Declarations {
  private Declarations() {}

  /** A declaration with {@code inputs}; MEAN_SQUARED_ERROR, FLOAT, the default budget, PLAIN. */
  public static Builder network(int inputs) {
    return new Builder(inputs);
  }

  /** Builds one declaration; each setter corresponds to one attribute of {@code @Network}. */
  public static final class Builder {
    private final int inputs;
    private Integer rbfUnits;
    private final List<Integer> units = new ArrayList<>();
    private final List<Activation> activations = new ArrayList<>();
    private final List<Norm> norms = new ArrayList<>();
    private final List<Double> dropouts = new ArrayList<>();
    private Loss loss = Loss.MEAN_SQUARED_ERROR;
    private Precision precision = Precision.FLOAT;
    private Integer maxParameters;
    private Backend backend;

    private Builder(int inputs) {
      this.inputs = inputs;
    }

    /** {@code rbf = @Rbf(units = units)}. */
    public Builder rbf(int units) {
      rbfUnits = units;
      return this;
    }

    /** {@code @Dense(units = units)}: activation IDENTITY by default, not written. */
    public Builder dense(int units) {
      return dense(units, null);
    }

    /** {@code @Dense(units = units, activation = activation)}. */
    public Builder dense(int units, Activation activation) {
      return dense(units, activation, null, null);
    }

    /** {@code @Dense(units, activation, norm, dropout)}; null values are not written. */
    public Builder dense(int units, Activation activation, Norm norm, Double dropout) {
      this.units.add(units);
      this.activations.add(activation);
      this.norms.add(norm);
      this.dropouts.add(dropout);
      return this;
    }

    /** {@code count} layers {@code @Dense(units = units, activation = activation)}. */
    public Builder dense(int count, int units, Activation activation) {
      for (int k = 0; k < count; k++) {
        dense(units, activation);
      }
      return this;
    }

    public Builder loss(Loss loss) {
      this.loss = loss;
      return this;
    }

    public Builder precision(Precision precision) {
      this.precision = precision;
      return this;
    }

    /** {@code maxParameters = budget}, written in source. */
    public Builder maxParameters(int budget) {
      maxParameters = budget;
      return this;
    }

    /** {@code backend = backend}, written in source; PLAIN or VECTOR (DEFAULT is resolved by then). */
    public Builder backend(Backend backend) {
      this.backend = backend;
      return this;
    }

    public NetworkDeclaration build() {
      RbfDeclaration rbf = null;
      if (rbfUnits != null) {
        StubMirror annotation = new StubMirror("@Rbf");
        rbf = new RbfDeclaration(rbfUnits, annotation, new StubValue("rbf", annotation),
            new StubValue("rbf units", rbfUnits));
      }
      List<LayerDeclaration> layers = new ArrayList<>();
      for (int k = 0; k < units.size(); k++) {
        // The number in the layer table, as NetworkReader gives it: the RBF layer is layer 1.
        int number = (rbf == null ? 0 : RbfDeclaration.NUMBER) + k + 1;
        Activation activation = activations.get(k);
        Norm norm = norms.get(k);
        Double dropout = dropouts.get(k);
        layers.add(new LayerDeclaration(number, units.get(k),
            activation == null ? Activation.IDENTITY : activation, norm == null ? Norm.NONE : norm,
            dropout == null ? 0.0 : dropout, new StubMirror("@Dense " + number),
            new StubValue("layer " + number + " units", units.get(k)),
            activation == null ? null : new StubValue("layer " + number + " activation", activation),
            norm == null ? null : new StubValue("layer " + number + " norm", norm),
            dropout == null ? null : new StubValue("layer " + number + " dropout", dropout)));
      }
      return new NetworkDeclaration(null, new StubMirror("@Network"), inputs, new StubValue("inputs", inputs),
          rbf, layers, new StubValue("layers", List.of()), loss, new StubValue("loss", loss), precision,
          maxParameters == null ? dev.unrolled.Network.DEFAULT_MAX_PARAMETERS : maxParameters,
          maxParameters == null ? null : new StubValue("maxParameters", maxParameters),
          backend == null ? Backend.PLAIN : backend, backend == null ? null : new StubValue("backend", backend));
    }
  }

  /** An annotation as written; it only has a name. */
  private static final class StubMirror implements AnnotationMirror {
    private final String name;

    StubMirror(String name) {
      this.name = name;
    }

    @Override
    public DeclaredType getAnnotationType() {
      throw new UnsupportedOperationException(name + " is a test stub");
    }

    @Override
    public Map<? extends ExecutableElement, ? extends AnnotationValue> getElementValues() {
      return Map.of();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A value as written: what it stands for, and its value. */
  private static final class StubValue implements AnnotationValue {
    private final String name;
    private final Object value;

    StubValue(String name, Object value) {
      this.name = name;
      this.value = value;
    }

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public <R, P> R accept(AnnotationValueVisitor<R, P> visitor, P p) {
      throw new UnsupportedOperationException(name + " is a test stub");
    }

    @Override
    public String toString() {
      return name + " = " + value;
    }
  }
}
