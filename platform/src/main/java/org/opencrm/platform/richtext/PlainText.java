package org.opencrm.platform.richtext;

import java.util.List;
import java.util.Set;

import org.owasp.html.HtmlSanitizer;

/**
 * Plain text of rich text, for places that show no markup: event payloads, timeline summaries, notifications. Block
 * elements and line breaks become spaces, runs of white space one space, entities their characters.
 */
public final class PlainText {

    private static final Set<String> BREAKING = Set.of("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "blockquote", "pre", "div", "tr", "td", "th");

    private static final String ELLIPSIS = "…";

    private PlainText() {
    }

    /** The whole text of {@code html}, sanitised first so that no script or style content counts as text. */
    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        HtmlSanitizer.sanitize(RichText.sanitize(html), new TextCollector(text));
        return text.toString().replaceAll("(?U)\\s+", " ").strip();
    }

    /**
     * At most {@code maxLength} characters of the text, cut at a word boundary where one is near and ended with an
     * ellipsis when cut; never splits a surrogate pair.
     */
    public static String excerpt(String html, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("an excerpt needs room for a character and the ellipsis");
        }
        String text = of(html);
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - ELLIPSIS.length();
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > end * 3 / 4) {
            end = space;
        }
        return text.substring(0, end).strip() + ELLIPSIS;
    }

    /** Receives the sanitised document's events and keeps only its (decoded) text. */
    private static final class TextCollector implements HtmlSanitizer.Policy {

        private final StringBuilder text;

        TextCollector(StringBuilder text) {
            this.text = text;
        }

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            if (BREAKING.contains(elementName)) {
                text.append(' ');
            }
        }

        @Override
        public void closeTag(String elementName) {
            if (BREAKING.contains(elementName)) {
                text.append(' ');
            }
        }

        @Override
        public void text(String textChunk) {
            text.append(textChunk);
        }
    }
}
