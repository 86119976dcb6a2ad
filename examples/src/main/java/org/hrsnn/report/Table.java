package org.hrsnn.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hrsnn.simulator.InvalidInputException;

/**
 * A small immutable table of results: named columns (with an optional unit and display format)
 * and rows of cells that are strings, numbers, booleans or empty (null).
 *
 * <p>Files ({@link Tables}) keep full precision; only the HTML view uses the display format.
 */
public final class Table {

    /**
     * One column.
     *
     * @param name header, distinct within the table
     * @param unit unit shown in the header ("ms", "Hz", "nJ"), or null
     * @param format {@link String#format} pattern for numbers in the HTML view (e.g. "%.3f"), or
     *     null for the default (integers with thousands separators, other numbers to 4
     *     significant digits)
     */
    public record Column(String name, String unit, String format) {
        public Column {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("table.column.name", name, "a non-empty header");
            }
            if (format != null) {
                try {
                    String.format(Locale.ROOT, format, 1.5);
                } catch (IllegalFormatException e) {
                    throw new InvalidInputException("table.column[" + name + "].format", format,
                            "a String.format pattern for one floating-point number, e.g. %.3f");
                }
            }
        }

        /** "name (unit)" or just the name. */
        public String header() {
            return unit == null || unit.isBlank() ? name : name + " (" + unit + ")";
        }
    }

    private final String title;
    private final List<Column> columns;
    private final List<Object[]> rows;

    private Table(String title, List<Column> columns, List<Object[]> rows) {
        this.title = title;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.rows = rows;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnCount() {
        return columns.size();
    }

    /** The cell as given: String, Number, Boolean or null. */
    public Object cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** The cell as displayed in HTML (column format, or the default number format). */
    public String display(int row, int column) {
        Object v = cell(row, column);
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            String format = columns.get(column).format();
            if (isIntegral(n)) {
                return format == null ? String.format(Locale.ROOT, "%,d", n.longValue())
                        : String.format(Locale.ROOT, format, n.doubleValue());
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return Double.isNaN(d) ? "NaN" : (d > 0 ? "inf" : "-inf");
            }
            return format == null ? defaultNumber(d) : String.format(Locale.ROOT, format, d);
        }
        return v.toString();
    }

    static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    /** 4 significant digits; plain notation between 1e-3 and 1e7, scientific outside. */
    static String defaultNumber(double d) {
        if (d == 0) {
            return "0";
        }
        double a = Math.abs(d);
        if (a >= 1e-3 && a < 1e7) {
            return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", d);
    }

    /** Collects columns, then rows; {@link #build()} checks nothing is missing. */
    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private final List<Object[]> rows = new ArrayList<>();

        private Builder(String title) {
            if (title == null || title.isBlank()) {
                throw new InvalidInputException("table.title", title, "a non-empty title");
            }
            this.title = title;
        }

        public Builder column(String name) {
            return column(name, null, null);
        }

        public Builder column(String name, String unit, String format) {
            if (!rows.isEmpty()) {
                throw new InvalidInputException("table[" + title + "].column", name, "columns declared before rows");
            }
            Column c = new Column(name, unit, format);
            if (!names.add(name)) {
                throw new InvalidInputException("table[" + title + "].column.name", name, "distinct column names");
            }
            columns.add(c);
            return this;
        }

        /** One row, one cell per column: String, Number, Boolean or null. */
        public Builder row(Object... cells) {
            if (columns.isEmpty()) {
                throw new InvalidInputException("table[" + title + "].columns", 0, "at least one column before rows");
            }
            if (cells == null || cells.length != columns.size()) {
                throw new InvalidInputException("table[" + title + "].row[" + rows.size() + "].length",
                        cells == null ? null : cells.length, "one cell per column (" + columns.size() + ")");
            }
            for (int c = 0; c < cells.length; c++) {
                Object v = cells[c];
                if (v != null && !(v instanceof String) && !(v instanceof Boolean)
                        && !(v instanceof Double || v instanceof Float || isIntegral(v instanceof Number n ? n : null))) {
                    throw new InvalidInputException("table[" + title + "].row[" + rows.size() + "]["
                            + columns.get(c).name() + "]", v.getClass().getSimpleName(),
                            "String, Integer, Long, Short, Byte, Double, Float, Boolean or null");
                }
            }
            rows.add(cells.clone());
            return this;
        }

        public Table build() {
            if (columns.isEmpty()) {
                throw new InvalidInputException("table[" + title + "].columns", 0, "at least one column");
            }
            return new Table(title, columns, new ArrayList<>(rows));
        }
    }
}
