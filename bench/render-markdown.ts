// Measures how long renderPostMarkdown takes for a typical post and for
// 20,000-character inputs built to stress the parser (deep nesting, many
// unclosed brackets and delimiters, many URLs).
//
// Run: npx tsx bench/render-markdown.ts   (optional: BENCH_RUNS, default 200)
import { renderPostMarkdown } from "../server/forum/render-markdown";

const runs = Number(process.env.BENCH_RUNS ?? 200);
const longLength = 20_000;

const typicalPost = [
  "Hei alle sammen,",
  "",
  "Jeg har tenkt mye på det **Solsikke** skrev i forrige uke. Det var *godt* å lese at flere kjenner seg igjen i at kveldene er verst.",
  "",
  "> Det hjelper å ha en fast ting å gjøre før leggetid.",
  "",
  "Dette har hjulpet meg litt:",
  "",
  "1. Gå en kort tur etter middag, selv når det regner.",
  "2. Skrive ned tre ting som gikk greit i dag.",
  "3. Legge telefonen i stua en halv time før jeg legger meg.",
  "",
  "Noen ganger klarer jeg ingenting av det, og det er også greit. Da prøver jeg bare å puste rolig og tenke at i morgen er en ny dag.",
  "",
  "- Øvelsen om pust i verktøykassa er fin: [pusteøvelse](/verktoy/ovelser/pust)",
  "- Helsenorge har også noe om søvn: https://www.helsenorge.no/sovn-og-sovnproblemer/",
  "- Mental Helse sin hjelpetelefon: <https://mentalhelse.no/>",
  "",
  "Jeg gleder meg til kafeen neste torsdag. Er det noen som vil gå sammen fra bussen?  ",
  "Jeg kommer med den som er framme kvart på seks.",
  "",
  "Ha en fin kveld,  ",
  "Morgenfugl",
  "",
  "Det har vært en lang vinter, og jeg merker at lyset gjør noe med meg. Jeg sover litt bedre, og jeg har begynt å gå de korte turene igjen. Det føles som små steg, men jeg er stolt av dem.",
  "",
  "Til deg som er ny her: det er helt greit å bare lese en stund før du skriver selv. Jeg gjorde det i flere måneder. Da jeg endelig skrev mitt første innlegg, fikk jeg et _varmt_ svar fra erfaringskonsulenten samme dag, og det gjorde at jeg turte å fortsette.",
  "",
  "Noen spurte om det er vanskelig å møte folk ansikt til ansikt etter å ha snakket sammen her. For meg var det skummelt første gang, men alle var vennlige, og ingen spurte om noe jeg ikke ville svare på. Vi drakk kaffe, snakket om været og om hvordan uka hadde vært.",
  "",
  "Hvis noen vil prøve kafeen for første gang: du trenger ikke si noe hvis du ikke vil. Det holder å komme, og du kan gå når du vil. Vi pleier å sitte ved det store bordet innerst i lokalet, og det er alltid noen som passer på at nye blir tatt godt imot.",
  "",
  "Takk for at dere leser og svarer. Det betyr mer enn dere tror.",
].join("\n");

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const inputs: [string, string][] = [
  ["typical post", typicalPost],
  ["typical post repeated", repeatTo(`${typicalPost}\n\n`, longLength)],
  ["unclosed brackets", repeatTo("[", longLength)],
  ["unclosed link destinations", repeatTo("[a](", longLength)],
  ["unclosed images", repeatTo("![a", longLength)],
  ["emphasis delimiters", repeatTo("*a _b ", longLength)],
  ["unmatched strong delimiters", repeatTo("**a ", longLength)],
  ["nested block quotes", repeatTo("> ", longLength)],
  ["nested lists", Array.from({ length: 400 }, (_, depth) => `${"  ".repeat(depth)}- item`).join("\n").slice(0, longLength)],
  ["angle brackets", repeatTo("<a", longLength)],
  ["bare URLs", repeatTo("https://example.no/a ", longLength)],
  ["backslashes and entities", repeatTo("\\*&amp;&#x41;", longLength)],
  ["reference definitions", repeatTo("[a]: /b\n[a]\n", longLength)],
];

function measure(source: string): { median: number; max: number } {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    renderPostMarkdown(source);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);

  return { median: times[Math.floor(times.length / 2)] ?? 0, max: times[times.length - 1] ?? 0 };
}

// Warm up the JIT so the first rows do not carry compilation time.
for (let run = 0; run < 50; run += 1) {
  renderPostMarkdown(typicalPost);
}

console.log(`renderPostMarkdown, ${runs} runs per input`);
console.log("| input | characters | median ms | max ms |");
console.log("|---|---:|---:|---:|");
for (const [name, source] of inputs) {
  const { median, max } = measure(source);
  console.log(`| ${name} | ${source.length} | ${median.toFixed(3)} | ${max.toFixed(3)} |`);
}
