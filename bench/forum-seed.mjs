// Set-based SQL that fills an empty, migrated ReConnect database with a
// forum of a given size, for bench/forum.mjs. Every statement inserts many
// rows from generate_series, so a million posts take minutes, not hours.
//
// The statements use temporary tables, so run them in order on one
// connection. Sizes are interpolated as integers; nothing else comes from
// outside this file.

/** Categories, the biggest first. `share` is the fraction of the threads in each. */
const categories = [
  { slug: "hverdagen", nb: "Hverdagen", nn: "Kvardagen", en: "Everyday life", share: 0.3 },
  { slug: "angst-og-uro", nb: "Angst og uro", nn: "Angst og uro", en: "Anxiety and unease", share: 0.2 },
  { slug: "sovn-og-helse", nb: "Søvn og helse", nn: "Søvn og helse", en: "Sleep and health", share: 0.15 },
  { slug: "medisiner", nb: "Medisiner", nn: "Medisinar", en: "Medication", share: 0.1 },
  { slug: "arbeid-og-skole", nb: "Arbeid og skole", nn: "Arbeid og skule", en: "Work and school", share: 0.1 },
  { slug: "familie-og-venner", nb: "Familie og venner", nn: "Familie og vener", en: "Family and friends", share: 0.07 },
  { slug: "gode-dager", nb: "Gode dager", nn: "Gode dagar", en: "Good days", share: 0.05 },
  { slug: "om-forumet", nb: "Om forumet", nn: "Om forumet", en: "About the forum", share: 0.03 },
];

/** The category with the most threads: the category page measurement opens its first page. */
export const biggestCategorySlug = categories[0].slug;

// Sentences are assembled from these parts, so full-text search finds each
// object word in roughly one post in six.
const subjects = ["Jeg", "Vi", "Psykologen min", "Fastlegen min", "Søsteren min", "Kollegaen min", "Naboen", "Gruppa vår", "Mamma", "En venn"];
const verbs = ["har slitt med", "snakket om", "prøver å forstå", "tenker mye på", "skrev ned noe om", "lærte mer om", "jobber med", "fikk hjelp med", "lurer på", "er glad for"];
const objects = [
  "søvn", "angst", "medisiner", "hverdagen", "kaffe på kafeen", "turen i skogen", "dagsformen", "arbeidet", "familien", "venner",
  "ensomhet", "trening", "musikk", "matlaging", "helgen", "vinteren", "lyset om morgenen", "avtalen hos legen", "nattevakten", "håp",
];
const tails = ["i det siste.", "denne uka.", "etter en lang dag.", "uten å gi opp.", "sammen med andre.", "når det blir mørkt.", "litt etter litt.", "på egen hånd.", "hver morgen.", "med god hjelp."];
const titleTemplates = ["Hvordan takler dere %?", "Tips om %", "Erfaringer med %", "Noen som kjenner seg igjen: %", "Et spørsmål om %", "Tanker om %", "Hjelp med %", "Godt nytt om %"];

// Ten adjectives times twenty animals give 200 distinct pseudonyms.
const pseudonymFirst = ["Stille", "Lune", "Varme", "Rolige", "Modige", "Lyse", "Milde", "Sterke", "Glade", "Trofaste"];
const pseudonymSecond = ["rev", "hare", "elg", "ugle", "måke", "ørn", "bjørn", "gaupe", "oter", "ekorn", "spurv", "trost", "sel", "hval", "laks", "ravn", "svane", "hjort", "due", "lom"];

/** The maximum number of members `forumSeedStatements` can give distinct pseudonyms. */
export const maxMembers = pseudonymFirst.length * pseudonymSecond.length;

/** Number of distinct sentences that post bodies are assembled from. */
const sentenceCount = 4000;

function textArray(values) {
  return `array[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ")}]::text[]`;
}

function wholeNumber(name, value) {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number of at least 0, but is ${value}.`);
  return value;
}

/**
 * Return the SQL that seeds the forum, in order:
 * members, categories, `threads` threads, `posts` posts, reactions on about
 * one post in twenty, and thread reads for the first `readers` members (the
 * ones the benchmark signs in as). Thread lengths follow an exponential
 * distribution with the mean `posts / threads`, and the total is exactly `posts`.
 */
export function forumSeedStatements({ posts, threads, members, readers }) {
  wholeNumber("posts", posts);
  wholeNumber("threads", threads);
  wholeNumber("members", members);
  wholeNumber("readers", readers);
  if (threads < 1 || posts < threads) throw new Error(`Every thread needs a post: posts (${posts}) must be at least threads (${threads}), and threads at least 1.`);
  if (members < 1 || members > maxMembers) throw new Error(`members must be from 1 to ${maxMembers}, but is ${members}.`);
  if (readers > members) throw new Error(`readers (${readers}) cannot exceed members (${members}).`);

  const categoryBounds = [];
  let cumulative = 0;
  for (const [index, category] of categories.entries()) {
    cumulative += category.share;
    categoryBounds.push(index === categories.length - 1 ? `else ${index}` : `when category_draw < ${cumulative.toFixed(4)} then ${index}`);
  }

  return [
    // A fixed seed makes random() repeat the same forum on every run.
    "select setseed(0.2026)",
    "set work_mem = '64MB'",
    "set maintenance_work_mem = '256MB'",

    `create temporary table bench_members as
     select i, gen_random_uuid() as account_id,
       (${textArray(pseudonymFirst)})[1 + i % ${pseudonymFirst.length}] || (${textArray(pseudonymSecond)})[1 + i / ${pseudonymFirst.length}] as pseudonym
     from generate_series(0, ${members - 1}) as i`,
    `insert into accounts (id, status, locale, terms_accepted_at, created_at)
     select account_id, 'active', 'nb', now() - interval '3 years', now() - interval '3 years' from bench_members`,
    "insert into account_roles (account_id, role) select account_id, 'member' from bench_members",
    // One member in forty is also a peer moderator, so some posts carry the badge.
    "insert into account_roles (account_id, role) select account_id, 'peer_moderator' from bench_members where i % 40 = 1",
    // The key folds æ, ø and å as pseudonymKey() does. The pseudonyms have no separators to drop.
    `insert into member_profiles (account_id, pseudonym, pseudonym_key, created_at)
     select account_id, pseudonym, replace(replace(replace(lower(pseudonym), 'æ', 'ae'), 'ø', 'o'), 'å', 'a'), now() - interval '3 years' from bench_members`,

    `create temporary table bench_categories as
     select ordinality - 1 as i, gen_random_uuid() as id, slug, name_nb, name_nn, name_en
     from unnest(${textArray(categories.map((category) => category.slug))}, ${textArray(categories.map((category) => category.nb))},
                 ${textArray(categories.map((category) => category.nn))}, ${textArray(categories.map((category) => category.en))})
       with ordinality as category(slug, name_nb, name_nn, name_en)`,
    `insert into forum_categories (id, slug, name_nb, name_nn, name_en, description_nb, description_nn, description_en, position, created_at)
     select id, slug, name_nb, name_nn, name_en, 'Samtaler om ' || lower(name_nb) || '.', 'Samtalar om ' || lower(name_nn) || '.', 'Conversations about ' || lower(name_en) || '.', i, now() - interval '3 years'
     from bench_categories`,

    `create temporary table bench_sentences as
     select i,
       (${textArray(subjects)})[1 + floor(random() * ${subjects.length})::int] || ' ' ||
       (${textArray(verbs)})[1 + floor(random() * ${verbs.length})::int] || ' ' ||
       (${textArray(objects)})[1 + floor(random() * ${objects.length})::int] || ' ' ||
       (${textArray(tails)})[1 + floor(random() * ${tails.length})::int] as sentence
     from generate_series(0, ${sentenceCount - 1}) as i`,
    "create unique index on bench_sentences (i)",

    // Thread n starts at a point spread evenly over three years, oldest first,
    // and its posts follow every few hours. Three threads in a hundred were
    // bumped within the last week, so list order is not creation order.
    `create temporary table bench_threads as
     with weights as (
       select n, -ln(1 - random()) as weight, random() as category_draw, random() as activity_draw
       from generate_series(1, ${threads}) as n
     ), shared_out as (
       select *, floor(${posts - threads}::float8 * weight / sum(weight) over ())::int as extra_posts from weights
     ), sized as (
       select *, 1 + extra_posts + case when n <= ${posts - threads} - sum(extra_posts) over () then 1 else 0 end as post_count,
         now() - interval '3 years' * (1 - (n - 1)::float8 / ${threads}) as created_at
       from shared_out
     )
     select n, gen_random_uuid() as id, post_count, created_at,
       case ${categoryBounds.join(" ")} end as category_index,
       (n * 7 + 3) % ${members} as author_index,
       case
         when post_count = 1 then created_at
         when activity_draw > 0.97 then greatest(created_at, now() - interval '7 days' * random())
         else least(now() - interval '1 minute', created_at + (post_count - 1) * interval '3 hours' * (0.2 + 1.6 * activity_draw))
       end as last_posted_at
     from sized`,
    "create unique index on bench_threads (n)",

    `insert into forum_threads (id, category_id, title, author_id, created_at, last_posted_at, last_position, reply_count, locked_at, hidden_at)
     select t.id, c.id,
       replace((${textArray(titleTemplates)})[1 + t.n % ${titleTemplates.length}], '%', (${textArray(objects)})[1 + (t.n * 31) % ${objects.length}]),
       m.account_id, t.created_at, t.last_posted_at, t.post_count, t.post_count - 1,
       case when t.n % 500 = 7 then t.last_posted_at end,
       case when t.n % 1000 = 13 then t.last_posted_at end
     from bench_threads t
     join bench_categories c on c.i = t.category_index
     join bench_members m on m.i = t.author_index`,
    // Two pinned threads in the biggest category, shown above its list.
    `update forum_threads set pinned_at = created_at
     where id in (select id from bench_threads where category_index = 0 and n % 1000 <> 13 order by n limit 2)`,

    // Bodies join three or four sentences picked by the post's thread and position.
    // One post in two hundred (never an opening post) was deleted by its author.
    `insert into forum_posts (thread_id, position, author_id, body, body_html, idempotency_key, created_at, deleted_at)
     select t.id, p.position,
       case when p.position = 1 then author.account_id else replier.account_id end,
       body.text,
       '<p>' || replace(replace(replace(body.text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>',
       'bench-' || t.n || '-' || p.position,
       t.created_at + (t.last_posted_at - t.created_at) * ((p.position - 1)::float8 / greatest(t.post_count - 1, 1)),
       case when p.position > 1 and (t.n * 13 + p.position) % 200 = 0 then t.last_posted_at end
     from bench_threads t
     cross join lateral generate_series(1, t.post_count) as p(position)
     join bench_members author on author.i = t.author_index
     join bench_members replier on replier.i = (t.n * 31 + p.position * 17) % ${members}
     join bench_sentences s1 on s1.i = (t.n::bigint * 7919 + p.position * 104729) % ${sentenceCount}
     join bench_sentences s2 on s2.i = (t.n::bigint * 15485863 + p.position * 2909) % ${sentenceCount}
     join bench_sentences s3 on s3.i = (t.n::bigint * 32452843 + p.position * 3571) % ${sentenceCount}
     join bench_sentences s4 on s4.i = (t.n::bigint * 49979687 + p.position * 1013) % ${sentenceCount}
     cross join lateral (
       select s1.sentence || ' ' || s2.sentence || ' ' || s3.sentence || case when (t.n + p.position) % 2 = 0 then ' ' || s4.sentence else '' end as text
     ) as body`,

    // reply_count counts published replies, as publishing and deleting keep it.
    `update forum_threads t set reply_count = counted.replies
     from (select thread_id, (count(*) filter (where position > 1 and deleted_at is null))::int as replies from forum_posts group by thread_id) as counted
     where counted.thread_id = t.id and t.reply_count <> counted.replies`,

    // One to three reactions from different members on about one post in twenty.
    `insert into forum_reactions (post_id, account_id, kind, created_at)
     select p.id, m.account_id, (array['cheer', 'thanks', 'hug'])[1 + (draw.value + r.k) % 3]::forum_reaction_kind, p.created_at + interval '1 hour'
     from forum_posts p
     cross join lateral (select hashtext(p.id::text) & 2147483647 as value) as draw
     cross join lateral generate_series(0, draw.value % 3) as r(k)
     join bench_members m on m.i = (draw.value + r.k * 37) % ${members}
     where draw.value % 20 = 0`,

    // The readers have opened one thread in ten, most of them to the end.
    `insert into forum_thread_reads (account_id, thread_id, last_read_position, read_at)
     select m.account_id, t.id, greatest(1, t.post_count - t.n % 4), t.last_posted_at
     from bench_members m
     join bench_threads t on (t.n + m.i) % 10 = 0
     where m.i < ${readers}`,
  ];
}

/** VACUUM cannot run inside a transaction block, so each is its own statement, run after the seed. */
export const analyzeStatements = [
  "vacuum analyze accounts",
  "vacuum analyze account_roles",
  "vacuum analyze member_profiles",
  "vacuum analyze forum_categories",
  "vacuum analyze forum_threads",
  "vacuum analyze forum_posts",
  "vacuum analyze forum_reactions",
  "vacuum analyze forum_thread_reads",
];

/**
 * A published thread of at least 30 posts in the middle of the creation
 * order, so its first page is full and it is neither the newest nor the oldest.
 */
export const benchmarkThreadQuery = `
  select t.id from bench_threads t
  join forum_threads f on f.id = t.id
  where t.post_count >= 30 and f.hidden_at is null
  order by abs(t.n - (select max(n) / 2 from bench_threads)), t.n
  limit 1`;

/** Build the query for the first `count` seeded members, the accounts the benchmark signs in as. */
export function readerAccountsQuery(count) {
  return `select account_id from bench_members where i < ${wholeNumber("count", count)} order by i`;
}
