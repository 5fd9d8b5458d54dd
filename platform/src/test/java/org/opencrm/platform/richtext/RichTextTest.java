package org.opencrm.platform.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy against the vectors of the OWASP XSS Filter Evasion Cheat Sheet (and a few mutation-XSS classics): the
 * output is parsed again by jsoup, as a browser would parse it, and must hold nothing but the allowed elements, no
 * attribute but a link's {@code href} (http, https, mailto or relative) and the forced {@code rel}.
 */
class RichTextTest {

    private static final Set<String> ALLOWED = Set.of(RichText.ELEMENTS);

    static Stream<String> vectors() {
        return Stream.of(
                "<script>alert('XSS')</script>",
                "<SCRIPT SRC=https://cdn.example/xss.js></SCRIPT>",
                "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
                "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
                "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
                "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
                "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
                "<a href=\" javascript:alert(1)\">click</a>",
                "<a href=\"jav&#x0A;ascript:alert(1)\">click</a>",
                "<a href=\"jav\tascript:alert(1)\">click</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
                "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">click</a>",
                "<a href=\"javascript&colon;alert(1)\">click</a>",
                "<a href=\"vbscript:msgbox(1)\">click</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
                "<a href=\"DATA:text/html,<script>alert(1)</script>\">click</a>",
                "<a href=\"https://example.com\" onclick=\"alert(1)\" onmouseover=alert(1)>link</a>",
                "<a href=\"https://example.com\" target=\"_blank\" rel=\"opener\">link</a>",
                "<p onmouseover=\"alert(1)\" style=\"background:url(javascript:alert(1))\">text</p>",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<style>@import 'https://xss.example/xss.css';</style>",
                "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
                "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
                "<DIV STYLE=\"width: expression(alert('XSS'));\">",
                "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
                "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
                "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
                "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
                "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
                "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH\" type=\"image/svg+xml\">",
                "<BASE HREF=\"javascript:alert('XSS');//\">",
                "<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>go</button></form>",
                "<input onfocus=alert(1) autofocus>",
                "<details open ontoggle=alert(1)>",
                "<video><source onerror=\"alert(1)\"></video>",
                "<body onload=alert('XSS')>",
                "<BGSOUND SRC=\"javascript:alert('XSS');\">",
                "<BR SIZE=\"&{alert('XSS')}\">",
                "<strong onclick=alert(1)>bold</strong><em style=\"color:red\">it</em>",
                "<h2 id=x class=\"y\" onmouseover=alert(1)>title</h2>",
                "<ul><li onclick=alert(1)>one</li></ul>",
                "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
                "<pre><code class=\"language-js\" onclick=alert(1)>x</code></pre>",
                "\"><script>alert(String.fromCharCode(88,83,83))</script>",
                "%3Cscript%3Ealert(1)%3C/script%3E",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<a href=\"mailto:a@example.com\" onclick=alert(1)>mail</a>",
                "<!--<img src=x onerror=alert(1)>-->",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<xss onafterscriptexecute=alert(1)><script>1</script>",
                "<a href=\"java\u0000script:alert(1)\">nul</a>",
                "<img src=\"x\u0000\" onerror\u0000=alert(1)>");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void noVectorSurvives(String vector) {
        String output = RichText.sanitize(vector);

        Document parsed = Jsoup.parseBodyFragment(output);
        for (Element element : parsed.body().getAllElements()) {
            if (element == parsed.body()) {
                continue;
            }
            assertThat(ALLOWED).as("element <%s> in %s", element.tagName(), output).contains(element.tagName());
            for (Attribute attribute : element.attributes()) {
                assertThat(element.tagName().equals("a") && Set.of("href", "rel").contains(attribute.getKey()))
                    .as("attribute %s on <%s> in %s", attribute.getKey(), element.tagName(), output).isTrue();
            }
            if (element.tagName().equals("a")) {
                assertThat(element.attr("rel").split(" ")).containsExactlyInAnyOrder(RichText.LINK_RELS);
                assertSafeUrl(element.attr("href"), output);
            }
        }
        String lower = output.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script", "<svg", "<style", "<img", "<iframe", "javascript:", "vbscript:",
                "data:", "onerror", "onload", "style=");
    }

    private static void assertSafeUrl(String href, String output) {
        String scheme = href.contains(":") ? href.substring(0, href.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        assertThat(scheme.isEmpty() || List.of(RichText.LINK_PROTOCOLS).contains(scheme))
            .as("href %s in %s", href, output).isTrue();
    }

    @Test
    void keepsTheAllowedFormatting() {
        String html = "<h2>Title</h2><h3>Sub</h3><h4>Small</h4><p>A <strong>bold</strong>, <em>italic</em>, "
                + "<u>underlined</u> and <s>struck</s> line<br>and another.</p><ul><li><p>one</p></li></ul>"
                + "<ol><li>two</li></ol><blockquote><p>quote</p></blockquote><pre><code>x = 1</code></pre>"
                + "<p><code>inline</code></p>";

        Document parsed = Jsoup.parseBodyFragment(RichText.sanitize(html));

        assertThat(parsed.select("h2").text()).isEqualTo("Title");
        assertThat(parsed.select("h3").text()).isEqualTo("Sub");
        assertThat(parsed.select("h4").text()).isEqualTo("Small");
        assertThat(parsed.select("strong").text()).isEqualTo("bold");
        assertThat(parsed.select("em").text()).isEqualTo("italic");
        assertThat(parsed.select("u").text()).isEqualTo("underlined");
        assertThat(parsed.select("s").text()).isEqualTo("struck");
        assertThat(parsed.select("br")).hasSize(1);
        assertThat(parsed.select("ul > li > p").text()).isEqualTo("one");
        assertThat(parsed.select("ol > li").text()).isEqualTo("two");
        assertThat(parsed.select("blockquote > p").text()).isEqualTo("quote");
        assertThat(parsed.select("pre > code").text()).isEqualTo("x = 1");
        assertThat(parsed.select("p > code").text()).isEqualTo("inline");
    }

    @Test
    void keepsHttpHttpsAndMailtoLinksAndForcesTheirRel() {
        String html = "<a href=\"https://example.com/a?b=c\">s</a> <a href=\"http://example.com\">p</a> "
                + "<a href=\"mailto:ada@example.com\">m</a> <a href=\"ftp://example.com\">f</a>";

        Document parsed = Jsoup.parseBodyFragment(RichText.sanitize(html));

        assertThat(parsed.select("a").eachAttr("href")).containsExactly("https://example.com/a?b=c",
                "http://example.com", "mailto:ada@example.com");
        parsed.select("a").forEach(link -> assertThat(link.attr("rel").split(" "))
            .containsExactlyInAnyOrder(RichText.LINK_RELS));
        assertThat(parsed.text()).contains("f");
    }

    @Test
    void turnsDisallowedElementsIntoTheirTextButDropsScriptContent() {
        Document parsed = Jsoup.parseBodyFragment(RichText.sanitize("<h1>Big</h1><div>in a div</div><span>span</span>"));

        assertThat(parsed.select("h1, div, span")).isEmpty();
        assertThat(parsed.text()).contains("Big", "in a div", "span");
        assertThat(RichText.sanitize("<script>secret()</script>visible")).isEqualTo("visible");
        assertThat(RichText.sanitize(null)).isNull();
    }
}
