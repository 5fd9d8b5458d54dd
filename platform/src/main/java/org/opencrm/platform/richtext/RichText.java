package org.opencrm.platform.richtext;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The CRM's one rich-text policy (OWASP Java HTML Sanitizer): what a note or a communication's body may keep of the
 * HTML a client sends. Everything else is removed — elements, attributes, styles, event handlers, URLs of any other
 * protocol — and the text of removed elements survives as text, except the content of {@code script}, {@code style}
 * and the like, which is dropped. The README lists the same set; keep them together.
 */
public final class RichText {

    /** Elements kept, without attributes except a link's {@code href}. */
    static final String[] ELEMENTS = { "p", "br", "strong", "b", "em", "i", "u", "s", "strike", "del", "h2", "h3",
            "h4", "ul", "ol", "li", "blockquote", "code", "pre", "a" };

    /** The only URL protocols a link may have; relative URLs stay. */
    static final String[] LINK_PROTOCOLS = { "http", "https", "mailto" };

    /** Forced on every link: no search-engine credit, no {@code window.opener}, no referrer for the target. */
    static final String[] LINK_RELS = { "nofollow", "noopener", "noreferrer" };

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
        .allowElements(ELEMENTS)
        .allowUrlProtocols(LINK_PROTOCOLS)
        .allowAttributes("href").onElements("a")
        .requireRelsOnLinks(LINK_RELS)
        .toFactory();

    private RichText() {
    }

    /** The HTML that is safe to store and to render as it is; null for null. */
    public static String sanitize(String html) {
        return html == null ? null : POLICY.sanitize(html).strip();
    }
}
