import { describe, expect, test } from "vitest";

import { demoClosedGroups, demoForumCategories, demoForumThreads, demoReveals, postAgeInHours, postedAt, type DemoPost, type DemoThread } from "./demo-forum-content";
import { demoPeople, type DemoPerson } from "./seed-demo";

const HOUR_IN_MS = 60 * 60 * 1000;

const peopleByKey = new Map(demoPeople.map((person) => [person.key, person]));
const forumPeople = demoPeople.filter((person) => person.pseudonym && person.roles.includes("member"));
const forumPseudonyms = forumPeople.map((person) => person.pseudonym!);
const groupThreads = demoClosedGroups.flatMap((group) => group.threads);
const allThreads: DemoThread[] = [...demoForumThreads, ...groupThreads];

interface PlacedPost {
  thread: DemoThread;
  index: number;
  post: DemoPost;
  label: string;
}

function placedPosts(threads: DemoThread[]): PlacedPost[] {
  return threads.flatMap((thread) => thread.posts.map((post, index) => ({ thread, index, post, label: `${thread.key} post ${index}` })));
}

const allPosts = placedPosts(allThreads);
const openPosts = placedPosts(demoForumThreads);

function writtenForm(key: string): DemoPerson["locale"] {
  return peopleByKey.get(key)?.locale ?? "nb";
}

function firstName(person: DemoPerson): string {
  return person.fullName.split(" ")[0]!;
}

/** Return the text of the "> " lines, without the marker. */
function quotedLines(body: string): string[] {
  return body
    .split("\n")
    .filter((line) => line.startsWith(">"))
    .map((line) => line.replace(/^>\s?/, ""));
}

function withoutQuotedLines(body: string): string {
  return body
    .split("\n")
    .filter((line) => !line.startsWith(">"))
    .join("\n");
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function containsWholeWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "u").test(text);
}

/**
 * Return the name after each "@": the longest pseudonym that the text
 * continues with, because pseudonyms may contain spaces ("Stille vann").
 * Where no pseudonym matches, return the word that follows, so a failing
 * check shows the unknown name.
 */
function mentionedNames(body: string): string[] {
  return [...body.matchAll(/@/g)].map((match) => {
    const rest = body.slice(match.index + 1);
    const pseudonym = forumPseudonyms
      .filter((candidate) => rest.startsWith(candidate) && !/^[\p{L}\p{N}]/u.test(rest.slice(candidate.length)))
      .sort((a, b) => b.length - a.length)[0];
    return pseudonym ?? rest.split(/[^\p{L}\p{N}]/u)[0]!;
  });
}

/** List every text a reader of the open forum can see, labelled with its source. */
function openForumTexts(): Array<{ label: string; text: string }> {
  return [
    ...demoForumCategories.flatMap((category) =>
      (["nb", "nn", "en"] as const).flatMap((locale) => [
        { label: `${category.slug} name ${locale}`, text: category.name[locale] },
        { label: `${category.slug} description ${locale}`, text: category.description[locale] },
      ]),
    ),
    ...demoForumThreads.map((thread) => ({ label: `${thread.key} title`, text: thread.title })),
    ...openPosts.flatMap(({ post, label }) => [
      { label, text: post.body },
      ...(post.contentWarning ? [{ label: `${label} content warning`, text: post.contentWarning }] : []),
    ]),
  ];
}

function closedGroupTexts(): Array<{ label: string; text: string }> {
  return [
    ...demoClosedGroups.map((group) => ({ label: `${group.key} name`, text: group.name })),
    ...groupThreads.map((thread) => ({ label: `${thread.key} title`, text: thread.title })),
    ...placedPosts(groupThreads).map(({ post, label }) => ({ label, text: post.body })),
  ];
}

describe("demo forum categories", () => {
  test("number six to eight", () => {
    expect(demoForumCategories.length).toBeGreaterThanOrEqual(6);
    expect(demoForumCategories.length).toBeLessThanOrEqual(8);
  });

  test.each(demoForumCategories.map((category) => [category.slug, category]))("%s has every language", (_slug, category) => {
    for (const locale of ["nb", "nn", "en"] as const) {
      expect(category.name[locale].trim(), `name ${locale}`).not.toBe("");
      expect(category.description[locale].trim(), `description ${locale}`).not.toBe("");
    }
  });

  test("slugs are unique and URL-safe", () => {
    const slugs = demoForumCategories.map((category) => category.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test("each holds at least one thread", () => {
    for (const category of demoForumCategories) {
      expect(
        demoForumThreads.some((thread) => thread.categorySlug === category.slug),
        category.slug,
      ).toBe(true);
    }
  });
});

describe("demo forum threads", () => {
  test("counts are in range", () => {
    expect(demoForumThreads.length).toBeGreaterThanOrEqual(36);
    expect(demoForumThreads.length).toBeLessThanOrEqual(44);
    expect(openPosts.length).toBeGreaterThanOrEqual(180);
    expect(openPosts.length).toBeLessThanOrEqual(240);
  });

  test("each has two to twelve posts", () => {
    for (const thread of allThreads) {
      expect(thread.posts.length, thread.key).toBeGreaterThanOrEqual(2);
      expect(thread.posts.length, thread.key).toBeLessThanOrEqual(12);
    }
  });

  test("keys are unique across categories and groups", () => {
    const keys = allThreads.map((thread) => thread.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("belong to existing categories", () => {
    const slugs = new Set(demoForumCategories.map((category) => category.slug));
    for (const thread of demoForumThreads) expect(slugs.has(thread.categorySlug), thread.key).toBe(true);
  });

  test("authors and reactors are forum members", () => {
    const forumKeys = new Set(forumPeople.map((person) => person.key));
    for (const { post, label } of allPosts) {
      expect(forumKeys.has(post.authorKey), `${label} author ${post.authorKey}`).toBe(true);
      for (const reaction of post.reactions ?? []) {
        expect(forumKeys.has(reaction.authorKey), `${label} reactor ${reaction.authorKey}`).toBe(true);
      }
    }
  });

  test("reactions are unique and never on one's own post", () => {
    for (const { post, label } of allPosts) {
      const reactions = (post.reactions ?? []).map((reaction) => `${reaction.authorKey}/${reaction.kind}`);
      expect(new Set(reactions).size, label).toBe(reactions.length);
      for (const reaction of post.reactions ?? []) expect(reaction.authorKey, label).not.toBe(post.authorKey);
    }
  });

  test("posts are in time order within the last 61 days", () => {
    for (const thread of allThreads) {
      const ages = thread.posts.map(postAgeInHours);
      for (let i = 1; i < ages.length; i++) expect(ages[i], `${thread.key} post ${i}`).toBeLessThan(ages[i - 1]!);
    }
    for (const { post, label } of allPosts) {
      expect(post.hoursAgo ?? 0, label).toBeGreaterThanOrEqual(0);
      expect(post.hoursAgo ?? 0, label).toBeLessThan(24);
      expect(post.daysAgo, label).toBeGreaterThanOrEqual(0);
      expect(post.daysAgo, label).toBeLessThanOrEqual(60);
      expect(postAgeInHours(post), label).toBeGreaterThan(0);
    }
  });

  test("quotes point to earlier posts in the thread", () => {
    const quoting = allPosts.filter(({ post }) => post.quotesPostIndex !== undefined);
    expect(quoting.length).toBeGreaterThanOrEqual(5);
    for (const { thread, index, post, label } of quoting) {
      const target = post.quotesPostIndex!;
      expect(Number.isInteger(target), label).toBe(true);
      expect(target, label).toBeGreaterThanOrEqual(0);
      expect(target, label).toBeLessThan(index);
      for (const line of quotedLines(post.body)) expect(thread.posts[target]!.body, label).toContain(line);
    }
  });

  test("quote lines come only with a quoted post", () => {
    for (const { post, label } of allPosts) {
      if (quotedLines(post.body).length > 0) expect(post.quotesPostIndex, label).toBeDefined();
      if (post.quotesPostIndex !== undefined) expect(quotedLines(post.body).length, label).toBeGreaterThan(0);
    }
  });

  test("mentions name existing pseudonyms", () => {
    const mentions = allPosts.flatMap(({ post, label }) => mentionedNames(post.body).map((name) => ({ name, label })));
    expect(mentions.length).toBeGreaterThanOrEqual(5);
    for (const { name, label } of mentions) expect(forumPseudonyms, label).toContain(name);
  });

  test("moderator takes part in every open thread", () => {
    for (const thread of demoForumThreads) {
      expect(
        thread.posts.some((post) => post.authorKey === "moderator"),
        thread.key,
      ).toBe(true);
    }
  });

  test("two or three pinned threads, all by the moderator", () => {
    const pinned = demoForumThreads.filter((thread) => thread.pinned);
    expect(pinned.length).toBeGreaterThanOrEqual(2);
    expect(pinned.length).toBeLessThanOrEqual(3);
    for (const thread of pinned) expect(thread.posts[0]!.authorKey, thread.key).toBe("moderator");
  });

  test("some posts carry a content warning", () => {
    const warnings = allPosts.flatMap(({ post }) => (post.contentWarning === undefined ? [] : [post.contentWarning]));
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    for (const warning of warnings) {
      expect(warning.trim()).toBe(warning);
      expect(warning).not.toBe("");
    }
  });

  test("bodies stay within the supported Markdown", () => {
    for (const { post, label } of allPosts) {
      expect(post.body.trim(), label).toBe(post.body);
      expect(post.body, label).not.toMatch(/^#/m);
      expect(post.body, label).not.toMatch(/`/);
      expect(post.body, label).not.toMatch(/^( {4}|\t)/m);
      expect(post.body, label).not.toMatch(/<[a-z/!]/i);
      expect(post.body, label).not.toMatch(/!\[/);
      expect(post.body, label).not.toMatch(/^\|/m);
      expect(post.body, label).not.toMatch(/\n{3,}/);
      for (const [address] of post.body.matchAll(/https?:\/\/[^\s)]+/g)) {
        expect(address, label).toMatch(/^https:\/\/www\.example\.org\//);
      }
    }
  });

  test("Bokmål and Nynorsk writers keep to their form", () => {
    const nynorskOnly = ["eg", "ikkje", "korleis", "kva", "kvifor", "nokon", "noko", "mykje", "berre", "heime", "kjensle", "kjensla"];
    const bokmalOnly = ["jeg", "ikke", "hvordan", "hva", "hvorfor", "noen", "noe", "mye", "bare", "hjemme", "følelse", "følelsen"];
    for (const { post, label } of allPosts) {
      const ownWords = words(withoutQuotedLines(post.body));
      const form = writtenForm(post.authorKey);
      if (form === "nb") for (const word of nynorskOnly) expect(ownWords, `${label} (${post.authorKey})`).not.toContain(word);
      if (form === "nn") for (const word of bokmalOnly) expect(ownWords, `${label} (${post.authorKey})`).not.toContain(word);
    }
  });

  // Each pattern also accepts inflected forms such as "følelsen" and "kjensla".
  test.each([
    { bokmal: "ikke", nynorsk: "ikkje", bokmalPattern: /^ikke$/, nynorskPattern: /^ikkje$/ },
    { bokmal: "bruker", nynorsk: "brukar", bokmalPattern: /^brukere?$/, nynorskPattern: /^brukar(ar)?$/ },
    { bokmal: "følelse", nynorsk: "kjensle", bokmalPattern: /^følelse/, nynorskPattern: /^kjensl[ea]/ },
    { bokmal: "hvordan", nynorsk: "korleis", bokmalPattern: /^hvordan$/, nynorskPattern: /^korleis$/ },
  ])("both $bokmal and $nynorsk occur", ({ bokmalPattern, nynorskPattern }) => {
    const allWords = allPosts.flatMap(({ post }) => words(post.body));
    expect(allWords.some((word) => bokmalPattern.test(word))).toBe(true);
    expect(allWords.some((word) => nynorskPattern.test(word))).toBe(true);
  });

  test("each written form has posts", () => {
    const forms = new Set(allPosts.map(({ post }) => writtenForm(post.authorKey)));
    expect([...forms].sort()).toEqual(["en", "nb", "nn"]);
  });
});

describe("demo forum texts", () => {
  const everyText = [
    ...openForumTexts(),
    ...closedGroupTexts(),
    ...demoReveals.map((reveal) => ({ label: `reveal ${reveal.giverKey} to ${reveal.receiverKey}`, text: reveal.shownName })),
  ];

  test("contain no phone-like digit runs", () => {
    for (const { label, text } of everyText) expect(text, label).not.toMatch(/\d{8,}/);
  });

  test("contain no seeded identity value", () => {
    const identityValues = demoPeople.flatMap((person) => [person.fullName, person.email, person.nationalId, ...(person.hprNumber ? [person.hprNumber] : [])]);
    for (const { label, text } of everyText) {
      for (const value of identityValues) expect(text.toLowerCase(), label).not.toContain(value.toLowerCase());
    }
  });

  test("open forum names no seeded person", () => {
    const nameParts = demoPeople.flatMap((person) => person.fullName.split(" "));
    for (const { label, text } of openForumTexts()) {
      for (const part of nameParts) expect(containsWholeWord(text, part), `${label} contains ${part}`).toBe(false);
    }
  });
});

describe("demo closed groups", () => {
  test.each(demoClosedGroups.map((group) => [group.key, group]))("%s has its creator among three members", (_key, group) => {
    expect(group.memberKeys).toHaveLength(3);
    expect(new Set(group.memberKeys).size).toBe(group.memberKeys.length);
    expect(group.memberKeys).toContain(group.creatorKey);
    for (const key of group.memberKeys) expect(forumPeople.map((person) => person.key)).toContain(key);
  });

  test.each(demoClosedGroups.map((group) => [group.key, group]))("%s members revealed to each other before it began", (_key, group) => {
    for (const giverKey of group.memberKeys) {
      for (const receiverKey of group.memberKeys.filter((key) => key !== giverKey)) {
        const reveal = demoReveals.find((candidate) => candidate.giverKey === giverKey && candidate.receiverKey === receiverKey);
        expect(reveal, `${giverKey} to ${receiverKey}`).toBeDefined();
        expect(reveal!.daysAgo, `${giverKey} to ${receiverKey}`).toBeGreaterThan(group.daysAgo);
      }
    }
  });

  test.each(demoClosedGroups.map((group) => [group.key, group]))("%s posts come from members after it began", (_key, group) => {
    for (const { post, label } of placedPosts(group.threads)) {
      expect(group.memberKeys, label).toContain(post.authorKey);
      for (const reaction of post.reactions ?? []) expect(group.memberKeys, label).toContain(reaction.authorKey);
      expect(postAgeInHours(post), label).toBeLessThan(group.daysAgo * 24);
    }
  });

  test.each(demoClosedGroups.map((group) => [group.key, group]))("%s posts use only names revealed to the writer", (_key, group) => {
    const memberPseudonyms = group.memberKeys.map((key) => peopleByKey.get(key)!.pseudonym!);
    for (const { post, label } of placedPosts(group.threads)) {
      for (const name of mentionedNames(post.body)) expect(memberPseudonyms, label).toContain(name);
      for (const person of demoPeople) {
        if (!containsWholeWord(post.body, firstName(person))) continue;
        const revealed = demoReveals.some((reveal) => reveal.giverKey === person.key && reveal.receiverKey === post.authorKey);
        expect(revealed, `${label} names ${firstName(person)}`).toBe(true);
      }
    }
  });
});

describe("demo reveals", () => {
  test("join two different forum members at most once", () => {
    const forumKeys = forumPeople.map((person) => person.key);
    const pairs = demoReveals.map((reveal) => `${reveal.giverKey}>${reveal.receiverKey}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const reveal of demoReveals) {
      expect(forumKeys).toContain(reveal.giverKey);
      expect(forumKeys).toContain(reveal.receiverKey);
      expect(reveal.giverKey).not.toBe(reveal.receiverKey);
    }
  });

  test("show the giver's own first name", () => {
    for (const reveal of demoReveals) {
      expect(containsWholeWord(reveal.shownName, firstName(peopleByKey.get(reveal.giverKey)!)), reveal.shownName).toBe(true);
    }
  });

  test("include two one-way reveals", () => {
    const oneWay = demoReveals.filter((reveal) => !demoReveals.some((other) => other.giverKey === reveal.receiverKey && other.receiverKey === reveal.giverKey));
    expect(oneWay).toHaveLength(2);
  });
});

describe("postedAt", () => {
  test("counts back days and hours", () => {
    const now = new Date("2030-01-10T12:00:00Z");
    expect(postedAt({ daysAgo: 1, hoursAgo: 2 }, now).getTime()).toBe(now.getTime() - 26 * HOUR_IN_MS);
    expect(postedAt({ daysAgo: 3 }, now).getTime()).toBe(now.getTime() - 72 * HOUR_IN_MS);
  });
});
