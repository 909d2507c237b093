import { tests as specExamples, type CommonMarkExample } from "commonmark-spec";
import { Parser } from "htmlparser2";
import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";

import { quoteMarkdown, renderPostMarkdown } from "./render-markdown";

const LINK_REL = "nofollow ugc noopener";

const ALLOWED_ELEMENTS = new Set(["p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"]);
const ALLOWED_ATTRIBUTES = new Set(["href", "rel", "start"]);
const BLOCK_ELEMENTS = ["p", "ul", "ol", "li", "blockquote"];
const VOID_ELEMENTS = new Set(["br", "img", "hr"]);

/** Checks an href against the forum's link rule, written from the rule itself rather than from the renderer. */
function isForumHref(href: string): boolean {
  return /^(https?|mailto):/i.test(href) || /^\/(?![/\\])/.test(href);
}

function escapeHtml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/**
 * Serialises HTML in one canonical form: entities decoded and re-escaped,
 * attributes sorted, void elements without a slash, and no whitespace around
 * block tags. The CommonMark spec's own test runner normalises HTML the same
 * way before it compares.
 *
 * With applyForumRules, the HTML also gets the changes the forum's rules make
 * on purpose. Links and images with a disallowed destination become their
 * text, and other images become links. Titles are dropped, every link gets
 * the forum's rel value, and bare http(s) URLs in text become links.
 */
function canonicalHtml(html: string, applyForumRules: boolean): string {
  let output = "";
  // htmlparser2 may report one run of text in several chunks, so text is collected until the next tag.
  let pendingText = "";
  // One entry per open <a>: whether it stays a link.
  const openLinks: boolean[] = [];

  function flushText(): void {
    const linkify = applyForumRules && !openLinks.includes(true);
    output += linkify ? linkifyText(pendingText) : escapeHtml(pendingText);
    pendingText = "";
  }

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        flushText();

        if (applyForumRules && name === "a") {
          const keep = !openLinks.includes(true) && isForumHref(attributes.href ?? "");
          openLinks.push(keep);
          if (keep) {
            output += openingTag("a", { href: attributes.href ?? "", rel: LINK_REL });
          }
          return;
        }

        if (applyForumRules && name === "img") {
          const src = attributes.src ?? "";
          const text = escapeHtml(attributes.alt || src);
          const keep = !openLinks.includes(true) && isForumHref(src);
          output += keep ? `${openingTag("a", { href: src, rel: LINK_REL })}${text}</a>` : text;
          return;
        }

        output += openingTag(name, attributes);
      },
      ontext(text) {
        pendingText += text;
      },
      onclosetag(name) {
        flushText();

        if (VOID_ELEMENTS.has(name)) {
          return;
        }

        if (applyForumRules && name === "a" && !openLinks.pop()) {
          return;
        }

        output += `</${name}>`;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flushText();

  const blockTag = new RegExp(`\\s*(</?(?:${BLOCK_ELEMENTS.join("|")})(?: [^>]*)?>)\\s*`, "g");

  return output.replace(blockTag, "$1").trim();
}

function linkifyText(text: string): string {
  const bareUrl = /https?:\/\/[^\s<>]+/g;
  let html = "";
  let position = 0;

  for (const match of text.matchAll(bareUrl)) {
    html += escapeHtml(text.slice(position, match.index));
    html += `${openingTag("a", { href: match[0], rel: LINK_REL })}${escapeHtml(match[0])}</a>`;
    position = match.index + match[0].length;
  }

  return html + escapeHtml(text.slice(position));
}

function openingTag(name: string, attributes: Record<string, string>): string {
  const serialised = Object.keys(attributes)
    .sort()
    .map((key) => ` ${key}="${escapeHtml(attributes[key] ?? "")}"`)
    .join("");

  return `<${name}${serialised}>`;
}

interface ParsedElement {
  name: string;
  attributes: Record<string, string>;
}

function parseElements(html: string): ParsedElement[] {
  const elements: ParsedElement[] = [];
  const parser = new Parser({ onopentag: (name, attributes) => elements.push({ name, attributes }) }, { decodeEntities: true });
  parser.write(html);
  parser.end();

  return elements;
}

describe("CommonMark spec examples", () => {
  const supportedSections = [
    "Paragraphs",
    "Emphasis and strong emphasis",
    "Lists",
    "List items",
    "Block quotes",
    "Links",
    "Autolinks",
    "Backslash escapes",
    "Entity and numeric character references",
    "Hard line breaks",
    "Soft line breaks",
    "Blank lines",
    "Tabs",
  ];

  // Token types of markdown-it's full CommonMark parser that the forum renders as text.
  const disabledConstructs: Record<string, string> = {
    heading_open: "heading",
    code_block: "indented code",
    fence: "fenced code",
    code_inline: "code span",
    hr: "thematic break",
    html_block: "raw HTML",
    html_inline: "raw HTML",
  };

  const referenceParser = new MarkdownIt("commonmark");
  referenceParser.validateLink = () => true;

  /** Names the first disabled construct the example uses, or returns undefined when it uses none. */
  function disabledConstructIn(markdown: string): string | undefined {
    for (const token of referenceParser.parse(markdown, {})) {
      for (const inner of [token, ...(token.children ?? [])]) {
        const construct = disabledConstructs[inner.type];
        if (construct) {
          return construct;
        }
      }
    }

    return undefined;
  }

  // The spec file writes a tab as "→", and its own runners replace it before use.
  const examples = specExamples
    .filter((example) => supportedSections.includes(example.section))
    .map((example): CommonMarkExample => ({ ...example, markdown: example.markdown.replaceAll("→", "\t"), html: example.html.replaceAll("→", "\t") }));

  const run: CommonMarkExample[] = [];
  const skipReasons = new Map<string, number>();
  for (const example of examples) {
    const construct = disabledConstructIn(example.markdown);
    if (construct) {
      skipReasons.set(construct, (skipReasons.get(construct) ?? 0) + 1);
    } else {
      run.push(example);
    }
  }

  const skipSummary = [...skipReasons].map(([construct, count]) => `${count} ${construct}`).join(", ");

  test(`runs ${run.length} of ${examples.length}, skips ${examples.length - run.length}: ${skipSummary}`, () => {
    expect(examples.length).toBeGreaterThan(350);
    expect(run.length).toBeGreaterThan(300);
  });

  test.each(run)("example $number ($section)", (example) => {
    const rendered = canonicalHtml(renderPostMarkdown(example.markdown), false);

    expect(rendered).toBe(canonicalHtml(example.html, true));
  });
});

describe("renderPostMarkdown against XSS payloads", () => {
  const payloads = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<p style=\"position:fixed;top:0\">x</p>",
    "<style>*{background:url(javascript:alert(1))}</style>",
    "<!-- <script>alert(1)</script> -->",
    "<!--><img src=x onerror=alert(1)>-->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "*<b onmouseover=alert(1)>bold</b>*",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](   javascript:alert(1))",
    "[x](\njavascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;vascript&#x3A;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&#9;script:alert(1))",
    "[x](<java\tscript:alert(1)>)",
    "[x](javascript:alert&#40;1&#41;)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](DATA:text/html,alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "[x](//evil.example/x)",
    "[x](/\\evil.example/x)",
    "[x](https://example.com \"t\\\" onmouseover=\\\"alert(1)\")",
    "[<img src=x onerror=alert(1)>](https://example.com)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[ref]\n\n[ref]: &#x6A;avascript:alert(1)",
    "[ref][]\n\n[ref]: vbscript:msgbox(1) \"title\"",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<data:text/html,alert(1)>",
    "<vbscript:msgbox(1)>",
    "<https://example.com/\" onmouseover=\"alert(1)>",
    "![x](javascript:alert(1))",
    "![x](https://evil.example/a.png)",
    "![x\" onerror=\"alert(1)](https://evil.example/a.png)",
    "![](data:image/png;base64,iVBORw0KGgo=)",
    "![x](https://evil.example/a.png \"\\\" onerror=\\\"alert(1)\")",
    "[![x](javascript:alert(1))](https://example.com)",
    "http://example.com/\"onmouseover=\"alert(1)",
    "https://example.com/<script>alert(1)</script>",
    "\\<script>alert(1)\\</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "> <script>alert(1)</script>\n> > [x](javascript:alert(1))\n> > > ![y](https://evil.example/y.png)",
    "- a\n  - [x](javascript:alert(1))\n    > <iframe src=javascript:alert(1)></iframe>",
    "1. <svg/onload=alert(1)>\n2. ![a](vbscript:msgbox(1))\n   - <a href=data:text/html,x>x</a>",
    `${"> ".repeat(60)}<script>alert(1)</script>`,
  ];

  test("table holds at least 40 payloads", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(40);
  });

  test.each(payloads)("%j renders only allowed markup", (payload) => {
    const elements = parseElements(renderPostMarkdown(payload));

    for (const element of elements) {
      expect(ALLOWED_ELEMENTS, `element <${element.name}>`).toContain(element.name);
      for (const attribute of Object.keys(element.attributes)) {
        expect(ALLOWED_ATTRIBUTES, `attribute ${attribute} on <${element.name}>`).toContain(attribute);
      }
    }
    expect(elements.filter((element) => element.name === "img")).toEqual([]);

    for (const link of elements.filter((element) => element.name === "a")) {
      expect(isForumHref(link.attributes.href ?? ""), `href ${link.attributes.href}`).toBe(true);
      expect(link.attributes.rel).toBe(LINK_REL);
    }
  });
});

describe("renderPostMarkdown", () => {
  test("image becomes a link with its alt text", () => {
    expect(renderPostMarkdown("![Kart over stien](https://example.no/kart.png)")).toBe(
      `<p><a href="https://example.no/kart.png" rel="${LINK_REL}">Kart over stien</a></p>\n`,
    );
  });

  test("image alt text is escaped once", () => {
    expect(renderPostMarkdown("![Ro & fred <3](/bilde.png)")).toBe(`<p><a href="/bilde.png" rel="${LINK_REL}">Ro &amp; fred &lt;3</a></p>\n`);
  });

  test("image without alt text shows its URL", () => {
    expect(renderPostMarkdown("![](https://example.no/bilde%20av%20meg.png)")).toBe(
      `<p><a href="https://example.no/bilde%20av%20meg.png" rel="${LINK_REL}">https://example.no/bilde av meg.png</a></p>\n`,
    );
  });

  test("image with a disallowed URL becomes text", () => {
    expect(renderPostMarkdown("![bilde](data:image/png;base64,iVBORw0KGgo=)")).toBe("<p>bilde</p>\n");
  });

  test("image inside a link becomes its text", () => {
    expect(renderPostMarkdown("[![Logo](/logo.png)](https://example.no)")).toBe(`<p><a href="https://example.no" rel="${LINK_REL}">Logo</a></p>\n`);
  });

  test.each([
    ["inline link", "[Helsenorge](https://www.helsenorge.no)", "https://www.helsenorge.no"],
    ["link with title", '[Helsenorge](https://www.helsenorge.no "Tittel")', "https://www.helsenorge.no"],
    ["reference link", "[Helsenorge][h]\n\n[h]: https://www.helsenorge.no", "https://www.helsenorge.no"],
    ["autolink", "<https://www.helsenorge.no>", "https://www.helsenorge.no"],
    ["e-mail autolink", "<post@example.no>", "mailto:post@example.no"],
    ["mailto link", "[Skriv](MAILTO:post@example.no)", "MAILTO:post@example.no"],
    ["site path", "[Kaféer](/kafeer)", "/kafeer"],
    ["bare URL", "Se https://www.helsenorge.no i dag", "https://www.helsenorge.no"],
  ])("%s gets an href and the rel value", (_name, source, href) => {
    const links = parseElements(renderPostMarkdown(source)).filter((element) => element.name === "a");

    expect(links).toEqual([{ name: "a", attributes: { href, rel: LINK_REL } }]);
  });

  test.each([
    ["javascript: link", "[trykk her](javascript:alert(1))", "<p>trykk her</p>\n"],
    ["protocol-relative link", "[trykk her](//evil.example)", "<p>trykk her</p>\n"],
    ["relative path", "[trykk her](side.html)", "<p>trykk her</p>\n"],
    ["fragment", "[trykk her](#topp)", "<p>trykk her</p>\n"],
    ["ftp autolink", "<ftp://example.no/fil>", "<p>ftp://example.no/fil</p>\n"],
  ])("%s becomes text", (_name, source, expected) => {
    expect(renderPostMarkdown(source)).toBe(expected);
  });

  test("backslash path does not leave the site", () => {
    const [link] = parseElements(renderPostMarkdown("[x](/\\evil.example)")).filter((element) => element.name === "a");

    expect(link?.attributes.href).toBe("/%5Cevil.example");
  });

  test.each([
    ["domain without scheme", "Les mer på helsenorge.no"],
    ["e-mail address", "Skriv til post@example.no"],
    ["ftp URL", "Hent ftp://example.no/fil"],
    ["protocol-relative URL", "Se //example.no/side"],
  ])("%s is not linked", (_name, source) => {
    expect(renderPostMarkdown(source)).toBe(`<p>${source}</p>\n`);
  });

  test("raw HTML shows as text", () => {
    expect(renderPostMarkdown("Jeg er <b>glad</b> i dag")).toBe("<p>Jeg er &lt;b&gt;glad&lt;/b&gt; i dag</p>\n");
  });

  test.each([
    ["ATX heading", "# Overskrift", "<p># Overskrift</p>\n"],
    ["setext heading", "Overskrift\n===", "<p>Overskrift\n===</p>\n"],
    ["code span", "Skriv `kode` her", "<p>Skriv `kode` her</p>\n"],
    ["fenced code", "```\nkode\n```", "<p>```\nkode\n```</p>\n"],
    ["indented code", "    kode", "<p>kode</p>\n"],
    ["thematic break", "før\n\n---\n\netter", "<p>før</p>\n<p>---</p>\n<p>etter</p>\n"],
    ["strikethrough", "~~borte~~", "<p>~~borte~~</p>\n"],
    ["table", "| a | b |\n|---|---|\n| 1 | 2 |", "<p>| a | b |\n|---|---|\n| 1 | 2 |</p>\n"],
  ])("%s stays text", (_name, source, expected) => {
    expect(renderPostMarkdown(source)).toBe(expected);
  });

  test("supported blocks and inlines render", () => {
    const source = "*Hei* og **takk**\n\n- en\n- to\n\n3. tre\n4. fire\n\n> sitat";

    expect(renderPostMarkdown(source)).toBe(
      '<p><em>Hei</em> og <strong>takk</strong></p>\n<ul>\n<li>en</li>\n<li>to</li>\n</ul>\n<ol start="3">\n<li>tre</li>\n<li>fire</li>\n</ol>\n<blockquote>\n<p>sitat</p>\n</blockquote>\n',
    );
  });

  test("soft line break stays a newline", () => {
    expect(renderPostMarkdown("første linje\nandre linje")).toBe("<p>første linje\nandre linje</p>\n");
  });

  test("hard line break becomes br", () => {
    expect(renderPostMarkdown("første linje  \nandre linje")).toBe("<p>første linje<br />\nandre linje</p>\n");
  });

  test("long post renders completely", () => {
    const paragraph = "Jeg har hatt en *tung* uke, men [kafeen](/kafeer) hjalp. Se https://www.helsenorge.no for mer.\n\n";
    const source = paragraph.repeat(Math.ceil(20_000 / paragraph.length));

    const elements = parseElements(renderPostMarkdown(source));

    expect(source.length).toBeGreaterThanOrEqual(20_000);
    expect(elements.filter((element) => element.name === "p")).toHaveLength(source.split("\n\n").length - 1);
    expect(elements.filter((element) => element.name === "a")).toHaveLength(2 * (source.split("\n\n").length - 1));
  });
});

describe("quoteMarkdown", () => {
  test("prefixes lines and ends with a blank line", () => {
    expect(quoteMarkdown("Hei alle\n\nTakk for sist\n")).toBe("> Hei alle\n>\n> Takk for sist\n\n");
  });

  test("normalises Windows line endings", () => {
    expect(quoteMarkdown("en\r\nto")).toBe("> en\n> to\n\n");
  });

  test.each([
    ["one line", "Takk for at du delte"],
    ["two paragraphs", "Første avsnitt\nfortsetter her\n\nAndre avsnitt"],
    ["list", "- en\n- to\n\n1. tre"],
    ["quote of a quote", "> Det du skrev\n\nJeg er enig"],
    ["emphasis and link", "*Veldig* bra, se [kafeen](/kafeer)"],
    ["lazy paragraph end", "Siste linje uten punktum"],
  ])("%s round-trips into a block quote", (_name, original) => {
    const reply = renderPostMarkdown(`${quoteMarkdown(original)}Takk, det hjalp.`);

    expect(reply).toBe(`<blockquote>\n${renderPostMarkdown(original)}</blockquote>\n<p>Takk, det hjalp.</p>\n`);
  });
});
