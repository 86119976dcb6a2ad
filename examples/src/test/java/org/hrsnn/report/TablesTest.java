package org.hrsnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {

    static Table tricky() {
        return Table.builder("Strategies, \"quoted\"")
                .column("strategy")
                .column("density", "fraction", "%.2f")
                .column("NRMSE", null, null)
                .column("synapses")
                .column("bit-exact")
                .row("LNP", 0.1, 0.23123456789012345, 12345, true)
                .row("magnitude, \"abs\"", 0.2, 1e-9, 123456789012L, false)
                .row("multi\nline\r\nname", 1.0 / 3, Double.NaN, null, null)
                .row("  spaced  ", -0.0, Double.POSITIVE_INFINITY, -7, true)
                .build();
    }

    /** An RFC 4180 reader written independently of the writer: fields, quotes, CRLF records. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote may only open a field");
                quoted = true;
                i++;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                assertTrue(c != '\n' && c != '\r', "bare line break outside quotes at " + i);
                field.append(c);
                i++;
            }
        }
        assertEquals(0, field.length() + record.size(), "file ends with CRLF");
        return records;
    }

    @Test
    void csvRoundTripsEveryCellExactly() {
        Table t = tricky();
        List<List<String>> rows = parseCsv(Tables.toCsv(t));
        assertEquals(t.rowCount() + 1, rows.size());
        assertEquals(List.of("strategy", "density (fraction)", "NRMSE", "synapses", "bit-exact"), rows.get(0));
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> fields = rows.get(r + 1);
            assertEquals(t.columnCount(), fields.size());
            for (int c = 0; c < t.columnCount(); c++) {
                Object v = t.cell(r, c);
                String f = fields.get(c);
                if (v == null) {
                    assertEquals("", f);
                } else if (v instanceof Double d) {
                    assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(f)),
                            "full precision for " + d);
                } else if (v instanceof Integer || v instanceof Long) {
                    assertEquals(((Number) v).longValue(), Long.parseLong(f));
                } else {
                    assertEquals(v.toString(), f);
                }
            }
        }
    }

    @Test
    void jsonRoundTripsWithNullForEmptyAndNonFinite() throws Exception {
        Table t = tricky();
        JsonNode root = new ObjectMapper().readTree(Tables.toJson(t));
        assertEquals(t.title(), root.get("title").asText());
        assertEquals("fraction", root.get("columns").get(1).get("unit").asText());
        assertTrue(root.get("columns").get(0).get("unit").isNull());
        JsonNode rows = root.get("rows");
        assertEquals(t.rowCount(), rows.size());
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < t.columnCount(); c++) {
                JsonNode n = rows.get(r).get(t.columns().get(c).name());
                Object v = t.cell(r, c);
                if (v == null || (v instanceof Double d && !Double.isFinite(d))) {
                    assertTrue(n.isNull(), "row " + r + " column " + c);
                } else if (v instanceof Double d) {
                    assertTrue(n.isNumber());
                    assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(n.doubleValue()));
                } else if (v instanceof Integer || v instanceof Long) {
                    assertTrue(n.isIntegralNumber());
                    assertEquals(((Number) v).longValue(), n.longValue());
                } else if (v instanceof Boolean b) {
                    assertEquals(b, n.booleanValue());
                } else {
                    assertEquals(v, n.asText());
                }
            }
        }
    }

    @Test
    void filesAreWrittenWholeWithNoTemporariesLeft(@TempDir Path dir) throws Exception {
        Table t = tricky();
        Path csv = dir.resolve("tables/strategies.csv");
        Path json = dir.resolve("tables/strategies.json");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "old content that must be replaced entirely");
        Tables.writeCsv(t, csv);
        Tables.writeJson(t, json);
        assertEquals(Tables.toCsv(t), Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(Tables.toJson(t), Files.readString(json, StandardCharsets.UTF_8));
        try (Stream<Path> listing = Files.list(csv.getParent())) {
            assertEquals(2, listing.count());
        }
    }

    @Test
    void displayUsesColumnFormatOrFourSignificantDigits() {
        Table t = tricky();
        assertEquals("0.10", t.display(0, 1));
        assertEquals("0.2312", t.display(0, 2));
        assertEquals("12,345", t.display(0, 3));
        assertEquals("1.000e-09", t.display(1, 2));
        assertEquals("NaN", t.display(2, 2));
        assertEquals("inf", t.display(3, 2));
        assertEquals("", t.display(2, 3));
        assertEquals("true", t.display(0, 4));
        assertEquals("1235", Table.defaultNumber(1234.5678));
        assertEquals("1.235e+07", Table.defaultNumber(12345678));
    }

    @Test
    void badTablesAreRejectedWithTheFieldNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Table.builder("t").column("a").column("b").row(1));
        assertEquals("table[t].row[0].length", e.field());
        e = assertThrows(InvalidInputException.class, () -> Table.builder("t").column("a").column("a"));
        assertEquals("table[t].column.name", e.field());
        e = assertThrows(InvalidInputException.class, () -> Table.builder("t").column("a", null, "%d"));
        assertEquals("table.column[a].format", e.field());
        e = assertThrows(InvalidInputException.class, () -> Table.builder("t").column("a").row(new Object()));
        assertEquals("table[t].row[0][a]", e.field());
    }
}
