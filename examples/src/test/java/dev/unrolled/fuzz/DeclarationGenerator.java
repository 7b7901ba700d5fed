package dev.unrolled.fuzz;

import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.Network;
import dev.unrolled.Precision;
import dev.unrolled.fuzz.RandomDeclaration.Access;
import dev.unrolled.fuzz.RandomDeclaration.Clash;
import dev.unrolled.fuzz.RandomDeclaration.Constructor;
import dev.unrolled.fuzz.RandomDeclaration.Enclosing;
import dev.unrolled.fuzz.RandomDeclaration.Field;
import dev.unrolled.fuzz.RandomDeclaration.Kind;
import dev.unrolled.fuzz.RandomDeclaration.Layer;
import dev.unrolled.fuzz.RandomDeclaration.Method;
import dev.unrolled.fuzz.RandomDeclaration.NameStyle;
import dev.unrolled.fuzz.RandomDeclaration.NestedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws a {@link RandomDeclaration} from a seed and a case number, so any single case can be
 * regenerated on its own. Half the cases are "benign" (an interface or abstract class, positive
 * sizes, implementable methods: mostly compiled and gradient-checked); the other half are "hostile"
 * and reach for every rule. Only combinations Java itself accepts are produced: the subject is the
 * processor's rules, not javac's. This class draws the type, its nesting and the annotation;
 * {@link MemberGenerator} draws the members.
 */
final class DeclarationGenerator {
  /**
   * Whether {@code @Network} declares {@code maxParameters} in this build. It arrives with the
   * parameter-budget rule; until then declarations leave it out (the default budget still applies).
   */
  static final boolean MAX_PARAMETERS_SUPPORTED = declaresMaxParameters();

  private static final List<String> NAMES = List.of("Foo", "Net", "Iris", "Classifier", "Regressor", "Spiral");
  /** Names of runtime types, so the generated code must qualify its own references to them. */
  private static final List<String> SHADOWING_NAMES = List.of("Model", "Loss", "Trainer", "Optimizer",
      "Network", "Architecture", "Precision", "Dense", "Activation", "Norm");
  private static final Set<String> ANNOTATION_NAMES = Set.of("Network", "Dense", "Rbf", "Loss", "Activation", "Precision", "Norm");
  private static final List<String> PACKAGES = List.of("p", "com.example.nets", "fuzz.generated");

  private final Dice dice;
  private final boolean hostile;
  private final MemberGenerator members;

  private DeclarationGenerator(Random random) {
    this.dice = new Dice(random);
    this.hostile = random.nextBoolean();
    this.members = new MemberGenerator(dice, hostile);
  }

  static RandomDeclaration generate(long seed, int caseNumber) {
    return new DeclarationGenerator(new Random(mix(seed, caseNumber))).declaration(caseNumber);
  }

  /** SplitMix64's finaliser: neighbouring case numbers get unrelated streams (Random's first draws would correlate). */
  private static long mix(long seed, int caseNumber) {
    long z = seed + caseNumber * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private RandomDeclaration declaration(int caseNumber) {
    String pkg = dice.chance(8) ? "" : dice.pick(PACKAGES);
    Kind kind = kind();
    List<Enclosing> enclosing = enclosing();
    String name = name(enclosing);
    Access access = access(enclosing);
    boolean staticKeyword = staticKeyword(kind, enclosing);
    String typeParameters = typeParameters(kind);
    String supertype = supertype(kind);

    int big = dice.nextInt(100); // 0, 1: over the default budget; 2: under it, too large to check
    int inputs = big < 2 ? dice.pick(List.of(100_000, 1_000_000, Integer.MAX_VALUE))
        : big == 2 ? dice.pick(List.of(20_000, 100_000)) : size();
    List<Layer> layers = big < 2 ? bigLayers(List.of(100_000, 1_000_000, Integer.MAX_VALUE))
        : big == 2 ? bigLayers(List.of(16, 300)) : layers();
    Integer rbfUnits = big < 3 ? null : rbfUnits();
    Loss loss = dice.pick(List.of(Loss.values()));
    layers = fitOutputToLoss(layers, loss);
    Precision precision = dice.chance(30) ? null : dice.nextInt(10) < 4 ? Precision.FLOAT : Precision.DOUBLE;
    Precision effective = precision == null ? Precision.FLOAT : precision;

    List<Constructor> constructors = kind.isClass() ? members.constructors(kind) : List.of();
    List<Method> methods = members.methods(kind, effective, supertype);
    List<Field> fields = members.fields(kind);
    List<NestedType> nested = members.nestedTypes(kind, name, enclosing);
    Clash clash = dice.chance(hostile ? 18 : 2) ? dice.pick(List.of(Clash.MODEL_OWN_FILE, Clash.TRAINER_OWN_FILE,
        Clash.ARCHITECTURE_OWN_FILE, Clash.MODEL_SAME_FILE, Clash.TRAINER_SAME_FILE, Clash.ARCHITECTURE_SAME_FILE))
        : Clash.NONE;
    NameStyle style = nameStyle(name, enclosing);
    Integer maxParameters = maxParameters(inputs, rbfUnits, layers);
    boolean braces = dice.nextBoolean();
    return new RandomDeclaration(caseNumber, pkg, enclosing, kind, name, access, staticKeyword,
        typeParameters, supertype, constructors, methods, fields, nested, inputs, rbfUnits, layers, loss, precision,
        maxParameters, style, braces, clash);
  }

  // -----------------------------------------------------------------------------------------------
  // The type

  private Kind kind() {
    if (!hostile) {
      return dice.chance(55) ? Kind.INTERFACE : Kind.ABSTRACT_CLASS;
    }
    int p = dice.nextInt(100);
    if (p < 25) {
      return Kind.INTERFACE;
    }
    if (p < 50) {
      return Kind.ABSTRACT_CLASS;
    }
    return dice.pick(List.of(Kind.CONCRETE_CLASS, Kind.FINAL_CLASS, Kind.ENUM, Kind.RECORD, Kind.ANNOTATION));
  }

  private List<Enclosing> enclosing() {
    int p = dice.nextInt(100);
    if (p < (hostile ? 35 : 55)) {
      return List.of();
    }
    Enclosing top = new Enclosing(dice.pick(List.of("Outer", "Zoo", "Holder")), dice.chance(25),
        dice.chance(50) ? Access.PUBLIC : Access.PACKAGE, false);
    if (!hostile || p < 80) {
      return List.of(top);
    }
    boolean midIsInterface = dice.chance(30);
    Access midAccess = top.isInterface() ? (dice.chance(50) ? Access.PUBLIC : Access.PACKAGE)
        : dice.pick(List.of(Access.PUBLIC, Access.PROTECTED, Access.PACKAGE, Access.PRIVATE));
    boolean midStatic = midIsInterface || top.isInterface() ? dice.chance(50) : dice.chance(70);
    return List.of(top, new Enclosing(dice.pick(List.of("Mid", "Inner", "Box")), midIsInterface, midAccess, midStatic));
  }

  private String name(List<Enclosing> enclosing) {
    while (true) {
      String name = dice.chance(15) ? dice.pick(SHADOWING_NAMES) : dice.pick(NAMES);
      if (enclosing.stream().noneMatch(e -> e.name().equals(name))) {
        return name;
      }
    }
  }

  private Access access(List<Enclosing> enclosing) {
    if (enclosing.isEmpty() || enclosing.get(enclosing.size() - 1).isInterface()) {
      return dice.chance(50) ? Access.PUBLIC : Access.PACKAGE;
    }
    if (hostile && dice.chance(25)) {
      return Access.PRIVATE;
    }
    return dice.pick(List.of(Access.PUBLIC, Access.PROTECTED, Access.PACKAGE));
  }

  /** Member classes are static unless a hostile case leaves the keyword out (an inner class). */
  private boolean staticKeyword(Kind kind, List<Enclosing> enclosing) {
    if (enclosing.isEmpty()) {
      return false;
    }
    if (enclosing.get(enclosing.size() - 1).isInterface() || !kind.isClass()) {
      return dice.chance(50); // implicitly static either way
    }
    return !(hostile && dice.chance(35));
  }

  private String typeParameters(Kind kind) {
    if (!hostile || kind == Kind.ENUM || kind == Kind.ANNOTATION || !dice.chance(20)) {
      return "";
    }
    return dice.pick(List.of("<T>", "<T extends Number>", "<A, B>"));
  }

  private String supertype(Kind kind) {
    if (kind != Kind.INTERFACE && kind != Kind.ABSTRACT_CLASS) {
      return null;
    }
    if (!dice.chance(hostile ? 12 : 8)) {
      return null;
    }
    return hostile ? dice.pick(List.of("dev.unrolled.Model", "java.io.Serializable", "java.lang.Runnable",
        "java.lang.AutoCloseable")) : dice.pick(List.of("dev.unrolled.Model", "java.io.Serializable"));
  }

  // -----------------------------------------------------------------------------------------------
  // The annotation

  /** A width: mostly small and positive; hostile cases add zeros, negatives and huge values. */
  private int size() {
    int p = dice.nextInt(1000);
    if (hostile) {
      if (p < 30) {
        return -1 - dice.nextInt(100);
      }
      if (p < 35) {
        return Integer.MIN_VALUE;
      }
      if (p < 70) {
        return 0;
      }
      if (p < 80) {
        return dice.pick(List.of(7_500, 20_000, 100_000, Integer.MAX_VALUE));
      }
    }
    if (p < 180) {
      return 1;
    }
    if (p < 700) {
      return 2 + dice.nextInt(11);
    }
    if (p < 900) {
      return 13 + dice.nextInt(52);
    }
    if (p < 985) {
      return 65 + dice.nextInt(100);
    }
    return 165 + dice.nextInt(300);
  }

  private List<Layer> layers() {
    int count = hostile ? (dice.chance(8) ? 0 : 1 + dice.nextInt(6)) : 1 + Math.min(dice.nextInt(4), dice.nextInt(6));
    List<Layer> layers = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      layers.add(new Layer(size(), activation(), dice.nextBoolean(), norm(), dropout()));
    }
    return layers;
  }

  /** Mostly none; else an RBF layer of a random size, in hostile runs sometimes 0 or negative units. */
  private Integer rbfUnits() {
    if (!dice.chance(15)) {
      return null;
    }
    return hostile && dice.chance(20) ? dice.pick(List.of(0, -1, -7)) : size();
  }

  /** A wide hidden layer and 10 outputs: 100,000 × 100,000 is over any default budget, 20,000 × 16 is not. */
  private List<Layer> bigLayers(List<Integer> widths) {
    return List.of(new Layer(dice.pick(widths), Activation.RELU, false), new Layer(10, null, false));
  }

  /** Mostly none written; else NONE, LAYER or BATCH. */
  private Norm norm() {
    return dice.chance(25) ? dice.pick(List.of(Norm.values())) : null;
  }

  /** Mostly none written; else a probability, and in hostile runs sometimes one outside [0, 1). */
  private Double dropout() {
    if (!dice.chance(20)) {
      return null;
    }
    return hostile && dice.chance(30) ? dice.pick(List.of(-0.1, 1.0, 1.5)) : dice.pick(List.of(0.0, 0.1, 0.5));
  }

  /** An activation, or null to leave the attribute out. */
  private Activation activation() {
    return dice.chance(20) ? null : dice.pick(List.of(Activation.values()));
  }

  /** Cross-entropy outputs stay IDENTITY and softmax keeps two outputs, except in some hostile cases. */
  private List<Layer> fitOutputToLoss(List<Layer> layers, Loss loss) {
    if (layers.isEmpty()) {
      return layers;
    }
    if (hostile && dice.chance(30)) {
      if (dice.chance(25)) { // a single output: wrong for softmax only
        List<Layer> single = new ArrayList<>(layers);
        Layer out = single.get(single.size() - 1);
        single.set(single.size() - 1, out.withUnitsAndActivation(1, out.activation()));
        return single;
      }
      return layers;
    }
    List<Layer> fitted = new ArrayList<>(layers);
    Layer out = fitted.get(fitted.size() - 1);
    int units = loss == Loss.SOFTMAX_CROSS_ENTROPY && out.units() == 1 ? 2 : out.units();
    Activation activation = !loss.isCrossEntropy() ? out.activation()
        : dice.chance(50) ? null : Activation.IDENTITY;
    fitted.set(fitted.size() - 1, out.withUnitsAndActivation(units, activation));
    return fitted;
  }

  private Integer maxParameters(int inputs, Integer rbfUnits, List<Layer> layers) {
    if (!MAX_PARAMETERS_SUPPORTED || !dice.chance(hostile ? 30 : 10)) {
      return null;
    }
    long count = Oracle.parameterCount(inputs, rbfUnits, layers);
    List<Long> options = new ArrayList<>(List.of(1_000L, 1_000_000L, (long) Integer.MAX_VALUE));
    if (hostile) {
      options.addAll(List.of(-5L, 0L, 1L, count - 1, count, count + 1));
    } else {
      options.addAll(List.of(count, count + 1));
    }
    long pick = dice.pick(options);
    return pick >= Integer.MIN_VALUE && pick <= Integer.MAX_VALUE ? (int) pick : null;
  }

  /** Qualified names whenever a declared name would shadow one of the annotation's types. */
  private NameStyle nameStyle(String name, List<Enclosing> enclosing) {
    boolean shadowed = ANNOTATION_NAMES.contains(name)
        || enclosing.stream().anyMatch(e -> ANNOTATION_NAMES.contains(e.name()));
    return shadowed ? NameStyle.QUALIFIED : dice.pick(List.of(NameStyle.values()));
  }

  // -----------------------------------------------------------------------------------------------

  private static boolean declaresMaxParameters() {
    try {
      Network.class.getDeclaredMethod("maxParameters");
      return true;
    } catch (NoSuchMethodException absent) {
      return false;
    }
  }
}
