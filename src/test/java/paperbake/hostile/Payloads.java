package paperbake.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile text a machine-written digest might carry. Each payload that could run script tries to
 * set its own global {@code window.__pwned_N} or open a dialog, so a browser test can tell that
 * it ran; the others (template syntax, bidi overrides) must come out as plain, literal text.
 */
final class Payloads {

    private Payloads() {}

    record Payload(int n, String text) {

        /** The global this payload sets if it ever runs. */
        String global() {
            return "__pwned_" + n;
        }
    }

    private static final List<String> TEXT = List.of(
            "<script>window.__pwned_N=1</script>",
            "<img src=x onerror=\"window.__pwned_N=1\">",
            "<svg onload=window.__pwned_N=1>",
            "\"><script>window.__pwned_N=1</script>",
            "'><img src=x onerror=window.__pwned_N=1>",
            "\" onmouseover=\"window.__pwned_N=1\" autofocus onfocus=\"window.__pwned_N=1\" x=\"",
            "</script><script>window.__pwned_N=1</script>",
            "</title><script>window.__pwned_N=1</script>",
            "</textarea></noscript></style><script>window.__pwned_N=1</script>",
            "--><script>window.__pwned_N=1</script><!--",
            "<iframe src=\"javascript:parent.__pwned_N=1\"></iframe>",
            "<a href=\"javascript:window.__pwned_N=1\">click</a>",
            "<body onload=window.__pwned_N=1>",
            "<details open ontoggle=window.__pwned_N=1>",
            "<img src=x onerror=alert(N)>",
            "<script>confirm(N);prompt(N)</script>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__pwned_N=1\">",
            "<base href=\"javascript:/\"><object data=\"javascript:window.__pwned_N=1\"></object>",
            "<form action=javascript:window.__pwned_N=1><button formaction=javascript:window.__pwned_N=1>x</button></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned_N=1></style></mglyph></table></mtext></math>",
            "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned_N=1>\">",
            "<style>@import 'javascript:window.__pwned_N=1'; body{display:none}</style>",
            "{{constructor.constructor('window.__pwned_N=1')()}}",
            "${7*7} ${\"freemarker\"?upper_case} #{7*7}",
            "<#assign x=\"pwned\">${x} <@layout.page/> [#ftl]",
            "\u202Egnp.exe\u202C \u2066isolate\u2069 txet desrever",
            "\u2028\u2029 line and paragraph separators </script> in JSON \"quote\\ back",
            "<scr<script>ipt>window.__pwned_N=1</scr</script>ipt>",
            "&lt;script&gt;window.__pwned_N=1&lt;/script&gt; &#60;img src=x onerror=window.__pwned_N=1&#62;",
            "[link](javascript:window.__pwned_N=1) ![img](javascript:window.__pwned_N=1)");

    /** URLs that must never become a link (or at most an http(s) link that goes nowhere harmful). */
    private static final List<String> URLS = List.of(
            "javascript:window.__pwned_N=1",
            "JaVaScRiPt:window.__pwned_N=1",
            " javascript:window.__pwned_N=1",
            "java\tscript:window.__pwned_N=1",
            "&#106;avascript:window.__pwned_N=1",
            "data:text/html,<script>window.__pwned_N=1</script>",
            "vbscript:msgbox(1)",
            "https://example.org/\"><script>window.__pwned_N=1</script>",
            "https://example.org/' onmouseover='window.__pwned_N=1",
            "//evil.example/x");

    static List<Payload> text() {
        return number(TEXT, 0);
    }

    static List<Payload> urls() {
        return number(URLS, 100);
    }

    private static List<Payload> number(List<String> raw, int from) {
        List<Payload> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            int n = from + i + 1;
            out.add(new Payload(n, raw.get(i).replace("__pwned_N", "__pwned_" + n).replace("(N)", "(" + n + ")")));
        }
        return out;
    }

    /** A digest whose every field carries the payload; entry 1 links to arXiv, entry 2 to {@code url}. */
    static String digest(Payload p, String arxivId, String url, boolean frontMatter) {
        String t = p.text();
        StringBuilder d = new StringBuilder();
        if (frontMatter) {
            d.append("---\ntitle: ").append(t).append("\nchannel: ").append(t).append("\ndate: ").append(t).append("\n---\n\n");
        }
        String abs = "https://arxiv.org/abs/" + arxivId;
        d.append("# 摘要\n\n| Ref | Title | Summary |\n| --- | --- | --- |\n")
                .append("| [^1] | [").append(t).append(" en](").append(abs).append(") | ").append(t).append(" 摘要 |\n")
                .append("| [^2] | [").append(t).append(" other](").append(url).append(") | ").append(t).append(" |\n\n")
                .append("# 详细\n\n")
                .append("[^1]: ").append(t).append(" 中文标题\n\n")
                .append("    ").append(t).append(" English title\n\n")
                .append("    [").append(abs).append("](").append(abs).append(")\n\n")
                .append("    ").append(t).append(" 中文TL;DR\n\n")
                .append("    \n\n")
                .append("    ").append(t).append(" 中文摘要\n\n")
                .append("    arXiv:").append(arxivId).append("v1 Announce Type: new  Abstract: ").append(t).append(" abstract\n    \n")
                .append("[^2]: ").append(t).append(" 二\n\n")
                .append("    ").append(t).append(" second\n\n")
                .append("    [").append(url).append("](").append(url).append(")\n\n")
                .append("    ").append(t).append(" TL;DR\n    \n");
        return d.toString();
    }
}
