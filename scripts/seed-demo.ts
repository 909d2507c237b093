import { seedDemoCafes } from "./seed-demo-cafes";
import { communities, communityMemberships } from "../server/communities/schema";
import { accountRoles, accounts, identities, memberProfiles } from "../server/identity/schema";
import { normaliseClaimValue } from "../server/identity/find-account";
import { pseudonymKey } from "../server/identity/pseudonym";
import type { Role } from "../server/identity/roles";
import { encryptText, lookupHash, type KeyRing } from "../server/platform/crypto";
import type { Executor } from "../server/platform/db";
import { seedDemoForum } from "./seed-demo-forum";
import { seedDemoModeration } from "./seed-demo-moderation";

/**
 * Demo data: two invented communities and the people of a small deployment.
 * Every name, pseudonym, e-mail address and ID number here is made up. The
 * national ID numbers use month + 80, the marker of Norwegian synthetic test
 * numbers, so none can belong to a real person. Later features add their own
 * demo content by extending `seedDemo`.
 */

export const demoCommunities = [
  { slug: "bjorkelia", name: "Bjørkelia kommune", municipalityNumber: null },
  { slug: "havnoy", name: "Havnøy kommune", municipalityNumber: null },
] as const;

type CommunitySlug = (typeof demoCommunities)[number]["slug"];

export interface DemoPerson {
  key: string;
  fullName: string;
  email: string;
  nationalId: string;
  roles: Role[];
  communities: CommunitySlug[];
  pseudonym?: string;
  hprNumber?: string;
  locale?: "nb" | "nn" | "en";
}

export const demoPeople: DemoPerson[] = [
  { key: "moderator", fullName: "Siri Haugland", email: "siri.haugland@demo.reconnect.invalid", nationalId: "12897512345", roles: ["member", "peer_moderator"], communities: ["bjorkelia", "havnoy"], pseudonym: "Fyrlykta" },
  { key: "member-1", fullName: "Kari Nordby", email: "kari.nordby@demo.reconnect.invalid", nationalId: "03857812340", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Morgenfugl" },
  { key: "member-2", fullName: "Ola Bergset", email: "ola.bergset@demo.reconnect.invalid", nationalId: "21926512346", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Fjellrev", locale: "nn" },
  { key: "member-3", fullName: "Ingrid Solvang", email: "ingrid.solvang@demo.reconnect.invalid", nationalId: "15878912347", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Blåveis" },
  { key: "member-4", fullName: "Jonas Eide", email: "jonas.eide@demo.reconnect.invalid", nationalId: "07938212348", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Stille vann" },
  { key: "member-5", fullName: "Maria Lunde", email: "maria.lunde@demo.reconnect.invalid", nationalId: "28849012349", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Lyngblom", locale: "nn" },
  { key: "member-6", fullName: "Ahmed Hassan", email: "ahmed.hassan@demo.reconnect.invalid", nationalId: "11917612350", roles: ["member"], communities: ["havnoy"], pseudonym: "Nattergal", locale: "en" },
  { key: "member-7", fullName: "Emma Strand", email: "emma.strand@demo.reconnect.invalid", nationalId: "19889512351", roles: ["member"], communities: ["havnoy"], pseudonym: "Sommerfugl" },
  { key: "member-8", fullName: "Thomas Aas", email: "thomas.aas@demo.reconnect.invalid", nationalId: "02877012352", roles: ["member"], communities: ["havnoy"], pseudonym: "Gråstein" },
  { key: "member-9", fullName: "Nina Holm", email: "nina.holm@demo.reconnect.invalid", nationalId: "25908812353", roles: ["member"], communities: ["havnoy"], pseudonym: "Tusenfryd" },
  { key: "member-10", fullName: "Lars Myhre", email: "lars.myhre@demo.reconnect.invalid", nationalId: "09856712354", roles: ["member"], communities: ["havnoy"], pseudonym: "Vandrer" },
  { key: "member-11", fullName: "Sara Dahl", email: "sara.dahl@demo.reconnect.invalid", nationalId: "30819312355", roles: ["member"], communities: ["havnoy"], pseudonym: "Havbris" },
  { key: "member-12", fullName: "Per Kristiansen", email: "per.kristiansen@demo.reconnect.invalid", nationalId: "14837412356", roles: ["member"], communities: ["havnoy"], pseudonym: "Nordlys" },
  // Kept apart for the moderation journeys: reports, suspension, a break and a first post for approval.
  { key: "member-13", fullName: "Hilde Sørensen", email: "hilde.sorensen@demo.reconnect.invalid", nationalId: "08897412362", roles: ["member"], communities: ["havnoy"], pseudonym: "Solsikke" },
  { key: "member-14", fullName: "Kristian Moe", email: "kristian.moe@demo.reconnect.invalid", nationalId: "16857912363", roles: ["member"], communities: ["havnoy"], pseudonym: "Kvitveis" },
  { key: "member-15", fullName: "Tone Brekke", email: "tone.brekke@demo.reconnect.invalid", nationalId: "23928112364", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Snøugle", locale: "nn" },
  { key: "member-16", fullName: "Anders Vold", email: "anders.vold@demo.reconnect.invalid", nationalId: "05877612365", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Elvebredd" },
  // Kept apart for the kafé journeys: hosting, answers, the last seat, calendars, reminders and company.
  { key: "moderator-2", fullName: "Guro Lien", email: "guro.lien@demo.reconnect.invalid", nationalId: "10887212366", roles: ["member", "peer_moderator"], communities: ["bjorkelia"], pseudonym: "Veiviser" },
  { key: "member-17", fullName: "Marte Foss", email: "marte.foss@demo.reconnect.invalid", nationalId: "18897312367", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Lauvtre" },
  { key: "member-18", fullName: "Eirik Rønning", email: "eirik.ronning@demo.reconnect.invalid", nationalId: "26857412368", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Tranebær" },
  { key: "member-19", fullName: "Silje Haug", email: "silje.haug@demo.reconnect.invalid", nationalId: "01917712369", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Kveldssol" },
  { key: "member-20", fullName: "Knut Ødegård", email: "knut.odegard@demo.reconnect.invalid", nationalId: "13877812370", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Sjøstjerne" },
  { key: "member-21", fullName: "Randi Berge", email: "randi.berge@demo.reconnect.invalid", nationalId: "20907912371", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Multebær", locale: "nn" },
  { key: "member-22", fullName: "Håkon Lie", email: "hakon.lie@demo.reconnect.invalid", nationalId: "29867312372", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Furutopp" },
  { key: "member-23", fullName: "Ida Kvam", email: "ida.kvam@demo.reconnect.invalid", nationalId: "07917512373", roles: ["member"], communities: ["bjorkelia"], pseudonym: "Bekkesildre" },
  { key: "member-24", fullName: "Vegard Sand", email: "vegard.sand@demo.reconnect.invalid", nationalId: "12887612374", roles: ["member"], communities: ["havnoy"], pseudonym: "Måsegrå", locale: "en" },
  { key: "provider-1", fullName: "Anne Berg", email: "anne.berg@demo.reconnect.invalid", nationalId: "06867012357", roles: ["provider"], communities: ["bjorkelia"], hprNumber: "9100001" },
  { key: "provider-2", fullName: "Erik Nilsen", email: "erik.nilsen@demo.reconnect.invalid", nationalId: "22917512358", roles: ["provider"], communities: ["havnoy"], hprNumber: "9100002" },
  { key: "provider-3", fullName: "Hanne Vik", email: "hanne.vik@demo.reconnect.invalid", nationalId: "17888012359", roles: ["provider"], communities: ["havnoy"], hprNumber: "9100003" },
  { key: "administrator", fullName: "Bjørn Sæther", email: "bjorn.saether@demo.reconnect.invalid", nationalId: "04906812360", roles: ["administrator"], communities: [] },
  { key: "researcher", fullName: "Liv Aune", email: "liv.aune@demo.reconnect.invalid", nationalId: "27877312361", roles: ["researcher"], communities: [] },
];

/**
 * Insert the demo communities, people, forum and kaféer. Runs inside the
 * caller's transaction. Kafé dates count from `now`, so the demo always has
 * a next kafé.
 */
export async function seedDemo(tx: Executor, keys: KeyRing, now: Date = new Date()) {
  const communityRows = await tx
    .insert(communities)
    .values(demoCommunities.map((community) => ({ ...community })))
    .returning({ id: communities.id, slug: communities.slug });
  const communityIds = new Map(communityRows.map((row) => [row.slug, row.id]));
  const accountIds = new Map<string, string>();

  for (const person of demoPeople) {
    const [account] = await tx
      .insert(accounts)
      .values({ isDemo: true, termsAcceptedAt: new Date(), locale: person.locale ?? null })
      .returning({ id: accounts.id });
    const accountId = account!.id;
    accountIds.set(person.key, accountId);

    await tx.insert(accountRoles).values(person.roles.map((role) => ({ accountId, role })));
    await tx.insert(identities).values({
      accountId,
      fullNameEncrypted: encryptText(keys, person.fullName),
      nationalIdEncrypted: encryptText(keys, person.nationalId),
      nationalIdLookup: lookupHash(keys, "national_id", normaliseClaimValue({ kind: "national_id", value: person.nationalId })),
      emailEncrypted: encryptText(keys, person.email),
      emailLookup: lookupHash(keys, "email", normaliseClaimValue({ kind: "email", value: person.email })),
      hprNumberEncrypted: person.hprNumber ? encryptText(keys, person.hprNumber) : null,
      hprNumberLookup: person.hprNumber ? lookupHash(keys, "hpr", normaliseClaimValue({ kind: "hpr", value: person.hprNumber })) : null,
    });
    if (person.pseudonym) {
      await tx.insert(memberProfiles).values({ accountId, pseudonym: person.pseudonym, pseudonymKey: pseudonymKey(person.pseudonym) });
    }
    if (person.communities.length > 0) {
      await tx.insert(communityMemberships).values(person.communities.map((slug) => ({ accountId, communityId: communityIds.get(slug)! })));
    }
  }

  await seedDemoForum(tx, keys, accountIds);
  await seedDemoModeration(tx, accountIds);
  await seedDemoCafes(tx, accountIds, now);
}
