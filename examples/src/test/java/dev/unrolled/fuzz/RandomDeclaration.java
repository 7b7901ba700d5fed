package dev.unrolled.fuzz;

import com.google.testing.compile.JavaFileObjects;
import dev.unrolled.Activation;
import dev.unrolled.Loss;
import dev.unrolled.Norm;
import dev.unrolled.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/**
 * One random {@code @Network} declaration, held as data (so the {@link Oracle} can reason about it)
 * and rendered as syntactically valid Java by {@link #sources()}. {@link DeclarationGenerator}
 * decides the values; this class only records and prints them.
 */
final class RandomDeclaration {

  enum Kind {
    INTERFACE("interface"),
    ABSTRACT_CLASS("abstract class"),
    CONCRETE_CLASS("class"),
    FINAL_CLASS("final class"),
    ENUM("enum"),
    RECORD("record"),
    ANNOTATION("@interface");

    final String keywords;

    Kind(String keywords) {
      this.keywords = keywords;
    }

    boolean isClass() {
      return this == ABSTRACT_CLASS || this == CONCRETE_CLASS || this == FINAL_CLASS;
    }
  }

  enum Access {
    PUBLIC("public "), PROTECTED("protected "), PACKAGE(""), PRIVATE("private ");

    final String keyword;

    Access(String keyword) {
      this.keyword = keyword;
    }
  }

  /** How {@code @Network} and its enums are named in the source. */
  enum NameStyle { ON_DEMAND_IMPORT, SINGLE_TYPE_IMPORTS, QUALIFIED }

  /** A type already named like a generated class, in the annotated type's package. */
  enum Clash {
    NONE, MODEL_OWN_FILE, TRAINER_OWN_FILE, ARCHITECTURE_OWN_FILE, MODEL_SAME_FILE, TRAINER_SAME_FILE,
    ARCHITECTURE_SAME_FILE;

    boolean ownFile() {
      return this == MODEL_OWN_FILE || this == TRAINER_OWN_FILE || this == ARCHITECTURE_OWN_FILE;
    }

    boolean sameFile() {
      return this == MODEL_SAME_FILE || this == TRAINER_SAME_FILE || this == ARCHITECTURE_SAME_FILE;
    }
  }

  /** A type enclosing the annotated one, outermost first; the outermost is top-level. */
  record Enclosing(String name, boolean isInterface, Access access, boolean isStatic) {}

  /** A method of the annotated type; types are written fully qualified so nested names cannot capture them. */
  record Method(List<String> modifiers, String returnType, String name, List<String> parameterTypes) {
    boolean has(String modifier) {
      return modifiers.contains(modifier);
    }

    String signature() {
      return name + "(" + String.join(",", parameterTypes) + ")";
    }
  }

  /** A field, always initialised; its name may be one the generated code uses for a type or a member. */
  record Field(List<String> modifiers, String type, String name) {}

  /** A constructor: its access and whether it takes an argument. */
  record Constructor(Access access, boolean withArgument) {}

  /** A member type of the annotated type, e.g. {@code class Loss {}}. */
  record NestedType(String keyword, String name) {}

  /**
   * One {@code @Dense}; {@code activation} null when the attribute is omitted (IDENTITY), {@code norm}
   * and {@code dropout} null when omitted (NONE, 0).
   */
  record Layer(int units, Activation activation, boolean activationFirst, Norm norm, Double dropout) {
    Layer(int units, Activation activation, boolean activationFirst) {
      this(units, activation, activationFirst, null, null);
    }

    Activation effectiveActivation() {
      return activation == null ? Activation.IDENTITY : activation;
    }

    Norm effectiveNorm() {
      return norm == null ? Norm.NONE : norm;
    }

    double effectiveDropout() {
      return dropout == null ? 0 : dropout;
    }

    Layer withUnitsAndActivation(int units, Activation activation) {
      return new Layer(units, activation, activationFirst, norm, dropout);
    }
  }

  final int caseNumber;
  final String packageName; // "" for the unnamed package
  final List<Enclosing> enclosing;
  final Kind kind;
  final String name;
  final Access access;
  final boolean staticKeyword;
  final String typeParameters; // "" or "<T>" etc.
  final String supertype; // null, or a qualified interface name
  final List<Constructor> constructors; // empty: none declared (the implicit one)
  final List<Method> methods;
  final List<Field> fields;
  final List<NestedType> nestedTypes;
  final int inputs;
  final Integer rbfUnits; // null when rbf is omitted (no RBF layer)
  final List<Layer> layers;
  final Loss loss;
  final Precision precision; // null when omitted (FLOAT)
  final Integer maxParameters; // null when omitted
  final NameStyle nameStyle;
  final boolean bracesAroundSingleLayer;
  final Clash clash;

  RandomDeclaration(int caseNumber, String packageName, List<Enclosing> enclosing, Kind kind,
      String name, Access access, boolean staticKeyword, String typeParameters, String supertype,
      List<Constructor> constructors, List<Method> methods, List<Field> fields,
      List<NestedType> nestedTypes,
      int inputs, Integer rbfUnits, List<Layer> layers, Loss loss, Precision precision,
      Integer maxParameters, NameStyle nameStyle, boolean bracesAroundSingleLayer, Clash clash) {
    this.caseNumber = caseNumber;
    this.packageName = packageName;
    this.enclosing = List.copyOf(enclosing);
    this.kind = kind;
    this.name = name;
    this.access = access;
    this.staticKeyword = staticKeyword;
    this.typeParameters = typeParameters;
    this.supertype = supertype;
    this.constructors = List.copyOf(constructors);
    this.methods = List.copyOf(methods);
    this.fields = List.copyOf(fields);
    this.nestedTypes = List.copyOf(nestedTypes);
    this.inputs = inputs;
    this.rbfUnits = rbfUnits;
    this.layers = List.copyOf(layers);
    this.loss = loss;
    this.precision = precision;
    this.maxParameters = maxParameters;
    this.nameStyle = nameStyle;
    this.bracesAroundSingleLayer = bracesAroundSingleLayer;
    this.clash = clash;
  }

  Precision effectivePrecision() {
    return precision == null ? Precision.FLOAT : precision;
  }

  /** The documented naming rule: {@code Foo}, or {@code Outer_Mid_Foo} for a nested type. */
  String generatedBaseName() {
    List<String> names = new ArrayList<>();
    enclosing.forEach(e -> names.add(e.name()));
    names.add(name);
    return String.join("_", names);
  }

  /** {@code p.FooModel} or {@code p.Outer_FooTrainer}; {@code suffix} is "Model" or "Trainer". */
  String generatedBinaryName(String suffix) {
    return qualify(generatedBaseName() + suffix);
  }

  String clashName() {
    return switch (clash) {
      case NONE -> null;
      case MODEL_OWN_FILE, MODEL_SAME_FILE -> generatedBaseName() + "Model";
      case TRAINER_OWN_FILE, TRAINER_SAME_FILE -> generatedBaseName() + "Trainer";
      case ARCHITECTURE_OWN_FILE, ARCHITECTURE_SAME_FILE -> generatedBaseName() + "ModelArchitecture";
    };
  }

  private String qualify(String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  private String topLevelName() {
    return enclosing.isEmpty() ? name : enclosing.get(0).name();
  }

  // -----------------------------------------------------------------------------------------------
  // Rendering

  /** The compilation units of this case. */
  List<JavaFileObject> sources() {
    List<JavaFileObject> files = new ArrayList<>();
    files.add(JavaFileObjects.forSourceString(qualify(topLevelName()), mainSource()));
    if (clash.ownFile()) {
      files.add(JavaFileObjects.forSourceString(qualify(clashName()), clashSource()));
    }
    return files;
  }

  /** Every file of the case, as a reader reproducing it would want them. */
  String sourceText() {
    StringBuilder s = new StringBuilder("// " + qualify(topLevelName()) + ".java\n").append(mainSource());
    if (clash.ownFile()) {
      s.append("// ").append(qualify(clashName())).append(".java\n").append(clashSource());
    }
    return s.toString();
  }

  private String packageLine() {
    return packageName.isEmpty() ? "" : "package " + packageName + ";\n\n";
  }

  private String clashSource() {
    return packageLine() + "public final class " + clashName() + " {}\n";
  }

  private String mainSource() {
    StringBuilder s = new StringBuilder(packageLine());
    s.append(imports());
    String indent = "";
    for (Enclosing e : enclosing) {
      s.append(indent).append(enclosingHeader(e)).append(" {\n");
      indent += "  ";
    }
    s.append(annotation(indent));
    s.append(indent).append(typeHeader()).append(" {\n");
    body(s, indent + "  ");
    s.append(indent).append("}\n");
    for (int k = enclosing.size() - 1; k >= 0; k--) {
      indent = indent.substring(2);
      s.append(indent).append("}\n");
    }
    if (clash.sameFile()) {
      s.append("\nfinal class ").append(clashName()).append(" {}\n");
    }
    return s.toString();
  }

  private String imports() {
    return switch (nameStyle) {
      case ON_DEMAND_IMPORT -> "import dev.unrolled.*;\n\n";
      case SINGLE_TYPE_IMPORTS -> "import dev.unrolled.Activation;\nimport dev.unrolled.Dense;\n"
          + "import dev.unrolled.Loss;\nimport dev.unrolled.Network;\nimport dev.unrolled.Precision;\n"
          + (layers.stream().anyMatch(l -> l.norm() != null) ? "import dev.unrolled.Norm;\n" : "")
          + (rbfUnits == null ? "" : "import dev.unrolled.Rbf;\n") + "\n";
      case QUALIFIED -> "";
    };
  }

  private String q(String simpleName) {
    return nameStyle == NameStyle.QUALIFIED ? "dev.unrolled." + simpleName : simpleName;
  }

  private static String enclosingHeader(Enclosing e) {
    return e.access().keyword + (e.isStatic() ? "static " : "")
        + (e.isInterface() ? "interface " : "class ") + e.name();
  }

  String annotation(String indent) {
    StringBuilder s = new StringBuilder(indent).append('@').append(q("Network")).append("(inputs = ")
        .append(inputs).append(",\n").append(indent);
    if (rbfUnits != null) {
      s.append("    rbf = @").append(q("Rbf")).append("(units = ").append(rbfUnits).append("),\n").append(indent);
    }
    s.append("    layers = ");
    if (layers.size() == 1 && !bracesAroundSingleLayer) {
      s.append(dense(layers.get(0)));
    } else {
      s.append(layers.stream().map(this::dense).collect(Collectors.joining(",\n" + indent + "        ", "{", "}")));
    }
    s.append(",\n").append(indent).append("    loss = ").append(q("Loss")).append('.').append(loss.name());
    if (precision != null) {
      s.append(", precision = ").append(q("Precision")).append('.').append(precision.name());
    }
    if (maxParameters != null) {
      s.append(", maxParameters = ").append(maxParameters);
    }
    return s.append(")\n").toString();
  }

  private String dense(Layer layer) {
    String units = "units = " + layer.units();
    String extra = (layer.norm() == null ? "" : ", norm = " + q("Norm") + "." + layer.norm().name())
        + (layer.dropout() == null ? "" : ", dropout = " + layer.dropout());
    if (layer.activation() == null) {
      return "@" + q("Dense") + "(" + units + extra + ")";
    }
    String activation = "activation = " + q("Activation") + "." + layer.activation().name();
    return "@" + q("Dense") + "(" + (layer.activationFirst() ? activation + ", " + units : units + ", " + activation)
        + extra + ")";
  }

  private String typeHeader() {
    StringBuilder s = new StringBuilder(access.keyword);
    if (staticKeyword) {
      s.append("static ");
    }
    s.append(kind.keywords).append(' ').append(name).append(typeParameters);
    if (kind == Kind.RECORD) {
      s.append("(int width)");
    }
    if (supertype != null) {
      s.append(kind == Kind.INTERFACE ? " extends " : " implements ").append(supertype);
    }
    return s.toString();
  }

  private void body(StringBuilder s, String indent) {
    if (kind == Kind.ENUM) {
      s.append(indent).append("FIRST, SECOND;\n");
    }
    if (kind == Kind.ANNOTATION) {
      s.append(indent).append("int value() default 1;\n");
    }
    for (Constructor c : constructors) {
      s.append(indent).append(c.access().keyword).append(name)
          .append(c.withArgument() ? "(int size) {}\n" : "() {}\n");
    }
    for (Field f : fields) {
      s.append(indent);
      f.modifiers().forEach(mod -> s.append(mod).append(' '));
      s.append(f.type()).append(' ').append(f.name())
          .append(f.type().equals("int") ? " = 0;\n" : " = null;\n");
    }
    for (Method m : methods) {
      s.append(indent).append(method(m)).append('\n');
    }
    for (NestedType t : nestedTypes) {
      s.append(indent).append(t.keyword()).append(' ').append(t.name())
          .append(t.keyword().endsWith("enum") ? " { ONE }\n" : " {}\n");
    }
  }

  private String method(Method m) {
    StringBuilder s = new StringBuilder();
    m.modifiers().forEach(mod -> s.append(mod).append(' '));
    s.append(m.returnType()).append(' ').append(m.name()).append('(');
    for (int k = 0; k < m.parameterTypes().size(); k++) {
      s.append(k == 0 ? "" : ", ").append(m.parameterTypes().get(k)).append(" a").append(k);
    }
    s.append(')');
    if (!hasBody(m)) {
      return s.append(';').toString();
    }
    return s.append(" {").append(returnStatement(m.returnType())).append("}").toString();
  }

  /** Whether the method is written with a body: everything but abstract methods. */
  boolean hasBody(Method m) {
    if (m.has("abstract")) {
      return false;
    }
    if (kind == Kind.INTERFACE || kind == Kind.ANNOTATION) {
      return m.has("default") || m.has("static") || m.has("private");
    }
    return true;
  }

  private static String returnStatement(String type) {
    return switch (type) {
      case "void" -> "";
      case "int", "double", "long" -> " return 0; ";
      case "boolean" -> " return false; ";
      default -> " return null; ";
    };
  }

  /** One line that says what the case is, for summaries and failure messages. */
  String describe() {
    return "case " + caseNumber + ": " + kind + " " + generatedBaseName()
        + (typeParameters.isEmpty() ? "" : typeParameters) + ", inputs " + inputs
        + (rbfUnits == null ? "" : ", rbf " + rbfUnits) + ", layers "
        + layers.stream().map(l -> l.units() + " " + l.effectiveActivation()
            + (l.norm() == null ? "" : " " + l.norm()) + (l.dropout() == null ? "" : " dropout " + l.dropout())).toList()
        + ", " + loss + ", " + effectivePrecision();
  }
}
