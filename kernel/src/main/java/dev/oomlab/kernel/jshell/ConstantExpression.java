package dev.oomlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value of a snippet that is one constant expression of literals ({@code 1+1}, {@code 2 * 21},
 * {@code "a" + 1}, {@code 10 / 4.0}, {@code 1L << 40}), computed without JShell. No declaration can
 * change what literals and operators mean, so JShell's analysis of such a snippet (five javac
 * tasks, nearly all of a trivial new cell's time) can only come back with the value Java's own
 * operators give: this applies them to the same promoted types (JLS 5.6) that javac's constant
 * folding uses, and the value object is the one the snippet would have returned.
 *
 * <p>Anything outside that small language (a name, a call, a cast, the conditional operator, a
 * comment, a backslash, a non-ASCII character, a literal in hex, octal or with underscores, a
 * literal out of range, an integer division by zero, a semicolon but the last, deep nesting) is
 * left to JShell, which also owns every diagnostic. Like an expression {@link Rerun run again},
 * the value gets no $-variable.
 */
final class ConstantExpression {

    /** Operators this reads; any other operator token Java has sends the snippet to JShell. */
    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "%", "<<", ">>", ">>>", "<", ">",
            "<=", ">=", "==", "!=", "&", "^", "|", "&&", "||", "!", "~", "(", ")");

    /** Java's operator tokens, longest first, so tokens are cut as javac's scanner cuts them. */
    private static final List<String> JAVA_OPERATORS = List.of(">>>=", "<<=", ">>=", ">>>", "...", "==", "!=",
            "<=", ">=", "&&", "||", "++", "--", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "->",
            "::", "+", "-", "*", "/", "%", "<", ">", "=", "!", "~", "&", "|", "^", "?", ":", "(", ")", "[", "]",
            "{", "}", ",", ".", ";", "@");

    private static final int LONGEST_SOURCE = 1000;

    /** Operands nested deeper than this (parentheses, unary operators) go to JShell: no stack overflow here. */
    private static final int DEEPEST = 64;

    /** A decimal floating-point literal (JLS 3.10.2); hexadecimal ones go to JShell. */
    private static final Pattern DECIMAL_FLOATING = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[fFdD]?");

    /** Thrown (without a stack trace) wherever the snippet is not one this reads. */
    private static final class NotConstant extends RuntimeException {
        NotConstant() {
            super(null, null, false, false);
        }
    }

    private static final NotConstant NOT_CONSTANT = new NotConstant();

    private final List<Object> tokens; // literal values (boxed) or operator Strings wrapped in Op
    private int next;
    private int depth;

    private record Op(String text) {
    }

    private ConstantExpression(List<Object> tokens) {
        this.tokens = tokens;
    }

    /** The value, or empty when JShell must evaluate the snippet. */
    static Optional<Object> value(String source) {
        if (source.length() > LONGEST_SOURCE) {
            return Optional.empty();
        }
        try {
            ConstantExpression parser = new ConstantExpression(tokens(withoutFinalSemicolon(source)));
            if (parser.tokens.isEmpty()) {
                return Optional.empty();
            }
            Object value = parser.binary(0);
            if (parser.next != parser.tokens.size()) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NotConstant e) {
            return Optional.empty();
        }
    }

    /** JShell's completeness analysis ends an expression snippet with a semicolon; that one is no operator. */
    private static String withoutFinalSemicolon(String source) {
        String stripped = source.stripTrailing();
        return stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1) : source;
    }

    // ---- scanning -------------------------------------------------------------------------

    private static List<Object> tokens(String source) {
        List<Object> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else if (c >= 0x7f || c < ' ' || c == '\\') {
                throw NOT_CONSTANT; // unicode escapes, non-ASCII letters and spaces: javac's business
            } else if (c == '/' && i + 1 < n && (source.charAt(i + 1) == '/' || source.charAt(i + 1) == '*')) {
                throw NOT_CONSTANT; // a comment
            } else if (c == '"') {
                int end = source.indexOf('"', i + 1);
                if (end < 0 || !plain(source, i + 1, end)) {
                    throw NOT_CONSTANT;
                }
                if (end + 1 < n && source.charAt(end + 1) == '"') {
                    throw NOT_CONSTANT; // two literals side by side, or a text block
                }
                tokens.add(source.substring(i + 1, end));
                i = end + 1;
            } else if (c == '\'') {
                if (i + 2 >= n || source.charAt(i + 2) != '\'' || source.charAt(i + 1) == '\''
                        || !plain(source, i + 1, i + 2)) {
                    throw NOT_CONSTANT;
                }
                tokens.add(source.charAt(i + 1));
                i += 3;
            } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(source.charAt(i + 1))) {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '.'
                        || source.charAt(end) == '_'
                        || (source.charAt(end) == '+' || source.charAt(end) == '-')
                        && (source.charAt(end - 1) == 'e' || source.charAt(end - 1) == 'E'))) {
                    end++;
                }
                tokens.add(number(source.substring(i, end)));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
                    end++;
                }
                String word = source.substring(i, end);
                switch (word) {
                    case "true" -> tokens.add(Boolean.TRUE);
                    case "false" -> tokens.add(Boolean.FALSE);
                    default -> throw NOT_CONSTANT; // a name: its meaning depends on the session
                }
                i = end;
            } else {
                String op = operatorAt(source, i);
                if (!OPERATORS.contains(op)) {
                    throw NOT_CONSTANT;
                }
                tokens.add(new Op(op));
                i += op.length();
            }
        }
        return tokens;
    }

    /** Literal text with no escape (javac reads those, \\u ones anywhere), no line end, and only ASCII. */
    private static boolean plain(String source, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String operatorAt(String source, int at) {
        for (String op : JAVA_OPERATORS) {
            if (source.startsWith(op, at)) {
                return op;
            }
        }
        throw NOT_CONSTANT;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A decimal literal as javac reads it; hex, octal, binary, underscores and out-of-range ones go to JShell. */
    private static Object number(String text) {
        if (text.indexOf('_') >= 0 || text.length() > 1 && text.charAt(0) == '0' && isDigit(text.charAt(1))
                || text.length() > 1 && text.charAt(0) == '0' && Character.isLetter(text.charAt(1))
                        && "fFdDlLeE".indexOf(text.charAt(1)) < 0) {
            throw NOT_CONSTANT;
        }
        char last = text.charAt(text.length() - 1);
        boolean floating = text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0
                || "fFdD".indexOf(last) >= 0;
        if (!floating) {
            boolean isLong = last == 'l' || last == 'L';
            String digits = isLong ? text.substring(0, text.length() - 1) : text;
            if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9') || digits.length() > 19) {
                throw NOT_CONSTANT;
            }
            long value;
            try {
                value = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw NOT_CONSTANT;
            }
            if (isLong) {
                return value;
            }
            if (value > Integer.MAX_VALUE) {
                throw NOT_CONSTANT; // an error, unless under a unary minus: JShell sorts that out
            }
            return (int) value;
        }
        if (!DECIMAL_FLOATING.matcher(text).matches()) {
            throw NOT_CONSTANT;
        }
        boolean isFloat = last == 'f' || last == 'F';
        String literal = "fFdD".indexOf(last) >= 0 ? text.substring(0, text.length() - 1) : text;
        double asDouble = Double.parseDouble(literal);
        float asFloat = Float.parseFloat(literal);
        double read = isFloat ? asFloat : asDouble;
        String mantissa = literal.split("[eE]")[0];
        boolean nonZeroDigits = mantissa.chars().anyMatch(ch -> ch >= '1' && ch <= '9');
        if (Double.isInfinite(read) || read == 0 && nonZeroDigits) {
            throw NOT_CONSTANT; // "floating-point number too large" or "too small": javac says so
        }
        return isFloat ? (Object) asFloat : (Object) asDouble;
    }

    // ---- parsing and evaluating ----------------------------------------------------------------

    /** Binary operators by precedence, loosest first (JLS 15.17 to 15.24). */
    private static final List<Set<String>> LEVELS = List.of(Set.of("||"), Set.of("&&"), Set.of("|"), Set.of("^"),
            Set.of("&"), Set.of("==", "!="), Set.of("<", ">", "<=", ">="), Set.of("<<", ">>", ">>>"),
            Set.of("+", "-"), Set.of("*", "/", "%"));

    private Object binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Object left = binary(level + 1);
        while (next < tokens.size() && tokens.get(next) instanceof Op op && LEVELS.get(level).contains(op.text())) {
            next++;
            Object right = binary(level + 1);
            left = apply(op.text(), left, right);
        }
        return left;
    }

    private Object unary() {
        if (next >= tokens.size() || ++depth > DEEPEST) {
            throw NOT_CONSTANT;
        }
        try {
            return operand();
        } finally {
            depth--;
        }
    }

    private Object operand() {
        Object token = tokens.get(next++);
        if (!(token instanceof Op op)) {
            return token;
        }
        switch (op.text()) {
            case "(" -> {
                Object inner = binary(0);
                if (next >= tokens.size() || !(tokens.get(next) instanceof Op close) || !close.text().equals(")")) {
                    throw NOT_CONSTANT;
                }
                next++;
                return inner;
            }
            case "+" -> {
                return promote(numeric(unary()));
            }
            case "-" -> {
                Object operand = promote(numeric(unary()));
                if (operand instanceof Integer i) {
                    return -i;
                } else if (operand instanceof Long l) {
                    return -l;
                } else if (operand instanceof Float f) {
                    return -f;
                }
                return -(Double) operand;
            }
            case "~" -> {
                Object operand = promote(numeric(unary()));
                if (operand instanceof Integer i) {
                    return ~i;
                } else if (operand instanceof Long l) {
                    return ~l;
                }
                throw NOT_CONSTANT;
            }
            case "!" -> {
                if (unary() instanceof Boolean b) {
                    return !b;
                }
                throw NOT_CONSTANT;
            }
            default -> throw NOT_CONSTANT;
        }
    }

    /** Numeric operands only (char counts; boolean and String do not). */
    private static Object numeric(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Float || value instanceof Double
                || value instanceof Character) {
            return value;
        }
        throw NOT_CONSTANT;
    }

    /** Unary numeric promotion: char becomes int. */
    private static Object promote(Object value) {
        return value instanceof Character c ? (Object) (int) c.charValue() : value;
    }

    /** The type binary numeric promotion gives two operands: 0 int, 1 long, 2 float, 3 double. */
    private static int rank(Object a, Object b) {
        return Math.max(rank(promote(numeric(a))), rank(promote(numeric(b))));
    }

    private static int rank(Object value) {
        if (value instanceof Integer) {
            return 0;
        } else if (value instanceof Long) {
            return 1;
        } else if (value instanceof Float) {
            return 2;
        }
        return 3;
    }

    private static long asLong(Object value) {
        return value instanceof Character c ? c : ((Number) value).longValue();
    }

    private static float asFloat(Object value) {
        return value instanceof Character c ? c : ((Number) value).floatValue();
    }

    private static double asDouble(Object value) {
        return value instanceof Character c ? c : ((Number) value).doubleValue();
    }

    private static Object apply(String op, Object left, Object right) {
        return switch (op) {
            case "+" -> left instanceof String || right instanceof String
                    ? concat(left) + concat(right) : arithmetic(op, left, right);
            case "-", "*", "/", "%" -> arithmetic(op, left, right);
            case "<<", ">>", ">>>" -> shift(op, left, right);
            case "<", ">", "<=", ">=" -> compare(op, left, right);
            case "==", "!=" -> equality(op, left, right);
            case "&", "^", "|" -> bitwise(op, left, right);
            case "&&", "||" -> {
                if (left instanceof Boolean a && right instanceof Boolean b) {
                    yield op.equals("&&") ? a && b : a || b;
                }
                throw NOT_CONSTANT;
            }
            default -> throw NOT_CONSTANT;
        };
    }

    /** String conversion (JLS 5.1.11) of a constant: the same text String.valueOf gives the primitive. */
    private static String concat(Object value) {
        return String.valueOf(value);
    }

    private static Object arithmetic(String op, Object left, Object right) {
        switch (rank(left, right)) {
            case 0 -> {
                int a = (int) asLong(left);
                int b = (int) asLong(right);
                return switch (op) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    case "/" -> b == 0 ? throwNotConstant() : a / b;
                    default -> b == 0 ? throwNotConstant() : a % b;
                };
            }
            case 1 -> {
                long a = asLong(left);
                long b = asLong(right);
                return switch (op) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    case "/" -> b == 0 ? throwNotConstant() : a / b;
                    default -> b == 0 ? throwNotConstant() : a % b;
                };
            }
            case 2 -> {
                float a = asFloat(left);
                float b = asFloat(right);
                return switch (op) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    case "/" -> a / b;
                    default -> a % b;
                };
            }
            default -> {
                double a = asDouble(left);
                double b = asDouble(right);
                return switch (op) {
                    case "+" -> a + b;
                    case "-" -> a - b;
                    case "*" -> a * b;
                    case "/" -> a / b;
                    default -> a % b;
                };
            }
        }
    }

    private static <T> T throwNotConstant() {
        throw NOT_CONSTANT; // integer division by zero: JShell throws and reports it
    }

    /** The result has the promoted type of the left operand alone (JLS 15.19). */
    private static Object shift(String op, Object left, Object right) {
        Object value = promote(numeric(left));
        Object distance = promote(numeric(right));
        if (rank(value) > 1 || rank(distance) > 1) {
            throw NOT_CONSTANT;
        }
        int by = (int) asLong(distance);
        if (value instanceof Integer i) {
            return switch (op) {
                case "<<" -> i << by;
                case ">>" -> i >> by;
                default -> i >>> by;
            };
        }
        long l = (Long) value;
        return switch (op) {
            case "<<" -> l << by;
            case ">>" -> l >> by;
            default -> l >>> by;
        };
    }

    private static boolean compare(String op, Object left, Object right) {
        int sign;
        switch (rank(left, right)) {
            case 0, 1 -> sign = Long.compare(asLong(left), asLong(right));
            case 2 -> {
                float a = asFloat(left);
                float b = asFloat(right);
                return compareFloating(op, a, b);
            }
            default -> {
                return compareFloating(op, asDouble(left), asDouble(right));
            }
        }
        return switch (op) {
            case "<" -> sign < 0;
            case ">" -> sign > 0;
            case "<=" -> sign <= 0;
            default -> sign >= 0;
        };
    }

    /** With Java's operators, so NaN compares false (Double.compare would order it). */
    private static boolean compareFloating(String op, double a, double b) {
        return switch (op) {
            case "<" -> a < b;
            case ">" -> a > b;
            case "<=" -> a <= b;
            default -> a >= b;
        };
    }

    private static boolean equality(String op, Object left, Object right) {
        boolean equal;
        if (left instanceof Boolean a && right instanceof Boolean b) {
            equal = a.booleanValue() == b.booleanValue();
        } else {
            equal = switch (rank(left, right)) {
                case 0, 1 -> asLong(left) == asLong(right);
                case 2 -> asFloat(left) == asFloat(right);
                default -> asDouble(left) == asDouble(right);
            };
        }
        return op.equals("==") == equal;
    }

    private static Object bitwise(String op, Object left, Object right) {
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return switch (op) {
                case "&" -> a & b;
                case "^" -> a ^ b;
                default -> a | b;
            };
        }
        int rank = rank(left, right);
        if (rank > 1) {
            throw NOT_CONSTANT;
        }
        long a = asLong(left);
        long b = asLong(right);
        long result = switch (op) {
            case "&" -> a & b;
            case "^" -> a ^ b;
            default -> a | b;
        };
        return rank == 0 ? (Object) (int) result : (Object) result;
    }
}
