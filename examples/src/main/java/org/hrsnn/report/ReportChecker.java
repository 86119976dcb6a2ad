package org.hrsnn.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Checks that a report is self-contained and whole, by scanning its text (no full HTML parser:
 * the reports are generated, so a few patterns cover them):
 * <ul>
 *   <li>every {@code <img>} has a {@code data:image/...;base64,} source that decodes to an image
 *       with non-zero width and height;</li>
 *   <li>there is a table of contents ({@code <nav class="toc">}) and every {@code #id} it links to
 *       exists exactly once in the document;</li>
 *   <li>nothing refers to another location: no http(s) or protocol-relative {@code //} address in
 *       src, href, srcset, action, poster, data or CSS {@code url()}, no {@code @import};</li>
 *   <li>no {@code <script>} element (reports need none; an escaped title cannot create one).</li>
 * </ul>
 * Usage: {@code java org.hrsnn.report.ReportChecker report.html} prints each problem and exits
 * with 1 if there is any, 0 otherwise.
 */
public final class ReportChecker {
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\balt\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_URI = Pattern.compile("data:image/(png|jpeg|gif|bmp);base64,(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TOC = Pattern.compile("<nav\\b[^>]*class\\s*=\\s*\"[^\"]*\\btoc\\b[^\"]*\"[^>]*>(.*?)</nav>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LOCAL_LINK = Pattern.compile("\\bhref\\s*=\\s*\"#([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("\\sid\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_ATTRIBUTE = Pattern.compile(
            "\\b(src|href|srcset|action|poster|data|background)\\s*=\\s*[\"']?\\s*((?:https?:)?//[^\"'\\s>]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_CSS_URL = Pattern.compile("url\\(\\s*[\"']?\\s*((?:https?:)?//[^)\"']*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("@import\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT = Pattern.compile("<script\\b", Pattern.CASE_INSENSITIVE);

    private ReportChecker() {
    }

    /** What was found: the problems (empty when the report passes) and what was checked. */
    public record Result(List<String> problems, int images, int tocEntries) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Result check(Path html) {
        try {
            return check(Files.readString(html, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + html, e);
        }
    }

    public static Result check(String html) {
        List<String> problems = new ArrayList<>();
        if (!html.regionMatches(true, 0, "<!DOCTYPE html>", 0, "<!DOCTYPE html>".length())) {
            problems.add("document does not start with <!DOCTYPE html>");
        }

        int images = 0;
        Matcher img = IMG.matcher(html);
        while (img.find()) {
            images++;
            String tag = img.group();
            Matcher alt = ALT.matcher(tag);
            String name = "image " + images + (alt.find() ? " ('" + shorten(alt.group(1)) + "')" : "");
            Matcher src = SRC.matcher(tag);
            if (!src.find()) {
                problems.add(name + ": no src attribute");
                continue;
            }
            String value = src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
            String problem = checkDataUri(value);
            if (problem != null) {
                problems.add(name + ": " + problem);
            }
        }

        int tocEntries = 0;
        Matcher toc = TOC.matcher(html);
        if (!toc.find()) {
            problems.add("no table of contents (<nav class=\"toc\">)");
        } else {
            Set<String> ids = new HashSet<>();
            Set<String> duplicated = new HashSet<>();
            Matcher id = ID.matcher(html);
            while (id.find()) {
                if (!ids.add(id.group(1))) {
                    duplicated.add(id.group(1));
                }
            }
            Matcher link = LOCAL_LINK.matcher(toc.group(1));
            while (link.find()) {
                tocEntries++;
                String target = link.group(1);
                if (!ids.contains(target)) {
                    problems.add("table of contents links to #" + target + ", which does not exist");
                } else if (duplicated.contains(target)) {
                    problems.add("table of contents links to #" + target + ", which exists more than once");
                }
            }
        }

        Matcher ext = EXTERNAL_ATTRIBUTE.matcher(html);
        while (ext.find()) {
            problems.add("external reference " + ext.group(1).toLowerCase(Locale.ROOT) + "=" + shorten(ext.group(2)));
        }
        Matcher css = EXTERNAL_CSS_URL.matcher(html);
        while (css.find()) {
            problems.add("external reference url(" + shorten(css.group(1)) + ")");
        }
        if (IMPORT.matcher(html).find()) {
            problems.add("CSS @import (loads another file)");
        }
        if (SCRIPT.matcher(html).find()) {
            problems.add("<script> element (reports must work without scripts)");
        }
        return new Result(List.copyOf(problems), images, tocEntries);
    }

    /** Null when the value is a decodable image data URI, else what is wrong. */
    static String checkDataUri(String value) {
        Matcher m = DATA_URI.matcher(value);
        if (!m.matches()) {
            return "src is not an embedded data:image/...;base64 URI (starts '" + shorten(value) + "')";
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(m.group(2).replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            return "base64 does not decode: " + e.getMessage();
        }
        if (bytes.length == 0) {
            return "empty image data";
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                return "data is not a readable " + m.group(1) + " image (" + bytes.length + " bytes)";
            }
            if (image.getWidth() <= 0 || image.getHeight() <= 0) {
                return "image has zero size";
            }
        } catch (IOException | RuntimeException e) {
            return "image does not decode: " + e.getMessage();
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ReportChecker REPORT.html");
            System.exit(2);
        }
        Result r = check(Path.of(args[0]));
        for (String p : r.problems()) {
            System.out.println("PROBLEM: " + p);
        }
        System.out.println((r.ok() ? "OK" : "FAILED") + ": " + r.images() + " images, " + r.tocEntries()
                + " table-of-contents entries, " + r.problems().size() + " problems");
        System.exit(r.ok() ? 0 : 1);
    }
}
