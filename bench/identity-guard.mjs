// Measures how long the forum's identity guard takes to check posts of 500, 2,000 and 10,000 characters.
// Run: node --import tsx bench/identity-guard.mjs   (optional: BENCH_RUNS, runs per length, default 2000)
//
// Posts are built from a fixed mix of ordinary sentences and sentences with identifying details, so every
// finder has work to do. Each length is warmed up first; the table gives per-call wall time in milliseconds.
import os from "node:os";

import { findIdentifyingDetails } from "../server/forum/identity-guard/find-identifying-details.ts";

const runs = Number(process.env.BENCH_RUNS ?? 2000);
const warmUpRuns = 200;

const sentences = [
  "Jeg har hatt en tung uke, men i dag var været fint og jeg gikk en tur.",
  "Eg jobbar på sjukehuset i Førde, og det er tungt for tida.",
  "Ring meg gjerne på 412 34 567 hvis du vil prate litt.",
  "Liv og helse er det viktigste, sa legen min.",
  "Kari Nordmann og jeg møttes på kafeen i Tromsø forrige tysdag.",
  "Det er 12 dager siden jeg sov 8 timer i strekk.",
  "I was born on 3 May 1990 and I live at Bærumsveien 210.",
  "Sola skinte, og vi spiste middag klokka 18:00.",
  "Følg meg på Instagram: @kari_85, eller skriv til kari.nordmann@gmail.com.",
  "Medisinen koster 1 250 kr i måneden, og det er mye for meg.",
  "Bilen min, AB 12345, står parkert i Storgata 12B, 0155 Oslo.",
  "Heier på deg! Dag for dag blir det litt bedre.",
];

/** Repeat the sentences, each on its own line now and then, up to exactly `length` characters. */
function buildPost(length) {
  let post = "";
  for (let index = 0; post.length < length; index += 1) {
    post += sentences[index % sentences.length] + (index % 4 === 3 ? "\n\n" : " ");
  }
  return post.slice(0, length);
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

const rows = [];
for (const length of [500, 2000, 10000]) {
  const post = buildPost(length);
  let findings = 0;
  for (let run = 0; run < warmUpRuns; run += 1) findings = findIdentifyingDetails(post).length;

  const timings = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    findIdentifyingDetails(post);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  rows.push({
    "text length": length,
    findings,
    runs,
    "p50 ms": percentile(timings, 0.5).toFixed(3),
    "p99 ms": percentile(timings, 0.99).toFixed(3),
    "max ms": timings.at(-1).toFixed(3),
  });
}

// Other processes on the machine lengthen the tail (p99, max) far more than the median, so print the load.
const [load] = os.loadavg();
console.log(`Node ${process.version}, ${os.cpus().length} cores, load average ${load.toFixed(1)}; ${runs} runs per length after ${warmUpRuns} warm-up runs`);
console.table(rows);
