import { describe, expect, test } from "vitest";

import { HIGHLIGHT_START as START, HIGHLIGHT_STOP as STOP, snippetSegments } from "./search-snippet";

describe("snippetSegments", () => {
  test("marked words become highlighted segments", () => {
    expect(snippetSegments(`Mange ${START}brukarar${STOP} her, og ${START}brukere${STOP}.`)).toEqual([
      { text: "Mange ", highlighted: false },
      { text: "brukarar", highlighted: true },
      { text: " her, og ", highlighted: false },
      { text: "brukere", highlighted: true },
      { text: ".", highlighted: false },
    ]);
  });

  test("adjacent marks leave no empty segment", () => {
    expect(snippetSegments(`${START}gikk${STOP}${START}hjem${STOP}`)).toEqual([
      { text: "gikk", highlighted: true },
      { text: "hjem", highlighted: true },
    ]);
  });

  test("line breaks and runs of spaces collapse", () => {
    expect(snippetSegments("  Første linje\n\n**Andre**   linje  ")).toEqual([{ text: "Første linje **Andre** linje", highlighted: false }]);
  });

  test("text without marks is one plain segment", () => {
    expect(snippetSegments("Ingen treff her")).toEqual([{ text: "Ingen treff her", highlighted: false }]);
  });

  test("HTML stays plain text", () => {
    expect(snippetSegments(`<script>alert(1)</script> ${START}angst${STOP}`)).toEqual([
      { text: "<script>alert(1)</script> ", highlighted: false },
      { text: "angst", highlighted: true },
    ]);
  });

  test("empty headline has no segments", () => {
    expect(snippetSegments("")).toEqual([]);
  });
});
