package dev.unrolled.fuzz;

import dev.unrolled.Precision;
import dev.unrolled.fuzz.RandomDeclaration.Access;
import dev.unrolled.fuzz.RandomDeclaration.Constructor;
import dev.unrolled.fuzz.RandomDeclaration.Enclosing;
import dev.unrolled.fuzz.RandomDeclaration.Field;
import dev.unrolled.fuzz.RandomDeclaration.Kind;
import dev.unrolled.fuzz.RandomDeclaration.Method;
import dev.unrolled.fuzz.RandomDeclaration.NestedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The members of a random declaration: constructors, methods (abstract ones the model implements or
 * cannot, defaults, statics, finals), fields and member types whose names the generated code might
 * also use. Only what Java accepts: Object's methods stay public and non-static, a
 * {@code dev.unrolled.Model} subtype keeps Model's methods public and non-static, enums leave
 * Enum's final methods alone.
 */
final class MemberGenerator {
  /** Signatures of {@code dev.unrolled.Model}'s abstract and default methods: a Model subtype must keep them public and non-static. */
  private static final List<Signature> MODEL_INTERFACE = List.of(
      sig("int", "inputSize"), sig("int", "outputSize"), sig("int", "parameterCount"),
      sig("dev.unrolled.Architecture", "architecture"), sig("dev.unrolled.Loss", "loss"),
      sig("dev.unrolled.Precision", "precision"), sig("java.lang.String", "summary"),
      sig("void", "predict", "double[]", "double[]"), sig("int", "classify", "double[]"),
      sig("double", "lossAndGradient", "double[][]", "double[][]", "double[]"),
      sig("void", "getParameters", "double[]"), sig("void", "setParameters", "double[]"),
      sig("double[]", "parameters"));
  private static final List<Signature> FLOAT_ENTRY_POINTS = List.of(
      sig("void", "predict", "float[]", "float[]"), sig("int", "classify", "float[]"));
  private static final List<Signature> FOREIGN = List.of(
      sig("void", "train"), sig("java.lang.String", "label"), sig("int", "inputSize", "int"),
      sig("double", "predict", "double[]"), sig("void", "fit", "double[][]", "double[][]"),
      sig("int", "layerCount"), sig("double[]", "weights", "int"));
  private static final List<Signature> OBJECT = List.of(
      sig("java.lang.String", "toString"), sig("int", "hashCode"),
      sig("boolean", "equals", "java.lang.Object"));

  private static final List<String> NESTED_NAMES = List.of("Loss", "Model", "Precision", "Architecture",
      "Generated", "Override", "Math", "String", "Workspace", "Arrays", "Objects", "Float", "Double",
      "Integer", "System", "Activation", "Trainer", "Optimizer", "Random", "List");
  private static final List<String> FIELD_NAMES = List.of("Math", "Arrays", "Objects", "Float", "Double",
      "Integer", "System", "String", "Loss", "Precision", "Architecture", "Activation", "Model",
      "Generated", "w1", "b1", "z1", "scratch", "seed", "INPUTS", "PARAMETERS", "ARCHITECTURE",
      "input", "output", "gradient");

  private final Dice dice;
  private final boolean hostile;

  MemberGenerator(Dice dice, boolean hostile) {
    this.dice = dice;
    this.hostile = hostile;
  }

  List<Constructor> constructors(Kind kind) {
    if (dice.chance(hostile ? 40 : 60)) {
      return List.of();
    }
    if (!hostile && kind == Kind.ABSTRACT_CLASS) {
      return dice.pick(List.of(List.of(new Constructor(Access.PUBLIC, false)),
          List.of(new Constructor(Access.PROTECTED, false)), List.of(new Constructor(Access.PACKAGE, false)),
          List.of(new Constructor(Access.PROTECTED, false), new Constructor(Access.PUBLIC, true))));
    }
    List<Constructor> result = new ArrayList<>();
    result.add(new Constructor(dice.pick(List.of(Access.values())), dice.nextBoolean()));
    if (dice.chance(40)) {
      result.add(new Constructor(dice.pick(List.of(Access.values())), !result.get(0).withArgument()));
    }
    return result;
  }

  List<Method> methods(Kind kind, Precision precision, String supertype) {
    if (kind == Kind.ANNOTATION) {
      return List.of();
    }
    int count = dice.chance(hostile ? 60 : 45) ? 1 + dice.nextInt(4) : 0;
    List<Method> methods = new ArrayList<>();
    Set<String> signatures = new HashSet<>();
    boolean modelSubtype = "dev.unrolled.Model".equals(supertype);
    for (int k = 0; k < count; k++) {
      Method m = switch (kind) {
        case INTERFACE -> interfaceMethod(precision, modelSubtype);
        case ABSTRACT_CLASS -> abstractClassMethod(precision, modelSubtype);
        default -> concreteTypeMethod(kind);
      };
      if (m != null && signatures.add(m.signature())) {
        methods.add(m);
      }
    }
    return methods;
  }

  /** A signature for an abstract method: benign cases only ask for what the model implements. */
  private Signature abstractSignature(Precision precision) {
    int p = dice.nextInt(100);
    if (!hostile) {
      return precision == Precision.FLOAT && p < 15 ? dice.pick(FLOAT_ENTRY_POINTS) : dice.pick(MODEL_INTERFACE.subList(0, 12));
    }
    if (p < 45) {
      return dice.pick(MODEL_INTERFACE.subList(0, 12));
    }
    if (p < 60) {
      return dice.pick(FLOAT_ENTRY_POINTS);
    }
    if (p < 85) {
      return dice.pick(FOREIGN);
    }
    return dice.pick(OBJECT);
  }

  /** A signature for a method with a body. */
  private Signature concreteSignature() {
    int p = dice.nextInt(100);
    return p < 55 ? dice.pick(MODEL_INTERFACE) : p < 70 ? dice.pick(FLOAT_ENTRY_POINTS) : dice.pick(FOREIGN);
  }

  private Method interfaceMethod(Precision precision, boolean modelSubtype) {
    int p = dice.nextInt(100);
    if (p < 55) {
      return abstractSignature(precision).as(dice.pick(List.of(List.of(), List.of("public"),
          List.of("abstract"), List.of("public", "abstract"))));
    }
    Signature s = concreteSignature();
    if (p < 80) {
      return s.as(dice.chance(50) ? List.of("default") : List.of("public", "default"));
    }
    if (modelSubtype && MODEL_INTERFACE.contains(s)) {
      return null; // a static or private method may not hide an inherited Model method
    }
    return s.as(dice.pick(List.of(List.of("static"), List.of("public", "static"), List.of("private"),
        List.of("private", "static"))));
  }

  private Method abstractClassMethod(Precision precision, boolean modelSubtype) {
    int p = dice.nextInt(100);
    if (p < 50) {
      Signature s = abstractSignature(precision);
      boolean mustBePublic = OBJECT.contains(s) || modelSubtype && MODEL_INTERFACE.contains(s);
      String access = mustBePublic ? "public" : dice.pick(List.of("public", "protected", ""));
      return s.as(modifiers(access, "abstract"));
    }
    Signature s = dice.chance(10) ? dice.pick(OBJECT) : concreteSignature();
    boolean mustBePublic = OBJECT.contains(s) || modelSubtype && MODEL_INTERFACE.contains(s);
    if (p < 70 || mustBePublic) {
      // final only in hostile cases: a final model method is a member clash
      String access = mustBePublic ? "public" : dice.pick(List.of("public", "protected", "", "private"));
      return s.as(modifiers(access, hostile && dice.chance(50) ? "final" : ""));
    }
    if ((!hostile || modelSubtype) && MODEL_INTERFACE.contains(s)) {
      return null; // benign cases avoid the clash; a Model subtype may not hide Model's methods at all
    }
    return s.as(modifiers(dice.pick(List.of("public", "protected", "", "private")), "static"));
  }

  /** Concrete classes, enums and records: methods with bodies only. */
  private Method concreteTypeMethod(Kind kind) {
    Signature s = concreteSignature();
    if (kind == Kind.ENUM && OBJECT.contains(s)) {
      return null; // final in java.lang.Enum
    }
    return s.as(modifiers(dice.pick(List.of("public", "protected", "", "private")),
        kind == Kind.RECORD && dice.chance(30) ? "static" : dice.chance(30) ? "final" : ""));
  }

  /** Fields named like types or members the generated code refers to: a field shadows a type name in an expression. */
  List<Field> fields(Kind kind) {
    if ((kind != Kind.INTERFACE && kind != Kind.ABSTRACT_CLASS) || !dice.chance(hostile ? 25 : 12)) {
      return List.of();
    }
    List<Field> fields = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int k = 1 + dice.nextInt(2); k > 0; k--) {
      String name = dice.pick(FIELD_NAMES);
      if (taken.add(name)) {
        List<String> modifiers = kind == Kind.INTERFACE
            ? dice.pick(List.of(List.of(), List.of("public", "static", "final")))
            : dice.pick(List.of(List.of(), List.of("protected"), List.of("public", "static", "final"),
                List.of("protected", "static"), List.of("private")));
        fields.add(new Field(modifiers, dice.pick(List.of("int", "java.lang.Object", "double[]")), name));
      }
    }
    return fields;
  }

  List<NestedType> nestedTypes(Kind kind, String name, List<Enclosing> enclosing) {
    if (!dice.chance(hostile ? 30 : 15)) {
      return List.of();
    }
    List<NestedType> nested = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    taken.add(name);
    enclosing.forEach(e -> taken.add(e.name()));
    int count = 1 + dice.nextInt(2);
    boolean inInterface = kind == Kind.INTERFACE || kind == Kind.ANNOTATION;
    for (int k = 0; k < count; k++) {
      String nestedName = dice.pick(NESTED_NAMES);
      if (taken.add(nestedName)) {
        String keyword = inInterface ? dice.pick(List.of("class", "interface", "enum"))
            : dice.pick(List.of("static class", "class", "interface", "enum"));
        nested.add(new NestedType(keyword, nestedName));
      }
    }
    return nested;
  }

  private static List<String> modifiers(String... modifiers) {
    return Arrays.stream(modifiers).filter(m -> !m.isEmpty()).toList();
  }

  private static Signature sig(String returnType, String name, String... parameterTypes) {
    return new Signature(returnType, name, List.of(parameterTypes));
  }

  private record Signature(String returnType, String name, List<String> parameterTypes) {
    Method as(List<String> modifiers) {
      return new Method(modifiers, returnType, name, parameterTypes);
    }
  }
}
