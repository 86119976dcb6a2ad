package org.hrsnn.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link Table} as CSV or JSON, at full precision, through a temporary file moved into
 * place (a reader never sees half a table).
 *
 * <p>CSV follows RFC 4180: comma separated, CRLF line ends, a header line of column headers
 * ("name (unit)"), fields with a comma, a double quote, CR or LF enclosed in double quotes with
 * inner quotes doubled. Numbers are written with {@link Double#toString} / {@link Long#toString}
 * (they read back exactly), empty cells as empty fields, non-finite numbers as NaN, Infinity,
 * -Infinity.
 *
 * <p>JSON: {@code {"title": ..., "columns": [{"name", "unit"}], "rows": [{name: value, ...}]}}
 * with numbers as JSON numbers, booleans as booleans, empty cells and non-finite numbers (which
 * JSON cannot represent) as null.
 */
public final class Tables {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Tables() {
    }

    public static String toCsv(Table table) {
        StringBuilder sb = new StringBuilder(64 + 16 * table.rowCount() * table.columnCount());
        for (int c = 0; c < table.columnCount(); c++) {
            if (c > 0) {
                sb.append(',');
            }
            sb.append(csvField(table.columns().get(c).header()));
        }
        sb.append("\r\n");
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.columnCount(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                Object v = table.cell(r, c);
                if (v == null) {
                    continue;
                }
                if (v instanceof Number n) {
                    sb.append(Table.isIntegral(n) ? Long.toString(n.longValue()) : Double.toString(n.doubleValue()));
                } else {
                    sb.append(csvField(v.toString()));
                }
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    static String csvField(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    public static String toJson(Table table) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", table.title());
        ArrayNode columns = root.putArray("columns");
        for (Table.Column c : table.columns()) {
            ObjectNode col = columns.addObject();
            col.put("name", c.name());
            if (c.unit() == null) {
                col.putNull("unit");
            } else {
                col.put("unit", c.unit());
            }
        }
        ArrayNode rows = root.putArray("rows");
        for (int r = 0; r < table.rowCount(); r++) {
            ObjectNode row = rows.addObject();
            for (int c = 0; c < table.columnCount(); c++) {
                String name = table.columns().get(c).name();
                Object v = table.cell(r, c);
                if (v == null) {
                    row.putNull(name);
                } else if (v instanceof Number n) {
                    if (Table.isIntegral(n)) {
                        row.put(name, n.longValue());
                    } else if (Double.isFinite(n.doubleValue())) {
                        row.put(name, n.doubleValue());
                    } else {
                        row.putNull(name);
                    }
                } else if (v instanceof Boolean b) {
                    row.put(name, b);
                } else {
                    row.put(name, v.toString());
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise table " + table.title(), e);
        }
    }

    /** Writes the CSV (UTF-8) atomically. */
    public static void writeCsv(Table table, Path file) {
        AtomicFiles.write(file, toCsv(table).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the JSON (UTF-8) atomically. */
    public static void writeJson(Table table, Path file) {
        AtomicFiles.write(file, toJson(table).getBytes(StandardCharsets.UTF_8));
    }
}
