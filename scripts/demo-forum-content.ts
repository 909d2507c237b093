import type { reactionKindEnum } from "../server/forum/schema";

/**
 * Demo forum content: categories, threads, one closed group and reveals,
 * written for the demo people in seed-demo.ts. Every post is invented and
 * names no real person. The only place names are the two invented
 * communities. Most posts are in Bokmål, Fjellrev and Lyngblom
 * write Nynorsk and Nattergal writes English, so search across written forms
 * has material to find (ikke/ikkje, bruker/brukar, følelse/kjensle,
 * hvordan/korleis).
 *
 * This module contains data only and writes nothing to the database.
 */

/** Keys of the seed-demo people who write in the demo forum: the peer moderator and fifteen members. */
export type ForumPersonKey =
  | "moderator"
  | "member-1"
  | "member-2"
  | "member-3"
  | "member-4"
  | "member-5"
  | "member-6"
  | "member-7"
  | "member-8"
  | "member-9"
  | "member-10"
  | "member-11"
  | "member-12"
  | "member-13"
  | "member-14"
  | "member-15";

export type ReactionKind = (typeof reactionKindEnum.enumValues)[number];

/** A text in each language of the portal. */
export interface LocalisedText {
  nb: string;
  nn: string;
  en: string;
}

export interface DemoForumCategory {
  slug: string;
  name: LocalisedText;
  description: LocalisedText;
}

export interface DemoReaction {
  authorKey: ForumPersonKey;
  kind: ReactionKind;
}

export interface DemoPost {
  authorKey: ForumPersonKey;
  /** Markdown: paragraphs, emphasis, strong, lists, block quotes and links only. */
  body: string;
  contentWarning?: string;
  /** Index into the same thread's `posts` of an earlier post that this one quotes with "> " lines. */
  quotesPostIndex?: number;
  /** Age of the post when the demo is seeded: `daysAgo` days plus `hoursAgo` hours. */
  daysAgo: number;
  hoursAgo?: number;
  reactions?: DemoReaction[];
}

export interface DemoThread {
  /** Stable name for the seeding code, e.g. to link a kafé to its reflection exercise. */
  key: string;
  title: string;
  pinned?: boolean;
  /** In time order. The first post opens the thread, and its author is the thread's author. */
  posts: DemoPost[];
}

export interface DemoCategoryThread extends DemoThread {
  categorySlug: string;
}

export interface DemoClosedGroup {
  key: string;
  name: string;
  creatorKey: ForumPersonKey;
  /** Everyone here has joined, the creator included. */
  memberKeys: ForumPersonKey[];
  /** Age of the group when the demo is seeded. */
  daysAgo: number;
  threads: DemoThread[];
}

/** A member shows `shownName` to one peer. */
export interface DemoReveal {
  giverKey: ForumPersonKey;
  receiverKey: ForumPersonKey;
  shownName: string;
  daysAgo: number;
}

/** Return the post's age in hours. */
export function postAgeInHours(post: Pick<DemoPost, "daysAgo" | "hoursAgo">): number {
  return post.daysAgo * 24 + (post.hoursAgo ?? 0);
}

/** Return the time the post was written, counted back from `now`. */
export function postedAt(post: Pick<DemoPost, "daysAgo" | "hoursAgo">, now: Date): Date {
  return new Date(now.getTime() - postAgeInHours(post) * 60 * 60 * 1000);
}

function markdownBlocks(...blocks: string[]): string {
  return blocks.join("\n\n");
}

function reactionsOf(kind: ReactionKind, authorKeys: ForumPersonKey[]): DemoReaction[] {
  return authorKeys.map((authorKey) => ({ authorKey, kind }));
}

const cheer = (...authorKeys: ForumPersonKey[]) => reactionsOf("cheer", authorKeys);
const thanks = (...authorKeys: ForumPersonKey[]) => reactionsOf("thanks", authorKeys);
const hug = (...authorKeys: ForumPersonKey[]) => reactionsOf("hug", authorKeys);

/** In display order: the seeding code can use the index as the category's position. */
export const demoForumCategories: DemoForumCategory[] = [
  {
    slug: "hverdagen",
    name: { nb: "Hverdagen", nn: "Kvardagen", en: "Everyday life" },
    description: {
      nb: "Små og store ting i en vanlig dag: rutiner, gjøremål, familie og alt som tar på.",
      nn: "Små og store ting i ein vanleg dag: rutinar, gjeremål, familie og alt som tek på.",
      en: "Big and small things in an ordinary day: routines, chores, family and everything that wears you down.",
    },
  },
  {
    slug: "angst-og-uro",
    name: { nb: "Angst og uro", nn: "Angst og uro", en: "Anxiety and unease" },
    description: {
      nb: "Om angst, uro og panikk, og hva som hjelper når kroppen slår alarm.",
      nn: "Om angst, uro og panikk, og kva som hjelper når kroppen slår alarm.",
      en: "About anxiety, unease and panic, and what helps when your body sounds the alarm.",
    },
  },
  {
    slug: "sovn",
    name: { nb: "Søvn", nn: "Søvn", en: "Sleep" },
    description: {
      nb: "Når natta blir lang: søvnvansker, mareritt, døgnrytme og gode kveldsvaner.",
      nn: "Når natta blir lang: søvnvanskar, mareritt, døgnrytme og gode kveldsvanar.",
      en: "When the night gets long: trouble sleeping, nightmares, sleep rhythm and good evening habits.",
    },
  },
  {
    slug: "medisiner-og-behandling",
    name: { nb: "Medisiner og behandling", nn: "Medisinar og behandling", en: "Medication and treatment" },
    description: {
      nb: "Erfaringer med medisiner, behandlere og hjelpeapparatet. Del erfaringer, ikke doseråd, og snakk med legen din før du endrer noe.",
      nn: "Erfaringar med medisinar, behandlarar og hjelpeapparatet. Del erfaringar, ikkje doseråd, og snakk med legen din før du endrar noko.",
      en: "Experiences with medication, therapists and services. Share experiences, not dosage advice, and talk to your doctor before you change anything.",
    },
  },
  {
    slug: "gode-dager",
    name: { nb: "Gode dager", nn: "Gode dagar", en: "Good days" },
    description: {
      nb: "Del det som gikk bra, stort eller lite. Her heier vi på hverandre.",
      nn: "Del det som gjekk bra, stort eller lite. Her heiar vi på kvarandre.",
      en: "Share what went well, big or small. Here we cheer each other on.",
    },
  },
  {
    slug: "kafeen",
    name: { nb: "Kaféen", nn: "Kaféen", en: "The kafé" },
    description: {
      nb: "Om de lokale kaféene: tema, refleksjonsoppgaver og å finne følge dit. Det som blir sagt på kaféen, og hvem som var der, blir der.",
      nn: "Om dei lokale kaféane: tema, refleksjonsoppgåver og å finne følgje dit. Det som vert sagt på kaféen, og kven som var der, blir verande der.",
      en: "About the local peer groups: topics, reflection exercises and finding company to go there. What is said at the kafé, and who was there, stays there.",
    },
  },
  {
    slug: "spor-erfaringskonsulenten",
    name: { nb: "Spør erfaringskonsulenten", nn: "Spør erfaringskonsulenten", en: "Ask the peer moderator" },
    description: {
      nb: "Spørsmål om forumet, kaféene eller det å leve med psykiske helseplager. Erfaringskonsulenten svarer, og alle kan bidra.",
      nn: "Spørsmål om forumet, kaféane eller det å leve med psykiske helseplager. Erfaringskonsulenten svarar, og alle kan bidra.",
      en: "Questions about the forum, the kafés or living with mental health problems. The peer moderator answers, and everyone can join in.",
    },
  },
  {
    slug: "smaprat",
    name: { nb: "Småprat", nn: "Småprat", en: "Small talk" },
    description: {
      nb: "Alt det andre: musikk, bøker, dyr, mat og det som får deg til å smile.",
      nn: "Alt det andre: musikk, bøker, dyr, mat og det som får deg til å smile.",
      en: "Everything else: music, books, pets, food and whatever makes you smile.",
    },
  },
];

const everydayLifeThreads: DemoCategoryThread[] = [
  {
    key: "refleksjon-tre-sma-ting",
    categorySlug: "hverdagen",
    title: "Refleksjon: tre små ting du fikk til denne uka",
    pinned: true,
    posts: [
      {
        authorKey: "moderator",
        daysAgo: 56,
        hoursAgo: 4,
        body: markdownBlocks(
          "Denne uka vil jeg invitere til en liten øvelse. Mange av oss er flinke til å legge merke til det vi *ikke* fikk til. Derfor snur vi det på hodet.",
          "Skriv ned **tre små ting** du fikk til de siste dagene. Det kan være så lite som å åpne et vindu, svare på en melding eller spise frokost.",
          "- Det trenger ikke være noe du er stolt av.\n- Det trenger ikke være noe andre ville lagt merke til.\n- Det holder å skrive det for deg selv, men del gjerne her om du vil.",
          "Jeg begynner: Jeg ryddet oppvaskbenken, ringte en venn jeg hadde utsatt å ringe, og gikk en runde i regnet selv om jeg ikke hadde lyst.",
        ),
        reactions: [...thanks("member-1", "member-3", "member-9"), ...cheer("member-12")],
      },
      {
        authorKey: "member-1",
        daysAgo: 56,
        hoursAgo: 1,
        body: markdownBlocks(
          "Så fin oppgave. Mine tre:",
          "- Sto opp før klokka ni tre dager på rad\n- Tok med søpla ut (den hadde stått en stund …)\n- Svarte på en melding fra søsteren min",
          "Det føltes rart å skrive det ned, men også litt godt.",
        ),
        reactions: [...cheer("moderator", "member-3"), ...hug("member-5")],
      },
      {
        authorKey: "member-5",
        daysAgo: 55,
        hoursAgo: 20,
        body: markdownBlocks(
          "Eg prøver òg:",
          "1. Eg gjekk ned til postkassa.\n2. Eg laga ordentleg middag éin gong.\n3. Eg skreiv her, som eg har tenkt på i fleire veker.",
          "Det siste var nok det vanskelegaste.",
        ),
        reactions: [...cheer("moderator", "member-1", "member-2"), ...hug("member-3")],
      },
      {
        authorKey: "moderator",
        daysAgo: 55,
        hoursAgo: 17,
        quotesPostIndex: 2,
        body: markdownBlocks(
          "> Eg skreiv her, som eg har tenkt på i fleire veker.",
          "Velkommen, @Lyngblom! Det er modig å skrive det første innlegget. Takk for at du delte, det betyr mye for oss som leser også.",
        ),
        reactions: hug("member-5"),
      },
      {
        authorKey: "member-8",
        daysAgo: 54,
        hoursAgo: 9,
        body: markdownBlocks("Jeg fikk ikke til tre. Jeg fikk til én: Jeg dusjet.", "Men jeg leste denne tråden og tenkte at det kanskje teller likevel."),
        reactions: [...hug("member-1", "member-9", "moderator"), ...cheer("member-12")],
      },
      {
        authorKey: "moderator",
        daysAgo: 54,
        hoursAgo: 6,
        quotesPostIndex: 4,
        body: markdownBlocks(
          "> Jeg fikk til én: Jeg dusjet.",
          "Det teller, @Gråstein. På tunge dager er det en av de tingene som koster mest. At du i tillegg skrev hit, gjør det til to.",
        ),
        reactions: [...thanks("member-8"), ...cheer("member-3")],
      },
      {
        authorKey: "member-6",
        daysAgo: 53,
        hoursAgo: 22,
        body: "I'll join in English, I hope that's okay. One: I took the bus to the library. Two: I asked the librarian for help in Norwegian, and she understood me. Three: I didn't cancel my appointment, even though I wanted to.",
        reactions: cheer("moderator", "member-7", "member-10"),
      },
    ],
  },
  {
    key: "post-uapnet",
    categorySlug: "hverdagen",
    title: "Når posten blir liggende uåpnet",
    posts: [
      {
        authorKey: "member-8",
        daysAgo: 47,
        hoursAgo: 10,
        body: markdownBlocks(
          "Noen andre som har en bunke med uåpnede brev liggende? Jeg vet at det er regninger der. Jeg vet at det blir verre av å la dem ligge. Likevel blir de liggende, uke etter uke. Det er som om hånda ikke vil.",
          "Skammer meg litt over å skrive dette.",
        ),
        reactions: hug("member-10", "member-3", "moderator"),
      },
      {
        authorKey: "member-10",
        daysAgo: 47,
        hoursAgo: 6,
        body: "Absolutt. Jeg hadde en hel skoeske full en gang. Det som hjalp meg var å åpne **ett** brev om dagen, og bare ett. Ikke lese det nøye engang, bare åpne det og legge det i en bunke for «åpnet».",
        reactions: [...thanks("member-8"), ...cheer("member-9")],
      },
      {
        authorKey: "moderator",
        daysAgo: 47,
        hoursAgo: 3,
        body: markdownBlocks(
          "Takk for at du skriver om dette, @Gråstein. Det er ingenting å skamme seg over. Brevbunken er noe veldig mange av oss kjenner igjen, og den sier ingenting om hvem du er som person. Den sier noe om hvor tungt ting har vært.",
          "Et par ting andre har fortalt at hjelper:",
          "- Åpne brevene sammen med noen, for eksempel en venn eller en du har kontakt med i kommunen.\n- Sett en tidtaker på ti minutter og stopp når den ringer, uansett.\n- Gi deg selv en liten belønning etterpå.",
          "Og hvis det gjelder gjeld som har vokst seg stor, finnes det gratis rådgivning. Spør gjerne den du har kontakt med i hjelpeapparatet om hvor du kan få det.",
        ),
        reactions: [...thanks("member-8", "member-10"), ...cheer("member-1")],
      },
      {
        authorKey: "member-3",
        daysAgo: 46,
        hoursAgo: 20,
        quotesPostIndex: 1,
        body: markdownBlocks(
          "> Det som hjalp meg var å åpne **ett** brev om dagen, og bare ett.",
          "Denne skal jeg stjele! Jeg har ikke en bunke, jeg har en hel skuff.",
        ),
        reactions: cheer("member-10"),
      },
      {
        authorKey: "member-8",
        daysAgo: 44,
        hoursAgo: 8,
        body: "Oppdatering: Åpnet fire brev i går med tidtaker. Ett av dem var en purring, men ingen katastrofe. Det var verre i hodet enn på papiret.",
        reactions: cheer("moderator", "member-3", "member-10", "member-1"),
      },
    ],
  },
  {
    key: "struktur-pa-dagene",
    categorySlug: "hverdagen",
    title: "Hvordan får dere struktur på dagene?",
    posts: [
      {
        authorKey: "member-7",
        daysAgo: 41,
        hoursAgo: 14,
        body: "Jeg er sykmeldt, og dagene flyter bare over i hverandre. Står opp sent, ser på mobilen, og plutselig er det kveld. Hvordan får dere til litt struktur uten at det blir et nytt stressmoment?",
        reactions: hug("member-4"),
      },
      {
        authorKey: "member-1",
        daysAgo: 41,
        hoursAgo: 9,
        body: markdownBlocks(
          "Jeg kjenner meg så godt igjen. Det som har hjulpet meg er noen faste «ankere» i løpet av dagen, ikke en full timeplan:",
          "- Frokost ved bordet, ikke i senga\n- En kort tur ut før lunsj, selv om det bare er til postkassa\n- Middag til omtrent samme tid\n- Mobilen ut av soverommet etter klokka ti",
          "Resten av dagen får være som den blir.",
        ),
        reactions: [...thanks("member-7", "member-12", "moderator"), ...cheer("member-3")],
      },
      {
        authorKey: "member-2",
        daysAgo: 40,
        hoursAgo: 22,
        body: "Korleis eg gjer det: Eg har ei lita liste på kjøleskapet med tre ting for dagen. Ikkje meir enn tre. Eg kryssar av med blyant. Det er ikkje stort, men det hjelper meg å kome i gang.",
        reactions: thanks("member-7"),
      },
      {
        authorKey: "moderator",
        daysAgo: 40,
        hoursAgo: 18,
        body: markdownBlocks(
          "Så gode innspill her. Jeg vil bare legge til at struktur ikke trenger å være streng for å hjelpe. Noen dager holder det med ett anker. Og den dagen du glipper, er det ikke et nederlag, bare en ny sjanse i morgen.",
          "I verktøykassa di finnes det også en aktivitetsplan der du kan legge inn faste ting for uka og krysse av. Noen liker det, andre synes det blir for mye. Prøv deg fram.",
        ),
        reactions: thanks("member-7", "member-1"),
      },
      {
        authorKey: "member-12",
        daysAgo: 40,
        hoursAgo: 2,
        body: "For meg hjelper det å ha én avtale utenfor huset hver dag, om det så bare er å kjøpe en avis. Da må jeg i alle fall kle på meg.",
        reactions: cheer("member-8"),
      },
      {
        authorKey: "member-7",
        daysAgo: 39,
        hoursAgo: 12,
        quotesPostIndex: 1,
        body: markdownBlocks(
          "> Frokost ved bordet, ikke i senga",
          "@Morgenfugl, denne har jeg prøvd i tre dager nå. Det er helt utrolig hvor mye det hjelper å bare sette seg ved et bord. Takk!",
        ),
        reactions: cheer("member-1", "moderator"),
      },
    ],
  },
  {
    key: "butikken",
    categorySlug: "hverdagen",
    title: "Butikken",
    posts: [
      {
        authorKey: "member-4",
        daysAgo: 35,
        hoursAgo: 16,
        body: "Sto utenfor butikken i tjue minutter i dag. Gikk hjem igjen uten å handle.",
        reactions: hug("moderator", "member-11", "member-3"),
      },
      {
        authorKey: "moderator",
        daysAgo: 35,
        hoursAgo: 12,
        body: markdownBlocks(
          "Takk for at du forteller det, @Stille vann. Tjue minutter utenfor er også tjue minutter der du prøvde. Det er ikke ingenting.",
          "Har du mat nok til i morgen? Hvis det er lettere, kan du prøve en annen tid på dagen, da det er færre folk, for eksempel rett etter at de åpner. Noen her handler også på nett og henter varene på et hentested.",
        ),
        reactions: thanks("member-4"),
      },
      {
        authorKey: "member-11",
        daysAgo: 34,
        hoursAgo: 20,
        body: "Jeg har handlelista klar på mobilen og ørepropper med musikk. Da blir det som å være i en liten boble. Og selvbetjent kasse er gull.",
        reactions: [...thanks("member-4"), ...cheer("member-7")],
      },
      {
        authorKey: "member-4",
        daysAgo: 33,
        hoursAgo: 9,
        body: "Prøvde tidlig morgen med musikk. Det gikk. Kjøpte melk, brød og en sjokolade til meg selv.",
        reactions: cheer("moderator", "member-11", "member-1", "member-3", "member-8"),
      },
    ],
  },
  {
    key: "klesvasken",
    categorySlug: "hverdagen",
    title: "Klesvasken som aldri tek slutt",
    posts: [
      {
        authorKey: "member-5",
        daysAgo: 30,
        hoursAgo: 15,
        body: "Er det berre eg, eller formeirar klesvasken seg når ein ikkje ser på han? Eg har hatt ein haug på soverommet i ei veke no. Eg har byrja å kalle han «Fjellet».",
        reactions: cheer("member-3", "member-9"),
      },
      {
        authorKey: "member-3",
        daysAgo: 30,
        hoursAgo: 10,
        body: "Haha, jeg har også et fjell! Mitt ligger på en stol. Den stolen har ikke vært brukt til å sitte på siden i fjor.",
        reactions: cheer("member-5"),
      },
      {
        authorKey: "moderator",
        daysAgo: 30,
        hoursAgo: 7,
        body: markdownBlocks(
          "Jeg humret høyt av denne tråden. Takk for at dere deler det lette også, det trengs.",
          "Et lite tips som fungerer for meg: Brett bare fem plagg. Så får resten av fjellet vente til i morgen. Da krymper det i alle fall litt.",
        ),
        reactions: thanks("member-5"),
      },
      {
        authorKey: "member-9",
        daysAgo: 29,
        hoursAgo: 18,
        body: "Jeg har sluttet å brette. Alt går i én kurv per person. Livet ble mye lettere.",
        reactions: cheer("member-5", "member-3"),
      },
      {
        authorKey: "member-5",
        daysAgo: 27,
        hoursAgo: 12,
        body: "Oppdatering: Fjellet er no ein bakke. Eg kallar det ein siger.",
        reactions: cheer("moderator", "member-3", "member-9", "member-1"),
      },
    ],
  },
  {
    key: "familien-forstar-ikke",
    categorySlug: "hverdagen",
    title: "Når familien ikke forstår",
    posts: [
      {
        authorKey: "member-9",
        daysAgo: 25,
        hoursAgo: 20,
        body: markdownBlocks(
          "Jeg var i bursdag hos familien i helga. Hele tiden fikk jeg kommentarer som «du ser jo så bra ut» og «du må bare komme deg ut og gjøre noe». De mener det godt, det vet jeg. Men jeg kjørte hjem med en følelse av å være helt usynlig.",
          "Hvordan forklarer dere familien hva det vil si å ha det sånn over lang tid?",
        ),
        reactions: hug("member-8", "member-1", "member-5", "moderator"),
      },
      {
        authorKey: "member-8",
        daysAgo: 25,
        hoursAgo: 15,
        body: "Jeg har sluttet å forklare, for å være ærlig. Noen forstår aldri. Men jeg har én bror som forstår litt, og han er den jeg snakker med.",
        reactions: hug("member-9"),
      },
      {
        authorKey: "member-1",
        daysAgo: 25,
        hoursAgo: 4,
        body: markdownBlocks(
          "Det som har hjulpet meg, er å sammenligne med en fysisk sykdom: «Du ville ikke sagt til noen med brukket bein at de bare må gå mer.» Det var noe mora mi faktisk skjønte.",
          "Men det tok lang tid. Og det er lov å være sliten av å måtte forklare.",
        ),
        reactions: [...thanks("member-9"), ...cheer("member-3")],
      },
      {
        authorKey: "moderator",
        daysAgo: 24,
        hoursAgo: 21,
        body: markdownBlocks(
          "Det du beskriver, @Tusenfryd, er noe veldig mange kjenner på. Å se bra ut utenpå og ha det tungt inni er slitsomt, og det blir ekstra ensomt når de nærmeste ikke ser det.",
          "Et par tanker fra meg:",
          "- Du bestemmer selv hvor mye du vil forklare, og til hvem.\n- Noen synes det er lettere å gi familien noe å lese enn å forklare selv. Det finnes gode tekster for pårørende, for eksempel [på denne siden](https://www.example.org/parorende).\n- Det kan være fint å ha én setning klar, som «Jeg har en tung periode, og det hjelper mest om dere bare er sammen med meg.»",
          "Du er ikke usynlig her.",
        ),
        reactions: thanks("member-9", "member-1", "member-5"),
      },
      {
        authorKey: "member-5",
        daysAgo: 24,
        hoursAgo: 8,
        body: markdownBlocks(
          "Eg kjenner meg igjen i den kjensla av å ikkje bli forstått. Eg har ei syster som seier «alle er jo litt slitne». Ja, men det er ikkje det same.",
          "Godt å lese at vi er fleire.",
        ),
        reactions: hug("member-9"),
      },
      {
        authorKey: "member-9",
        daysAgo: 23,
        hoursAgo: 11,
        quotesPostIndex: 3,
        body: markdownBlocks(
          "> Det kan være fint å ha én setning klar",
          "Jeg har skrevet ned en setning i notatappen. Skal prøve den neste gang. Takk, alle sammen.",
        ),
        reactions: cheer("moderator", "member-1"),
      },
    ],
  },
];

const anxietyThreads: DemoCategoryThread[] = [
  {
    key: "hjertebank-pa-bussen",
    categorySlug: "angst-og-uro",
    title: "Hjertebank på bussen",
    posts: [
      {
        authorKey: "member-7",
        daysAgo: 52,
        hoursAgo: 8,
        body: markdownBlocks(
          "I dag fikk jeg et skikkelig anfall på bussen. Hjertet hamret, jeg fikk ikke puste og var sikker på at alle så på meg. Gikk av to stopp for tidlig og satt på en benk i en halvtime.",
          "Jeg er så lei av at kroppen gjør dette.",
        ),
        reactions: hug("moderator", "member-2", "member-10", "member-11"),
      },
      {
        authorKey: "moderator",
        daysAgo: 52,
        hoursAgo: 5,
        body: markdownBlocks(
          "Så ubehagelig, @Sommerfugl. Det var bra at du tok en pause på benken. Det var å ta vare på deg selv.",
          "Noe som hjelper mange når kroppen slår alarm, er å puste *lengre ut enn inn*:",
          "1. Pust inn rolig mens du teller til fire.\n2. Pust ut sakte mens du teller til seks.\n3. Gjenta fem til ti ganger.",
          "Det lange utpustet gir kroppen beskjed om at det ikke er fare. Det tar ikke bort angsten med en gang, men det kan gjøre toppen lavere. Og husk: Det føles som om alle ser på deg, men de fleste er opptatt med sitt eget.",
        ),
        reactions: [...thanks("member-7", "member-4", "member-11"), ...cheer("member-2")],
      },
      {
        authorKey: "member-2",
        daysAgo: 51,
        hoursAgo: 19,
        body: "Eg kjenner meg igjen. Eg har slutta å ta buss i rushtida av same grunn. Ikkje ei løysing kanskje, men det gjer kvardagen lettare.",
        reactions: hug("member-7"),
      },
      {
        authorKey: "member-10",
        daysAgo: 51,
        hoursAgo: 12,
        body: "Jeg pleier å se ut av vinduet og telle ting jeg ser: fem røde ting, fire biler, tre trær. Det høres dumt ut, men det flytter tankene ut av kroppen og over på noe annet.",
        reactions: thanks("member-7", "member-6"),
      },
      {
        authorKey: "member-7",
        daysAgo: 49,
        hoursAgo: 10,
        quotesPostIndex: 1,
        body: markdownBlocks(
          "> Pust inn rolig mens du teller til fire.",
          "Prøvde dette på bussen i dag, før det ble ille. Kom meg helt fram! Kjente uroen, men den tok ikke over.",
        ),
        reactions: cheer("moderator", "member-10", "member-2", "member-11", "member-1"),
      },
      {
        authorKey: "member-11",
        daysAgo: 49,
        hoursAgo: 2,
        body: "Så godt å lese, @Sommerfugl. Jeg skal prøve både pusten og å telle ting.",
        reactions: cheer("member-7"),
      },
    ],
  },
  {
    key: "klarer-ikke-a-ringe",
    categorySlug: "angst-og-uro",
    title: "Jeg klarer ikke å ringe noen",
    posts: [
      {
        authorKey: "member-11",
        daysAgo: 44,
        hoursAgo: 13,
        body: "Jeg må ringe fastlegen for å bestille time, men jeg har utsatt det i to uker. Bare tanken på at noen tar telefonen gjør meg kvalm. Er jeg den eneste?",
        reactions: hug("member-4", "member-9"),
      },
      {
        authorKey: "member-4",
        daysAgo: 44,
        hoursAgo: 9,
        body: "@Havbris, samme her. Du er ikke alene.",
        reactions: hug("member-11"),
      },
      {
        authorKey: "moderator",
        daysAgo: 44,
        hoursAgo: 6,
        body: markdownBlocks(
          "Du er langt fra den eneste. Telefonangst er veldig vanlig, og det er helt greit å finne andre veier.",
          "- Mange legekontor har timebestilling og meldinger på nett. Sjekk nettsiden til kontoret ditt.\n- Skriv ned hva du skal si før du ringer, ord for ord. Da kan du bare lese det opp.\n- Ring rett etter at de åpner, så slipper du å gå og grue deg hele dagen.",
          "Og det er lov å be noen du stoler på om å sitte ved siden av deg mens du ringer.",
        ),
        reactions: thanks("member-11", "member-4", "member-7"),
      },
      {
        authorKey: "member-9",
        daysAgo: 43,
        hoursAgo: 15,
        body: "Jeg skriver setningen på en lapp: «Hei, jeg vil gjerne bestille time hos fastlegen.» Resten ordner de. Det har reddet meg mange ganger.",
        reactions: thanks("member-11"),
      },
      {
        authorKey: "member-11",
        daysAgo: 42,
        hoursAgo: 10,
        body: "Fant ut at de hadde bestilling på nett! Time på torsdag. Føler meg litt dum som ikke sjekket det før, men mest lettet.",
        reactions: cheer("moderator", "member-4", "member-9", "member-7"),
      },
    ],
  },
  {
    key: "kjensla-i-magen",
    categorySlug: "angst-og-uro",
    title: "Den kjensla i magen før noko skal skje",
    posts: [
      {
        authorKey: "member-2",
        daysAgo: 38,
        hoursAgo: 21,
        body: markdownBlocks(
          "Eg har ein avtale på fredag som eg ikkje kjem utanom. Allereie no, fire dagar før, har eg den kjensla i magen. Som ein stein. Eg søv dårleg og tenkjer berre på korleis det kan gå gale.",
          "Korleis handterer de ventetida?",
        ),
        reactions: hug("member-7", "moderator"),
      },
      {
        authorKey: "member-7",
        daysAgo: 38,
        hoursAgo: 17,
        body: "Den følelsen kjenner jeg så godt. For meg er ventingen ofte verre enn selve avtalen. Jeg prøver å minne meg selv på akkurat det: Det blir sjelden så ille som hodet mitt sier.",
        reactions: thanks("member-2"),
      },
      {
        authorKey: "moderator",
        daysAgo: 38,
        hoursAgo: 12,
        body: markdownBlocks(
          "Takk for at du deler, @Fjellrev. Ventingen er ofte det tyngste, det har du helt rett i.",
          "En ting jeg har lært meg, er å sette av en fast «bekymringstid»: et kvarter om dagen der jeg får lov til å tenke på alt som kan gå galt. Når tankene kommer utenom, sier jeg til meg selv: «Det tar jeg klokka fem.» Det høres rart ut, men det gir hodet litt fri.",
          "Du kan også skrive ned hva du *faktisk* må gjøre på fredag, helt konkret. Ofte er lista kortere enn uroen.",
        ),
        reactions: thanks("member-2", "member-7", "member-12"),
      },
      {
        authorKey: "member-6",
        daysAgo: 37,
        hoursAgo: 23,
        body: "Same here. The day before is always the worst. I go for a long walk the evening before, and it helps me sleep a little.",
        reactions: thanks("member-2"),
      },
      {
        authorKey: "member-2",
        daysAgo: 34,
        hoursAgo: 8,
        body: "Fredagen er over. Det gjekk greitt. Eg prøvde bekymringstida, og det hjelpte faktisk litt. Takk.",
        reactions: cheer("moderator", "member-7", "member-6", "member-1"),
      },
    ],
  },
  {
    key: "panic-at-night",
    categorySlug: "angst-og-uro",
    title: "Panic attacks at night",
    posts: [
      {
        authorKey: "member-6",
        daysAgo: 33,
        hoursAgo: 2,
        body: markdownBlocks(
          "Hi everyone. Sorry for writing in English, my Norwegian is not good enough yet for this topic.",
          "Lately I wake up in the middle of the night with my heart racing and a feeling that something terrible is happening. It passes after ten or twenty minutes, but then I can't fall asleep again. Has anyone had this? What helped?",
        ),
        reactions: hug("moderator", "member-12", "member-5"),
      },
      {
        authorKey: "moderator",
        daysAgo: 32,
        hoursAgo: 20,
        body: markdownBlocks(
          "Hi @Nattergal, you are very welcome to write in English here. Thank you for sharing.",
          "What you describe sounds really frightening, and many people recognise it. A few things others have found helpful:",
          "- Keep a small lamp on, so you can see where you are as soon as you wake up.\n- Tell yourself: *this is a panic attack, it is unpleasant, and it will pass.*\n- Breathe out for longer than you breathe in.",
          "It is also worth telling your GP about it, so they can rule out other causes and help you further.",
        ),
        reactions: thanks("member-6", "member-5"),
      },
      {
        authorKey: "member-12",
        daysAgo: 32,
        hoursAgo: 11,
        body: markdownBlocks(
          "Jeg har hatt det akkurat sånn. Det som hjalp meg, var å stå opp, sette meg i stua og drikke et glass vann, i stedet for å bli liggende og kjempe. Når det hadde roet seg, la jeg meg igjen.",
          "(Håper det går greit at jeg svarer på norsk, si ifra om noe er uklart!)",
        ),
        reactions: thanks("member-6"),
      },
      {
        authorKey: "member-5",
        daysAgo: 31,
        hoursAgo: 21,
        body: "Eg har òg vakna slik. Det som hjelpte meg, var ein liten lapp ved senga der det stod: «Du er trygg. Det går over.» Det er lettare å lese enn å tenkje når ein er midt i det.",
        reactions: thanks("member-6", "member-12"),
      },
      {
        authorKey: "member-6",
        daysAgo: 30,
        hoursAgo: 3,
        quotesPostIndex: 3,
        body: markdownBlocks(
          "> «Du er trygg. Det går over.»",
          "I wrote this on a note, in Norwegian, and put it next to my bed. I read it twice last night. It did help. Takk, @Lyngblom og @Nordlys.",
        ),
        reactions: [...hug("member-5"), ...cheer("moderator", "member-12")],
      },
    ],
  },
  {
    key: "pause-fra-nyhetene",
    categorySlug: "angst-og-uro",
    title: "Tok en pause fra nyhetene",
    posts: [
      {
        authorKey: "member-12",
        daysAgo: 21,
        hoursAgo: 15,
        body: "Har slettet nyhetsappene fra mobilen i to uker nå. Merker at jeg er mindre urolig om kvelden. Litt dårlig samvittighet for at jeg ikke følger med, men det er deilig.",
        reactions: cheer("member-1", "member-8"),
      },
      {
        authorKey: "member-1",
        daysAgo: 21,
        hoursAgo: 11,
        body: "Jeg gjorde det samme i fjor. Nå leser jeg nyheter én gang om dagen, på papir, på formiddagen. Aldri etter middag.",
        reactions: thanks("member-12"),
      },
      {
        authorKey: "member-8",
        daysAgo: 20,
        hoursAgo: 22,
        body: "Det er ikke du som skal bære hele verden på skuldrene. Bra gjort.",
        reactions: [...thanks("member-12"), ...cheer("moderator")],
      },
      {
        authorKey: "moderator",
        daysAgo: 20,
        hoursAgo: 16,
        body: "Så fint at du merker forskjell, @Nordlys. Å skjerme seg er ikke likegyldighet. Det er å ta vare på seg selv, så man orker å være til stede for dem som står en nær. Den dårlige samvittigheten kan få sitte i baksetet en stund.",
        reactions: thanks("member-12", "member-1"),
      },
    ],
  },
  {
    key: "gamle-vaner",
    categorySlug: "angst-og-uro",
    title: "Gamle vaner som dukker opp igjen",
    posts: [
      {
        authorKey: "member-9",
        daysAgo: 17,
        hoursAgo: 2,
        contentWarning: "Handler om selvskading",
        body: markdownBlocks(
          "Jeg har ikke skadet meg selv på mange år. Denne uka har trangen kommet tilbake, sterkere enn jeg har kjent den på lenge. Jeg har ikke gjort noe, men jeg er redd for at jeg skal gjøre det.",
          "Jeg har tatt fram kriseplanen min og sagt fra til behandleren min. Jeg skriver her fordi jeg trenger å si det høyt et sted der folk forstår.",
        ),
        reactions: hug("moderator", "member-3", "member-8", "member-1", "member-11"),
      },
      {
        authorKey: "moderator",
        daysAgo: 17,
        hoursAgo: 1,
        contentWarning: "Handler om selvskading",
        body: markdownBlocks(
          "Kjære @Tusenfryd. Takk for at du skriver, og for at du har sagt fra til behandleren din og tatt fram kriseplanen. Det er akkurat det du har jobbet med så lenge, og du gjør det nå, midt i det vanskelige. Det er sterkt.",
          "At trangen kommer tilbake, betyr ikke at du har mistet alt du har fått til. Den sier noe om hvor tung denne perioden er.",
          "Hvis det blir for mye, særlig om natta, så ring nødnumrene eller hjelpetelefonene som står nederst på hver side her. Du trenger ikke vente til det er «ille nok».",
          "Jeg er på jobb igjen i morgen og tenker på deg.",
        ),
        reactions: [...thanks("member-9"), ...hug("member-3")],
      },
      {
        authorKey: "member-3",
        daysAgo: 16,
        hoursAgo: 19,
        contentWarning: "Handler om selvskading",
        body: markdownBlocks(
          "Jeg har vært der selv. Det som hjalp meg mest, var å ha noe å gjøre med hendene når trangen kom, og å skrive ned hva som skjedde rett før. Da så jeg etter hvert et mønster.",
          "Du er ikke tilbake ved start. Tenker på deg.",
        ),
        reactions: thanks("member-9"),
      },
      {
        authorKey: "member-9",
        daysAgo: 15,
        hoursAgo: 12,
        body: "Takk, begge to. Jeg fikk en ekstra time hos behandleren min i går, og natta i natt var roligere. Det hjelper å vite at dere er her.",
        reactions: [...hug("moderator", "member-3", "member-8"), ...cheer("member-1")],
      },
      {
        authorKey: "moderator",
        daysAgo: 15,
        hoursAgo: 9,
        body: "Så godt å høre, @Tusenfryd. Ta det én dag av gangen, og skriv gjerne her igjen når du vil.",
        reactions: hug("member-9"),
      },
    ],
  },
];

const sleepThreads: DemoCategoryThread[] = [
  {
    key: "awake-at-three",
    categorySlug: "sovn",
    title: "Awake at three every night",
    posts: [
      {
        authorKey: "member-6",
        daysAgo: 58,
        hoursAgo: 20,
        body: "For three weeks now I fall asleep fine, but I wake up around three and lie awake until six. Then I am exhausted all day. Does anybody else have this?",
        reactions: hug("member-5"),
      },
      {
        authorKey: "member-5",
        daysAgo: 58,
        hoursAgo: 12,
        body: markdownBlocks(
          "Ja, det kjenner eg godt til. Eg brukar å stå opp og setje meg med ei bok under ei lita lampe i staden for å liggje og vri meg. Når eg vert trøytt att, går eg tilbake til senga.",
          "(Eg skriv på nynorsk, håpar det går bra!)",
        ),
        reactions: thanks("member-6"),
      },
      {
        authorKey: "moderator",
        daysAgo: 58,
        hoursAgo: 6,
        body: markdownBlocks(
          "Hi @Nattergal, thank you for asking. Waking up at the same time every night is very common, especially in difficult periods.",
          "Lyngblom's advice is a good one: if you have been awake for what feels like more than twenty minutes, get up and do something calm in dim light, then go back to bed when you feel sleepy. And try not to look at the clock, it only makes your mind start counting.",
          "If it goes on for weeks, please mention it to your GP too.",
        ),
        reactions: thanks("member-6", "member-5"),
      },
      {
        authorKey: "member-1",
        daysAgo: 57,
        hoursAgo: 14,
        body: "Jeg har hatt mye glede av å ha en notatbok ved senga. Tankene som kverner klokka tre, skriver jeg ned, så kan de vente til morgenen.",
        reactions: thanks("member-6", "member-10"),
      },
      {
        authorKey: "member-6",
        daysAgo: 53,
        hoursAgo: 4,
        body: "Update: I tried getting up and reading. The first nights were hard, but now I fall asleep again after half an hour or so. Not perfect, but much better than three hours.",
        reactions: cheer("moderator", "member-5", "member-1"),
      },
      {
        authorKey: "member-10",
        daysAgo: 53,
        hoursAgo: 1,
        body: "Det høres ut som et stort framskritt! Godt jobbet, @Nattergal.",
        reactions: cheer("member-6"),
      },
    ],
  },
  {
    key: "sovnrad",
    categorySlug: "sovn",
    title: "Det som hjelper meg å sove – del gjerne ditt",
    posts: [
      {
        authorKey: "moderator",
        daysAgo: 45,
        hoursAgo: 15,
        body: markdownBlocks(
          "Søvn er noe mange her skriver om, så jeg tenkte vi kunne samle erfaringer i én tråd. Her er det som hjelper meg, men vi er alle forskjellige:",
          "- Samme tid opp hver morgen, også i helgene\n- Ingen skjerm den siste halvtimen\n- Et kjølig soverom\n- En kjedelig lydbok på lavt volum",
          "Hva hjelper deg? Alt fra det lure til det rare er velkomment.",
        ),
        reactions: thanks("member-3", "member-7", "member-11"),
      },
      {
        authorKey: "member-3",
        daysAgo: 45,
        hoursAgo: 11,
        body: "Varme sokker! Jeg vet ikke hvorfor, men kalde føtter holder meg våken.",
        reactions: cheer("member-5"),
      },
      {
        authorKey: "member-8",
        daysAgo: 45,
        hoursAgo: 2,
        body: "Jeg går en kveldstur rundt kvartalet. Ti minutter. Hodet roer seg når beina går.",
        reactions: thanks("moderator"),
      },
      {
        authorKey: "member-2",
        daysAgo: 44,
        hoursAgo: 20,
        body: "Eg høyrer på radio med låg lyd, helst eit program om noko eg ikkje bryr meg om. Fiske, til dømes. Eg søv før dei har fått fisken på land.",
        reactions: cheer("member-3", "member-8", "moderator"),
      },
      {
        authorKey: "member-11",
        daysAgo: 43,
        hoursAgo: 22,
        body: "Jeg skriver ned tre ting jeg skal gjøre i morgen. Da slipper jeg å ligge og prøve å huske dem.",
        reactions: thanks("member-7"),
      },
      {
        authorKey: "member-7",
        daysAgo: 43,
        hoursAgo: 14,
        quotesPostIndex: 3,
        body: markdownBlocks("> Eg søv før dei har fått fisken på land.", "Haha, @Fjellrev, dette var det beste tipset. Jeg prøver en podkast om golf i kveld."),
        reactions: cheer("member-2"),
      },
      {
        authorKey: "moderator",
        daysAgo: 43,
        hoursAgo: 10,
        body: "Takk for alle tipsene! Dette er en tråd jeg kommer til å vise til mange ganger. Fyll gjerne på når dere finner noe nytt.",
        reactions: thanks("member-11"),
      },
    ],
  },
  {
    key: "snudd-dognet",
    categorySlug: "sovn",
    title: "Har snudd døgnet helt",
    posts: [
      {
        authorKey: "member-7",
        daysAgo: 27,
        hoursAgo: 3,
        body: "Klokka er fire om natta, og jeg er lys våken. Hele uka har jeg sovet fra ti om morgenen til fem om ettermiddagen. Hvordan får man snudd døgnet tilbake?",
        reactions: hug("member-12"),
      },
      {
        authorKey: "member-12",
        daysAgo: 26,
        hoursAgo: 22,
        body: "Jeg gjorde det ved å stå opp tidlig én dag, uansett hvor lite jeg hadde sovet, og holde meg våken til kvelden. Det var en grusom dag. Men etter det gikk det.",
        reactions: thanks("member-7"),
      },
      {
        authorKey: "moderator",
        daysAgo: 26,
        hoursAgo: 18,
        body: markdownBlocks(
          "Det er tungt når døgnet snur seg, og det skjer lett når man er sykmeldt og ikke har faste tider. Nordlys beskriver det mange gjør. Dette kan gjøre det litt lettere:",
          "- Få dagslys så tidlig som mulig, gjerne en kort tur ute.\n- Ikke sov på dagen de første dagene, selv om det er fristende.\n- Legg deg først når du er trøtt, men stå opp til samme tid.",
          "Og vær snill med deg selv de dagene det ikke går.",
        ),
        reactions: thanks("member-7", "member-6"),
      },
      {
        authorKey: "member-7",
        daysAgo: 22,
        hoursAgo: 9,
        body: "Har stått opp klokka ni fem dager på rad nå. Er trøtt, men det går riktig vei.",
        reactions: cheer("moderator", "member-12", "member-1"),
      },
    ],
  },
  {
    key: "mareritt",
    categorySlug: "sovn",
    title: "Mareritt etter innlegginga",
    posts: [
      {
        authorKey: "member-5",
        daysAgo: 19,
        hoursAgo: 4,
        contentWarning: "Om sjukehusinnlegging",
        body: markdownBlocks(
          "Det er eit halvt år sidan eg var innlagd, men eg har framleis mareritt om det. Ikkje kvar natt, men ofte nok til at eg gruar meg til å leggje meg. Eg drøymer at eg ikkje får gå heim.",
          "Eg veit ikkje heilt kva eg vil med dette innlegget. Kanskje berre seie det.",
        ),
        reactions: hug("moderator", "member-9", "member-3"),
      },
      {
        authorKey: "member-9",
        daysAgo: 19,
        hoursAgo: 1,
        contentWarning: "Om sykehusinnleggelse",
        body: "Jeg kjenner meg veldig igjen. Etter min første innleggelse drømte jeg om korridorene i lang tid. Det ble bedre da jeg fikk snakket om det med behandleren min. Det tok tid, men drømmene ble sjeldnere.",
        reactions: thanks("member-5"),
      },
      {
        authorKey: "moderator",
        daysAgo: 18,
        hoursAgo: 19,
        body: markdownBlocks(
          "Takk for at du sier det her, @Lyngblom. Det er god nok grunn til å skrive et innlegg. Å bli innlagt er en stor hendelse, og det er forståelig at kroppen fortsatt bearbeider den.",
          "Hvis marerittene gjør at du gruer deg til kvelden, kan det være verdt å ta det opp med behandleren din. Det finnes hjelp for nettopp dette. Og du er velkommen til å skrive her de nettene det er tungt.",
        ),
        reactions: thanks("member-5"),
      },
      {
        authorKey: "member-5",
        daysAgo: 16,
        hoursAgo: 11,
        body: "Takk. Eg skal ta det opp neste gong. Det var godt å skrive det ned.",
        reactions: hug("member-9", "moderator"),
      },
    ],
  },
  {
    key: "lur-pa-dagen",
    categorySlug: "sovn",
    title: "Lur på dagen – lov eller ikke?",
    posts: [
      {
        authorKey: "member-8",
        daysAgo: 12,
        hoursAgo: 14,
        body: "Alle søvnråd sier at man ikke skal sove på dagen. Men noen dager er jeg så sliten etter lunsj at jeg ikke klarer å holde øynene åpne. Er det så farlig med en liten lur?",
        reactions: cheer("member-10"),
      },
      {
        authorKey: "member-1",
        daysAgo: 12,
        hoursAgo: 10,
        body: "Jeg tar en lur på tjue minutter med alarm. Aldri mer. Da våkner jeg uten å være groggy.",
        reactions: thanks("member-8"),
      },
      {
        authorKey: "member-10",
        daysAgo: 12,
        hoursAgo: 6,
        body: "Jeg har hatt perioder der jeg sov tre timer på dagen. Da ble nettene helt ødelagt. Så for meg er svaret nei. Men jeg tror det er veldig individuelt.",
        reactions: thanks("member-8"),
      },
      {
        authorKey: "moderator",
        daysAgo: 11,
        hoursAgo: 21,
        body: markdownBlocks(
          "Godt spørsmål, @Gråstein. Rådet om å ikke sove på dagen er først og fremst for dem som sliter med å sove om natta. Sover du greit om natta, er en kort lur helt i orden for mange. Morgenfugls tjue minutter er et godt utgangspunkt.",
          "Lytt til kroppen din, og legg merke til hvordan natta blir etter en lur.",
        ),
        reactions: thanks("member-8", "member-1"),
      },
      {
        authorKey: "member-4",
        daysAgo: 11,
        hoursAgo: 3,
        body: "Katten min sover sytten timer i døgnet og virker veldig fornøyd.",
        reactions: cheer("member-8", "member-1", "member-3", "member-9"),
      },
    ],
  },
];

const treatmentThreads: DemoCategoryThread[] = [
  {
    key: "ny-behandler",
    categorySlug: "medisiner-og-behandling",
    title: "Ny behandler igjen – tredje på to år",
    posts: [
      {
        authorKey: "member-1",
        daysAgo: 50,
        hoursAgo: 11,
        body: markdownBlocks(
          "Fikk beskjed i dag om at behandleren min slutter. Igjen. Det er tredje gang på to år. Jeg må begynne helt på nytt og fortelle hele historien min til enda en ny person.",
          "Jeg blir så sliten bare av tanken.",
        ),
        reactions: hug("moderator", "member-3", "member-8", "member-5"),
      },
      {
        authorKey: "moderator",
        daysAgo: 50,
        hoursAgo: 6,
        body: markdownBlocks(
          "Det forstår jeg godt, @Morgenfugl. Å bygge tillit til en ny behandler tar tid og krefter, og det er urettferdig å måtte gjøre det igjen og igjen.",
          "Noe du kan tenke på:",
          "- Du kan be om at den nye behandleren leser journalen før første time, så du slipper å starte på null.\n- Du kan skrive ned det viktigste selv og ta det med, så det er du som bestemmer hva som blir sagt først.\n- Du kan si høyt i første time at byttene har vært tunge. Det er nyttig for behandleren å vite.",
        ),
        reactions: thanks("member-1", "member-3"),
      },
      {
        authorKey: "member-8",
        daysAgo: 49,
        hoursAgo: 20,
        body: "Jeg har hatt sju behandlere. Nå har jeg et ark jeg gir til hver ny en: diagnose, medisiner, hva som har hjulpet, hva som ikke har hjulpet, og hva jeg vil ha hjelp med nå. Jeg sier: «Les dette først, så snakker vi.» Det fungerer.",
        reactions: thanks("member-1", "moderator", "member-10"),
      },
      {
        authorKey: "member-3",
        daysAgo: 49,
        hoursAgo: 9,
        body: "Hos meg ble den tredje behandleren den beste. Jeg sier ikke det for å bagatellisere, bare for å si at det kan gå bra også.",
        reactions: hug("member-1"),
      },
      {
        authorKey: "member-1",
        daysAgo: 48,
        hoursAgo: 16,
        quotesPostIndex: 2,
        body: markdownBlocks(
          "> Nå har jeg et ark jeg gir til hver ny en",
          "@Gråstein, dette skal jeg gjøre. Jeg har allerede begynt å skrive. Det føles litt som å ta tilbake kontrollen.",
        ),
        reactions: cheer("member-8", "moderator"),
      },
      {
        authorKey: "member-1",
        daysAgo: 36,
        hoursAgo: 10,
        body: "Hadde første time med den nye i dag. Jeg ga henne arket. Hun leste det og sa at det var noe av det mest nyttige hun hadde fått fra en pasient. Det gikk faktisk fint.",
        reactions: cheer("moderator", "member-8", "member-3", "member-4", "member-5"),
      },
    ],
  },
  {
    key: "bivirkninger",
    categorySlug: "medisiner-og-behandling",
    title: "Bivirkninger – hvor lenge holdt dere ut?",
    posts: [
      {
        authorKey: "member-10",
        daysAgo: 40,
        hoursAgo: 19,
        body: "Startet på nye tabletter for fem uker siden. Sover bedre, men har gått opp flere kilo og er tørr i munnen hele tiden. Legen sier at noe av det kan gå over. Hvor lenge ga dere det før dere sa fra?",
        reactions: hug("member-3"),
      },
      {
        authorKey: "member-3",
        daysAgo: 40,
        hoursAgo: 10,
        body: "En gang ga jeg det tre måneder, og da hadde det meste roet seg. En annen gang sa jeg fra etter to uker, fordi jeg ble så urolig. Så det kommer nok an på hva bivirkningen er.",
        reactions: thanks("member-10"),
      },
      {
        authorKey: "member-6",
        daysAgo: 39,
        hoursAgo: 19,
        body: "The dry mouth was the worst part for me. Sugar-free chewing gum helped more than I expected.",
        reactions: thanks("member-10"),
      },
      {
        authorKey: "moderator",
        daysAgo: 39,
        hoursAgo: 12,
        body: markdownBlocks(
          "Takk for at du deler dette, @Vandrer. Her er mye god erfaring, men det viktigste rådet er dette: Si fra til legen hver gang, også om det du tenker er småting. Vektøkning og munntørrhet er ting legen bør vite om, og det finnes ofte noe å gjøre med det. Du trenger ikke vente til det blir uholdbart.",
          "Og husk at du selv er med på å vurdere hvor mye en bivirkning er verdt for deg. Det er en vurdering dere gjør sammen.",
        ),
        reactions: thanks("member-10", "member-3"),
      },
      {
        authorKey: "member-10",
        daysAgo: 38,
        hoursAgo: 8,
        body: "Ringte legen i dag og fikk time neste uke. Jeg tar med en liste over alt. Tyggegummi er kjøpt.",
        reactions: cheer("moderator", "member-6"),
      },
    ],
  },
  {
    key: "trappe-ned",
    categorySlug: "medisiner-og-behandling",
    title: "Tenker på å trappe ned",
    posts: [
      {
        authorKey: "member-12",
        daysAgo: 31,
        hoursAgo: 17,
        body: "Jeg har brukt den samme medisinen i seks år. Jeg har det mye bedre nå enn da jeg startet, og jeg lurer på om jeg trenger den lenger. Noen som har trappet ned? Hvordan var det?",
        reactions: thanks("member-10"),
      },
      {
        authorKey: "moderator",
        daysAgo: 31,
        hoursAgo: 13,
        body: markdownBlocks(
          "Så fint at du har det bedre, @Nordlys. Det er verdt å stoppe opp ved.",
          "Nedtrapping bør du planlegge sammen med legen din, **aldri på egen hånd**. Noen medisiner gir ubehag hvis man slutter brått, og det er lett å tro at man er i ferd med å bli syk igjen når det egentlig er kroppen som venner seg av. Med en god plan går det fint for mange.",
          "Del gjerne erfaringer her, men ingen doseråd i tråden, takk.",
        ),
        reactions: thanks("member-12", "member-10"),
      },
      {
        authorKey: "member-10",
        daysAgo: 30,
        hoursAgo: 22,
        body: "Jeg trappet ned for to år siden, over fire måneder. De første ukene var jeg litt svimmel og irritabel, men det gikk over. Det viktigste var at legen og jeg hadde en plan for hva vi skulle gjøre hvis det ble ille.",
        reactions: thanks("member-12"),
      },
      {
        authorKey: "member-5",
        daysAgo: 30,
        hoursAgo: 9,
        body: "Eg prøvde å slutte på eiga hand ein gong. Det gjer eg ikkje att. Seinare trappa eg ned saman med legen, og då gjekk det mykje betre. Lukke til!",
        reactions: [...thanks("member-12"), ...cheer("moderator")],
      },
      {
        authorKey: "member-12",
        daysAgo: 24,
        hoursAgo: 19,
        body: "Har hatt time hos legen. Vi skal lage en plan og starte om en måned, når jeg har færre ting på gang. Takk for gode svar.",
        reactions: cheer("moderator", "member-10", "member-5"),
      },
    ],
  },
  {
    key: "ansvarsgruppemote",
    categorySlug: "medisiner-og-behandling",
    title: "Forberede seg til ansvarsgruppemøte",
    posts: [
      {
        authorKey: "member-3",
        daysAgo: 23,
        hoursAgo: 16,
        body: "Jeg skal ha ansvarsgruppemøte neste uke. Legen, kontaktpersonen min i kommunen, noen fra NAV og meg. Jeg pleier å sitte der og nikke og gå hjem uten å ha sagt det jeg ville. Hvordan forbereder dere dere?",
        reactions: hug("member-9"),
      },
      {
        authorKey: "moderator",
        daysAgo: 23,
        hoursAgo: 11,
        body: markdownBlocks(
          "Godt at du tenker på det i forkant, @Blåveis. Det er ditt møte, og du er den viktigste personen rundt bordet.",
          "Dette har hjulpet mange:",
          "1. Skriv ned de to–tre tingene du *mest* vil ha sagt, på et ark du har foran deg.\n2. Be om å få si dem først, før de andre går gjennom sine saker.\n3. Ta med noen du stoler på, hvis du vil. Det har du lov til.\n4. Be om at noen skriver referat, og at du får det tilsendt.",
          "Og det er helt greit å si «det må jeg tenke på» i stedet for å svare med en gang.",
        ),
        reactions: thanks("member-3", "member-9", "member-2"),
      },
      {
        authorKey: "member-9",
        daysAgo: 22,
        hoursAgo: 20,
        body: "Punkt to er gull! Jeg ba om å få begynne, og det var første gang jeg følte at de hørte på meg.",
        reactions: thanks("member-3"),
      },
      {
        authorKey: "member-2",
        daysAgo: 22,
        hoursAgo: 8,
        body: "Eg hadde med meg søstera mi på førre møte. Ho hugsar det eg gløymer, og ho seier ifrå når dei snakkar over hovudet på meg. Det var ei stor hjelp.",
        reactions: thanks("member-3"),
      },
      {
        authorKey: "member-3",
        daysAgo: 16,
        hoursAgo: 16,
        quotesPostIndex: 1,
        body: markdownBlocks(
          "> Be om å få si dem først",
          "Det gjorde jeg! Jeg fikk sagt at jeg vil prøve arbeidstrening, og nå skal de se på det. Første gang jeg går ut av et sånt møte uten å være helt tom.",
        ),
        reactions: cheer("moderator", "member-9", "member-2", "member-1", "member-4"),
      },
    ],
  },
  {
    key: "tilbake-fra-sykehus",
    categorySlug: "medisiner-og-behandling",
    title: "Tilbake etter tre uker på sykehus",
    posts: [
      {
        authorKey: "member-9",
        daysAgo: 60,
        hoursAgo: 5,
        contentWarning: "Om sykehusinnleggelse",
        body: markdownBlocks(
          "Jeg har vært borte herfra en stund. Jeg var innlagt i tre uker. Nå er jeg hjemme igjen, og alt føles rart. Leiligheten er for stille, og jeg vet ikke helt hva jeg skal gjøre med dagene.",
          "Det var riktig å bli innlagt. Jeg trengte det. Men jeg skammer meg litt også.",
        ),
        reactions: hug("moderator", "member-8", "member-1", "member-5", "member-11"),
      },
      {
        authorKey: "member-8",
        daysAgo: 60,
        hoursAgo: 1,
        body: "Velkommen tilbake. Ingen grunn til skam. Du gjorde det du måtte.",
        reactions: thanks("member-9"),
      },
      {
        authorKey: "member-1",
        daysAgo: 59,
        hoursAgo: 20,
        body: "Så godt å se deg her igjen, @Tusenfryd. Vi har savnet innleggene dine. Ta det i ditt eget tempo.",
        reactions: hug("member-9"),
      },
      {
        authorKey: "moderator",
        daysAgo: 59,
        hoursAgo: 16,
        body: markdownBlocks(
          "Velkommen tilbake, @Tusenfryd. Det er modig å skrive dette, og klokt å si at det var riktig å bli innlagt. Å ta imot hjelp når man trenger det, er ikke et nederlag.",
          "Overgangen hjem er ofte den tyngste delen, og det er helt vanlig at alt føles rart i starten. Kanskje du kan legge inn ett eller to faste holdepunkter i uka den første tida? Og du er hjertelig velkommen på kaféen når du er klar for det, uten krav om å si noe.",
        ),
        reactions: thanks("member-9", "member-1"),
      },
      {
        authorKey: "member-5",
        daysAgo: 59,
        hoursAgo: 4,
        contentWarning: "Om sjukehusinnlegging",
        body: "Eg kjende det på same måte då eg kom heim. Stilla var det verste. Eg hadde radioen på heile dagen den første veka. Det vart betre etter kvart, det lovar eg.",
        reactions: thanks("member-9"),
      },
      {
        authorKey: "member-11",
        daysAgo: 58,
        hoursAgo: 9,
        body: "Jeg er ny her og har ikke skrevet så mye, men ville bare si at det hjelper meg å lese at andre også har vært innlagt og kommet seg hjem igjen. Takk for at du deler.",
        reactions: [...hug("member-9"), ...thanks("moderator")],
      },
      {
        authorKey: "member-9",
        daysAgo: 57,
        hoursAgo: 12,
        body: "Takk, alle sammen. Jeg gråt litt av å lese svarene deres, på en god måte.",
        reactions: hug("member-8", "member-1", "moderator", "member-5", "member-11"),
      },
    ],
  },
];

const goodDaysThreads: DemoCategoryThread[] = [
  {
    key: "refleksjon-god-dag",
    categorySlug: "gode-dager",
    title: "Refleksjon: hva gjorde en god dag god?",
    pinned: true,
    posts: [
      {
        authorKey: "moderator",
        daysAgo: 42,
        hoursAgo: 9,
        body: markdownBlocks(
          "En ny refleksjonsoppgave, og denne gangen ser vi bakover.",
          "Tenk på en dag den siste tida som var litt bedre enn de andre. Den trenger ikke ha vært *god*, bare bedre.",
          "- Hva gjorde du den dagen?\n- Hvem var du sammen med, eller var du alene?\n- Var det noe du selv gjorde som bidro?",
          "Poenget er ikke å lage en oppskrift, men å bli litt bedre kjent med hva som hjelper akkurat deg. Skriv gjerne svaret her, eller bare for deg selv.",
        ),
        reactions: thanks("member-12", "member-3", "member-9"),
      },
      {
        authorKey: "member-12",
        daysAgo: 42,
        hoursAgo: 3,
        body: "Den beste dagen min forrige uke var den jeg var ute og fotograferte. Jeg var alene, men det føltes ikke ensomt. Jeg tror det handler om å ha noe å se etter.",
        reactions: cheer("moderator", "member-8"),
      },
      {
        authorKey: "member-3",
        daysAgo: 41,
        hoursAgo: 18,
        body: "For meg var det dagen jeg plantet om potteplantene. Jeg hadde jord under neglene og tenkte ikke på noe annet i to timer. Kanskje det er det: å gjøre noe med hendene.",
        reactions: cheer("member-5", "member-1"),
      },
      {
        authorKey: "member-2",
        daysAgo: 41,
        hoursAgo: 7,
        body: "Ein dag eg var på tur med hunden til naboen. Eg var ute i frisk luft, eg hadde eit ansvar, og hunden brydde seg ikkje om korleis eg hadde det. Det gjorde godt.",
        reactions: cheer("member-10", "member-1", "moderator"),
      },
      {
        authorKey: "member-6",
        daysAgo: 40,
        hoursAgo: 11,
        body: "A day when I cooked dinner for a friend. Being useful to someone else made me forget my own worries for a few hours.",
        reactions: cheer("member-9", "moderator"),
      },
      {
        authorKey: "member-9",
        daysAgo: 39,
        hoursAgo: 20,
        quotesPostIndex: 2,
        body: markdownBlocks(
          "> Kanskje det er det: å gjøre noe med hendene.",
          "Jeg tror du har rett, @Blåveis. De bedre dagene mine har også noe med hendene: baking, strikking, rydding. Hodet får hvile når hendene jobber.",
        ),
        reactions: thanks("member-3"),
      },
      {
        authorKey: "moderator",
        daysAgo: 39,
        hoursAgo: 14,
        body: markdownBlocks(
          "Så fine svar. Jeg legger merke til noen fellestrekk: noe å gjøre med hendene, noe å se etter, å være nyttig for noen. Kanskje du finner noe du kan gjøre litt mer av neste uke?",
          "Vi tar med oss dette temaet til kaféene denne måneden også.",
        ),
        reactions: thanks("member-3", "member-12", "member-2"),
      },
    ],
  },
  {
    key: "pa-toppen",
    categorySlug: "gode-dager",
    title: "Var på toppen i dag",
    posts: [
      {
        authorKey: "member-2",
        daysAgo: 28,
        hoursAgo: 9,
        body: markdownBlocks(
          "Eg gjekk til toppen i dag, for første gong sidan i fjor. Det tok dobbelt så lang tid som før, og eg måtte kvile mange gonger. Men eg kom opp.",
          "Sat der oppe med kaffi og såg utover. Ikkje så mykje å seie om det, eg ville berre fortelje det til nokon.",
        ),
        reactions: cheer("moderator", "member-1", "member-4", "member-7", "member-3"),
      },
      {
        authorKey: "member-1",
        daysAgo: 28,
        hoursAgo: 5,
        body: "Så flott! Det er akkurat sånne ting jeg vil lese her.",
        reactions: thanks("member-2"),
      },
      {
        authorKey: "member-4",
        daysAgo: 28,
        hoursAgo: 2,
        body: "Bra jobba. Kaffe på toppen er den beste kaffen.",
        reactions: thanks("member-2"),
      },
      {
        authorKey: "moderator",
        daysAgo: 27,
        hoursAgo: 20,
        body: "Takk for at du forteller det til oss, @Fjellrev. Dobbelt så lang tid og mange pauser, og likevel opp. Det sier mye om hvor langt du har kommet. Nyt kaffen i minnet også.",
        reactions: thanks("member-2"),
      },
      {
        authorKey: "member-7",
        daysAgo: 27,
        hoursAgo: 10,
        body: "Blir så glad av dette! Du inspirerer meg til å gå en tur i morgen, selv om det bare blir rundt blokka.",
        reactions: cheer("member-2"),
      },
    ],
  },
  {
    key: "jobbintervju",
    categorySlug: "gode-dager",
    title: "Jeg gikk på intervju!",
    posts: [
      {
        authorKey: "member-7",
        daysAgo: 14,
        hoursAgo: 13,
        body: markdownBlocks(
          "Jeg har vært hjemme i nesten to år, men i dag var jeg på intervju for en deltidsjobb. Jeg var så nervøs at jeg nesten snudde i døra. Men jeg gikk inn, og jeg tror det gikk sånn passe.",
          "Uansett hva de svarer: **Jeg gjorde det.**",
        ),
        reactions: cheer("moderator", "member-11", "member-8", "member-10", "member-12", "member-1"),
      },
      {
        authorKey: "member-11",
        daysAgo: 14,
        hoursAgo: 9,
        body: "Så stolt av deg! Jeg vet hvor skummelt det er.",
        reactions: thanks("member-7"),
      },
      {
        authorKey: "member-8",
        daysAgo: 14,
        hoursAgo: 6,
        body: "«Sånn passe» er godt nok. Mange tør ikke å gå inn døra i det hele tatt. Det gjorde du.",
        reactions: thanks("member-7"),
      },
      {
        authorKey: "moderator",
        daysAgo: 14,
        hoursAgo: 1,
        quotesPostIndex: 0,
        body: markdownBlocks(
          "> Uansett hva de svarer: **Jeg gjorde det.**",
          "Akkurat, @Sommerfugl! Det er det som er seieren i dag. Hva svaret blir, har du ikke kontroll over, men motet ditt har du vist. Husk å gjøre noe fint for deg selv i kveld.",
        ),
        reactions: thanks("member-7"),
      },
      {
        authorKey: "member-10",
        daysAgo: 13,
        hoursAgo: 18,
        body: "Heier på deg! Lykke til med svaret.",
        reactions: thanks("member-7"),
      },
      {
        authorKey: "member-7",
        daysAgo: 9,
        hoursAgo: 15,
        body: "De ringte! Jeg fikk ikke jobben, men de sa at jeg var nummer to, og at de vil ha meg i tankene hvis det blir noe ledig. Jeg er skuffet, men mest overrasket over at jeg tåler skuffelsen. Før ville dette ha knust meg.",
        reactions: [...hug("moderator", "member-11", "member-8"), ...cheer("member-1", "member-12")],
      },
    ],
  },
  {
    key: "lo-hoyt",
    categorySlug: "gode-dager",
    title: "Første gang på lenge jeg lo høyt",
    posts: [
      {
        authorKey: "member-11",
        daysAgo: 8,
        hoursAgo: 20,
        body: "Jeg så en dum film med søsteren min i kveld og lo så jeg nesten falt av sofaen. Jeg husker ikke sist jeg lo sånn. Ville bare dele.",
        reactions: cheer("member-9", "moderator", "member-7", "member-5"),
      },
      {
        authorKey: "moderator",
        daysAgo: 8,
        hoursAgo: 16,
        body: "Så fint, @Havbris! Latter er god medisin, og enda bedre sammen med noen. Takk for at du delte det, det smittet over på meg også.",
        reactions: thanks("member-11"),
      },
      {
        authorKey: "member-9",
        daysAgo: 8,
        hoursAgo: 10,
        body: "Nå må du si hvilken film! Jeg trenger en sånn.",
        reactions: cheer("member-11"),
      },
      {
        authorKey: "member-5",
        daysAgo: 7,
        hoursAgo: 22,
        body: "Slike kveldar er verdt å hugse. Kanskje skrive det ned ein stad, så du kan lese det ein dag det er tungt?",
        reactions: thanks("member-11"),
      },
    ],
  },
  {
    key: "ferdig-med-genseren",
    categorySlug: "gode-dager",
    title: "Ferdig med genseren!",
    posts: [
      {
        authorKey: "member-5",
        daysAgo: 5,
        hoursAgo: 15,
        body: markdownBlocks(
          "Eg byrja på denne genseren for to år sidan. Han har lege i ei korg i lange periodar når eg ikkje orka noko. I dag strikka eg den siste omgangen.",
          "Han er litt for stor, og det eine ermet er lengre enn det andre. Eg elskar han.",
        ),
        reactions: cheer("moderator", "member-3", "member-1", "member-9", "member-4"),
      },
      {
        authorKey: "member-3",
        daysAgo: 5,
        hoursAgo: 11,
        body: "Et lengre erme er bare personlighet! Gratulerer!",
        reactions: cheer("member-5"),
      },
      {
        authorKey: "moderator",
        daysAgo: 5,
        hoursAgo: 6,
        body: "For en fin historie. Genseren har vært med deg gjennom tunge perioder og ventet på deg. At du fullførte den nå, sier noe om hvor du er. Gratulerer, @Lyngblom!",
        reactions: thanks("member-5"),
      },
      {
        authorKey: "member-1",
        daysAgo: 4,
        hoursAgo: 22,
        body: "Jeg har tre halvferdige strikkeprosjekter i en pose. Du gir meg lyst til å ta dem fram igjen.",
        reactions: cheer("member-5"),
      },
      {
        authorKey: "member-5",
        daysAgo: 4,
        hoursAgo: 9,
        quotesPostIndex: 3,
        body: markdownBlocks("> Du gir meg lyst til å ta dem fram igjen.", "Gjer det! Start med det minste. Og her er det ingen som dømer skeive erme."),
        reactions: cheer("member-1", "member-3"),
      },
    ],
  },
];

const cafeThreads: DemoCategoryThread[] = [
  {
    key: "refleksjon-trygt-sted",
    categorySlug: "kafeen",
    title: "Før kaféen: hva gjør et sted trygt for deg?",
    pinned: true,
    posts: [
      {
        authorKey: "moderator",
        daysAgo: 10,
        hoursAgo: 10,
        body: markdownBlocks(
          "Neste kafé, både i Bjørkelia og Havnøy, har temaet **trygghet**. Som forberedelse vil jeg invitere til en liten refleksjon:",
          "*Tenk på et sted, eller en situasjon, der du kjenner deg trygg. Hva er det ved det stedet som gjør det trygt?*",
          "Det kan være lyden, lyset, menneskene, at ingen forventer noe av deg, eller noe helt annet. Skriv gjerne noen ord her, eller ta med tankene til kaféen. Du trenger ikke dele noe der heller. Det er helt i orden å bare lytte.",
          "En påminnelse: Det som blir sagt på kaféen, og hvem som var der, blir der.",
        ),
        reactions: thanks("member-4", "member-1", "member-10", "member-11"),
      },
      {
        authorKey: "member-4",
        daysAgo: 10,
        hoursAgo: 4,
        body: "Kjøkkenet hjemme tidlig om morgenen. Ingen er våkne. Bare kaffetrakteren.",
        reactions: [...thanks("moderator"), ...cheer("member-1")],
      },
      {
        authorKey: "member-1",
        daysAgo: 9,
        hoursAgo: 21,
        body: "For meg er det trygt når jeg vet hva som skal skje. Et sted der jeg vet hvor jeg skal sitte, hvor lenge det varer, og at jeg kan gå når jeg vil.",
        reactions: thanks("moderator", "member-11"),
      },
      {
        authorKey: "member-10",
        daysAgo: 9,
        hoursAgo: 13,
        body: "Skogen. Ingen ser på meg der, og trærne har ingen meninger om meg.",
        reactions: cheer("member-2", "member-12"),
      },
      {
        authorKey: "member-11",
        daysAgo: 9,
        hoursAgo: 3,
        quotesPostIndex: 2,
        body: markdownBlocks("> og at jeg kan gå når jeg vil", "Dette er så viktig for meg også. Hvis jeg vet at jeg kan gå, klarer jeg ofte å bli."),
        reactions: thanks("member-1", "moderator"),
      },
      {
        authorKey: "member-2",
        daysAgo: 8,
        hoursAgo: 12,
        body: "Båten. Når motoren går og eg ser land bak meg. Då tenkjer eg ikkje på noko anna.",
        reactions: cheer("member-10"),
      },
      {
        authorKey: "moderator",
        daysAgo: 8,
        hoursAgo: 7,
        quotesPostIndex: 4,
        body: markdownBlocks(
          "> Hvis jeg vet at jeg kan gå, klarer jeg ofte å bli.",
          "Så klokt sagt, @Havbris. Og det gjelder kaféen også: Du kan komme sent, gå tidlig, sitte ved døra og si så lite du vil. Takk til alle som har skrevet, dette tar vi med oss.",
        ),
        reactions: thanks("member-11", "member-1"),
      },
    ],
  },
  {
    key: "ga-sammen-til-kafeen",
    categorySlug: "kafeen",
    title: "Første gang på kafé – noen som vil gå sammen?",
    posts: [
      {
        authorKey: "member-11",
        daysAgo: 20,
        hoursAgo: 18,
        body: markdownBlocks(
          "Jeg har tenkt på å gå på kaféen i Havnøy i flere måneder, men tør ikke gå inn alene. Tanken på å gå inn i et rom der alle kjenner hverandre, er helt lammende.",
          "Er det noen som kunne tenke seg å møtes utenfor og gå inn sammen?",
        ),
        reactions: hug("member-9", "moderator"),
      },
      {
        authorKey: "moderator",
        daysAgo: 20,
        hoursAgo: 13,
        body: markdownBlocks(
          "Så fint at du vurderer det, @Havbris! Du er langt fra den første som kjenner det sånn, og det er nettopp derfor du kan be om følge når du melder deg på kaféen. Jeg ser forespørslene og hjelper gjerne med å finne noen.",
          "Og bare så du vet det: Det er aldri sånn at alle kjenner hverandre. Det kommer nye hver gang.",
        ),
        reactions: thanks("member-11"),
      },
      {
        authorKey: "member-9",
        daysAgo: 20,
        hoursAgo: 7,
        body: "@Havbris, jeg går gjerne sammen med deg! Jeg var livredd første gang også. Jeg har meldt meg som følge på kafésiden, så kan Fyrlykta koble oss.",
        reactions: cheer("member-11", "moderator"),
      },
      {
        authorKey: "member-11",
        daysAgo: 19,
        hoursAgo: 22,
        body: "Tusen takk. Jeg har meldt meg på og bedt om følge. Hjertet banker bare av å trykke på knappen.",
        reactions: cheer("member-9", "moderator", "member-7"),
      },
      {
        authorKey: "member-7",
        daysAgo: 19,
        hoursAgo: 10,
        body: "Jeg gikk første gang for et halvt år siden. Det var mye hyggeligere enn jeg trodde. Det er kaffe og vafler, og ingen tvinger deg til å si noe.",
        reactions: thanks("member-11"),
      },
      {
        authorKey: "member-11",
        daysAgo: 12,
        hoursAgo: 20,
        body: "Vi møttes utenfor og gikk inn sammen. Jeg sa nesten ingenting, men jeg satt der i to timer. Jeg kommer igjen.",
        reactions: cheer("moderator", "member-9", "member-7", "member-1", "member-8"),
      },
    ],
  },
  {
    key: "fra-kafeen-sovn",
    categorySlug: "kafeen",
    title: "Fra kaféen: temaet var søvn",
    posts: [
      {
        authorKey: "moderator",
        daysAgo: 34,
        hoursAgo: 16,
        body: markdownBlocks(
          "Takk til alle som kom på kaféene denne måneden! Temaet var søvn, og vi hadde mange gode samtaler. Uten å si noe om hvem som sa hva, kommer her noen av tipsene:",
          "- En fast tid å stå opp er viktigere enn en fast tid å legge seg\n- Skriv ned bekymringer før kvelden, ikke i senga\n- Ha noe kjedelig å lytte til",
          "Var du ikke der, men har tanker om temaet? Skriv gjerne her.",
        ),
        reactions: thanks("member-3", "member-6", "member-12"),
      },
      {
        authorKey: "member-3",
        daysAgo: 34,
        hoursAgo: 9,
        body: "Jeg var der og vil bare si at det var godt å høre at andre også ligger våkne og tenker på ting de sa for ti år siden. Jeg trodde det bare var meg.",
        reactions: [...hug("member-5"), ...cheer("moderator")],
      },
      {
        authorKey: "member-6",
        daysAgo: 33,
        hoursAgo: 20,
        body: "I wasn't able to come this time. Writing worries down before the evening is a good tip, I'll try it.",
        reactions: thanks("moderator"),
      },
      {
        authorKey: "member-12",
        daysAgo: 33,
        hoursAgo: 11,
        body: "Var ikke der denne gangen, men kommer neste. Er det alltid vafler?",
        reactions: cheer("member-3"),
      },
      {
        authorKey: "moderator",
        daysAgo: 33,
        hoursAgo: 7,
        quotesPostIndex: 3,
        body: markdownBlocks("> Er det alltid vafler?", "Nesten alltid, @Nordlys. Det er en tradisjon vi ikke tør å bryte."),
        reactions: cheer("member-12", "member-3", "member-9"),
      },
    ],
  },
  {
    key: "tema-forslag",
    categorySlug: "kafeen",
    title: "Forslag til tema på neste kafé?",
    posts: [
      {
        authorKey: "moderator",
        daysAgo: 26,
        hoursAgo: 14,
        body: "Vi planlegger temaene for de neste kaféene. Har du ønsker? Alt er lov, fra det store og tunge til det lette og praktiske.",
        reactions: thanks("member-8"),
      },
      {
        authorKey: "member-8",
        daysAgo: 26,
        hoursAgo: 9,
        body: "Penger. Hvordan man får økonomien til å gå rundt når man er syk over lang tid. Det snakker man ikke om noe sted.",
        reactions: cheer("member-10", "member-12", "member-1"),
      },
      {
        authorKey: "member-6",
        daysAgo: 25,
        hoursAgo: 22,
        body: "Being far from family. Some of us have our closest people in another country, and that affects how we cope.",
        reactions: thanks("moderator", "member-12"),
      },
      {
        authorKey: "member-12",
        daysAgo: 25,
        hoursAgo: 14,
        body: "Hva man svarer når noen spør «hva jobber du med?»",
        reactions: cheer("member-8", "member-7", "member-1"),
      },
      {
        authorKey: "member-5",
        daysAgo: 25,
        hoursAgo: 8,
        body: "Korleis ein er forelder når ein sjølv ikkje har det bra. Eg trur fleire enn meg tenkjer på det.",
        reactions: thanks("moderator", "member-9"),
      },
      {
        authorKey: "member-3",
        daysAgo: 24,
        hoursAgo: 16,
        quotesPostIndex: 4,
        body: markdownBlocks("> Korleis ein er forelder når ein sjølv ikkje har det bra.", "Ja! Jeg stemmer for denne, @Lyngblom."),
        reactions: thanks("member-5"),
      },
      {
        authorKey: "moderator",
        daysAgo: 24,
        hoursAgo: 10,
        body: "Så mange gode forslag, tusen takk. Jeg setter opp økonomi og foreldrerollen de neste to gangene og tar resten med på lista. Spørsmålet om «hva jobber du med?» passer fint til en kafé der vi øver på svar sammen, så den gleder jeg meg til.",
        reactions: cheer("member-8", "member-5", "member-12"),
      },
    ],
  },
  {
    key: "skyss-til-kafeen",
    categorySlug: "kafeen",
    title: "Skyss til kaféen",
    posts: [
      {
        authorKey: "member-2",
        daysAgo: 15,
        hoursAgo: 20,
        body: "Eg bur eit godt stykke utanfor sentrum, og bussen går berre to gonger om dagen. Den siste går før kaféen er ferdig. Er det nokon som har løyst dette?",
        reactions: hug("member-1"),
      },
      {
        authorKey: "moderator",
        daysAgo: 15,
        hoursAgo: 14,
        body: markdownBlocks(
          "Takk for at du tar det opp, @Fjellrev. Transport er en av de største grunnene til at folk ikke kommer, særlig der bussen går sjelden.",
          "Når du melder deg på en kafé, kan du be om skyss eller tilby det. Jeg ser alle forespørslene og prøver å koble folk som bor i samme retning. Legg inn en forespørsel, så skal jeg se hva jeg kan få til.",
        ),
        reactions: thanks("member-2"),
      },
      {
        authorKey: "member-1",
        daysAgo: 15,
        hoursAgo: 3,
        body: "Jeg har bil og har lagt inn at jeg kan tilby skyss. Kanskje vi bor i samme retning?",
        reactions: [...thanks("member-2"), ...cheer("moderator")],
      },
      {
        authorKey: "member-2",
        daysAgo: 6,
        hoursAgo: 18,
        body: "Vi fann ut av det. Eg fekk skyss begge vegar, og det var fint å ha nokon å prate med i bilen òg. Takk, @Morgenfugl.",
        reactions: cheer("member-1", "moderator", "member-3"),
      },
    ],
  },
];

const askThePeerModeratorThreads: DemoCategoryThread[] = [
  {
    key: "hva-er-en-erfaringskonsulent",
    categorySlug: "spor-erfaringskonsulenten",
    title: "Hva gjør egentlig en erfaringskonsulent?",
    posts: [
      {
        authorKey: "member-4",
        daysAgo: 55,
        hoursAgo: 12,
        body: "Kanskje et dumt spørsmål. Men hva gjør egentlig en erfaringskonsulent?",
        reactions: thanks("member-12"),
      },
      {
        authorKey: "moderator",
        daysAgo: 55,
        hoursAgo: 8,
        body: markdownBlocks(
          "Ikke et dumt spørsmål i det hele tatt, @Stille vann!",
          "En erfaringskonsulent har selv erfaring med psykiske helseplager og har utdanning i å bruke den erfaringen til å støtte andre. Jeg er ansatt i kommunene for å gjøre akkurat det.",
          "Her i forumet betyr det at jeg:",
          "- leser og svarer på innleggene, sånn at ingen blir stående uten svar\n- passer på at forumet er et trygt og vennlig sted\n- legger ut refleksjonsoppgaver\n- arrangerer og leder kaféene",
          "Jeg er *ikke* behandler, og jeg ser ingenting av det dere deler med behandlerne deres. Jeg er her som en av dere, med litt mer ansvar for at stedet fungerer.",
        ),
        reactions: thanks("member-4", "member-12", "member-11", "member-7"),
      },
      {
        authorKey: "member-4",
        daysAgo: 54,
        hoursAgo: 20,
        body: "Takk. Det var fint å vite at du har vært der selv.",
        reactions: hug("moderator"),
      },
      {
        authorKey: "member-12",
        daysAgo: 54,
        hoursAgo: 11,
        body: "Jeg har lurt på det samme, men ikke turt å spørre. Takk, @Stille vann.",
        reactions: thanks("member-4"),
      },
    ],
  },
  {
    key: "hvor-anonym",
    categorySlug: "spor-erfaringskonsulenten",
    title: "Hvor anonym er jeg her?",
    posts: [
      {
        authorKey: "member-11",
        daysAgo: 46,
        hoursAgo: 19,
        body: "Jeg er redd for at noen jeg kjenner, skal skjønne hvem jeg er. Hvem kan se hva her? Kan behandleren min lese det jeg skriver?",
        reactions: thanks("member-1"),
      },
      {
        authorKey: "moderator",
        daysAgo: 46,
        hoursAgo: 14,
        body: markdownBlocks(
          "Veldig godt spørsmål, @Havbris, og noe alle bør vite.",
          "- **Andre deltakere** ser bare pseudonymet ditt, aldri det ekte navnet ditt.\n- **Behandlere** har ikke tilgang til forumet i det hele tatt. Ingenting du skriver her, havner hos dem.\n- **Kommunen din** vises ikke på profilen, med mindre du selv slår det på.\n- Du kan selv velge å vise fornavnet ditt til én bestemt person, for eksempel en du har møtt på kaféen. Det kan du også angre.",
          "Det som kan avsløre deg, er detaljer i det du skriver: navn, steder, arbeidsplass, til og med været der du bor. Portalen sier fra før du publiserer hvis den finner noe sånt, men det er lurt å tenke over det selv også.",
          "Du kan lese mer i [personvernsidene](https://www.example.org/personvern).",
        ),
        reactions: thanks("member-11", "member-1", "member-4", "member-7"),
      },
      {
        authorKey: "member-11",
        daysAgo: 46,
        hoursAgo: 8,
        body: "Tusen takk. Dette gjorde meg mye tryggere.",
        reactions: cheer("moderator"),
      },
      {
        authorKey: "member-1",
        daysAgo: 45,
        hoursAgo: 19,
        body: "Jeg var like redd i starten. Nå har jeg vist navnet mitt til et par stykker jeg har blitt kjent med på kaféen, og det føles riktig. Men det tok lang tid, og det er helt greit.",
        reactions: thanks("member-11"),
      },
      {
        authorKey: "member-11",
        daysAgo: 45,
        hoursAgo: 12,
        quotesPostIndex: 1,
        body: markdownBlocks("> Du kan selv velge å vise fornavnet ditt til én bestemt person", "Så jeg bestemmer alt selv? Da er det lettere å skrive."),
        reactions: cheer("moderator", "member-1"),
      },
    ],
  },
  {
    key: "darlig-dag-i-forumet",
    categorySlug: "spor-erfaringskonsulenten",
    title: "Hva om jeg skriver noe på en veldig dårlig dag?",
    posts: [
      {
        authorKey: "member-8",
        daysAgo: 37,
        hoursAgo: 22,
        body: "Hva skjer hvis jeg skriver her en natt det er skikkelig ille? Er det noen som leser det? Jeg har ikke tenkt å gjøre noe, men jeg lurer.",
        reactions: thanks("member-9"),
      },
      {
        authorKey: "moderator",
        daysAgo: 37,
        hoursAgo: 10,
        body: markdownBlocks(
          "Takk for at du spør, @Gråstein. Det er viktig å vite.",
          "Forumet er *ikke* en akuttjeneste. Jeg er på jobb på dagtid på hverdager, og det kan gå mange timer før noen svarer, særlig om natta.",
          "Hvis du er i krise, ring nødnumrene eller hjelpetelefonene som står nederst på hver side. De er der døgnet rundt.",
          "Når noen skriver noe som tyder på at de har det veldig vondt, får de opp en påminnelse om akutthjelp og kriseplanen sin, og jeg får beskjed. Innlegget blir ikke stoppet. Du er alltid velkommen til å skrive om det som er tungt, også her.",
        ),
        reactions: thanks("member-8", "member-9", "member-11", "member-1"),
      },
      {
        authorKey: "member-9",
        daysAgo: 36,
        hoursAgo: 18,
        body: "Jeg har skrevet her på dårlige dager. Det hjelper å få det ut, og neste morgen har det alltid kommet svar. Men om natta ringer jeg hjelpetelefonen. Det har jeg avtalt med meg selv.",
        reactions: thanks("member-8"),
      },
      {
        authorKey: "member-8",
        daysAgo: 36,
        hoursAgo: 9,
        body: "Greit å vite. Har lagt inn nummeret på telefonen nå.",
        reactions: cheer("moderator", "member-9"),
      },
    ],
  },
  {
    key: "brukarmedverknad",
    categorySlug: "spor-erfaringskonsulenten",
    title: "Kva betyr brukarmedverknad i praksis?",
    posts: [
      {
        authorKey: "member-5",
        daysAgo: 13,
        hoursAgo: 16,
        body: "Eg høyrer ordet brukarmedverknad heile tida. På møte, i brev, på nettsider. Men kva betyr det eigentleg i praksis? Eg kjenner ikkje alltid at eg får vere med og bestemme.",
        reactions: thanks("member-3"),
      },
      {
        authorKey: "moderator",
        daysAgo: 13,
        hoursAgo: 10,
        body: markdownBlocks(
          "Så godt spørsmål, @Lyngblom. Brukermedvirkning betyr at du som bruker av tjenestene har rett til å være med og bestemme over din egen behandling. Ikke bare bli informert, men bli spurt og lyttet til.",
          "I praksis kan det være:",
          "- at du er med og setter målene for behandlingen\n- at du får velge mellom ulike tilbud\n- at du kan si nei til noe\n- at det du sier, blir skrevet ned og tatt med videre",
          "Det finnes brukermedvirkning på systemnivå også: Brukere sitter i råd og utvalg i kommunen og påvirker tjenestene.",
          "Det er helt forståelig at det ikke alltid føles sånn. Ordet brukes mye oftere enn det praktiseres.",
        ),
        reactions: thanks("member-5", "member-3", "member-9"),
      },
      {
        authorKey: "member-3",
        daysAgo: 12,
        hoursAgo: 20,
        body: "Det siste avsnittet traff. For meg har det hjulpet å si det rett ut: «Jeg vil være med og bestemme dette.» Da endret noe seg.",
        reactions: thanks("member-5"),
      },
      {
        authorKey: "member-5",
        daysAgo: 12,
        hoursAgo: 9,
        body: "Takk. Eg skal skrive ned dei fire punkta og ta dei med på neste møte. Og kanskje eg skal spørje om kommunen har eit råd der brukarar er med.",
        reactions: cheer("moderator", "member-3"),
      },
    ],
  },
];

const smallTalkThreads: DemoCategoryThread[] = [
  {
    key: "hva-horer-dere-pa",
    categorySlug: "smaprat",
    title: "Hva hører dere på for tiden?",
    posts: [
      {
        authorKey: "member-12",
        daysAgo: 48,
        hoursAgo: 20,
        body: "Musikk, podkast, lydbok, hva som helst. Trenger nye tips til kveldene.",
        reactions: cheer("member-7"),
      },
      {
        authorKey: "member-6",
        daysAgo: 48,
        hoursAgo: 16,
        body: "Old jazz records. My father used to play them, and they remind me of home.",
        reactions: hug("member-12"),
      },
      {
        authorKey: "member-7",
        daysAgo: 48,
        hoursAgo: 9,
        body: "Jeg hører på en podkast der to venner snakker om helt tilfeldige ting. Det er som å sitte i et rom med noen som prater, uten at man må si noe selv.",
        reactions: thanks("member-11"),
      },
      {
        authorKey: "member-2",
        daysAgo: 47,
        hoursAgo: 21,
        body: "Felemusikk. Og lyden av regn, når det ikkje regnar ute.",
        reactions: cheer("member-5"),
      },
      {
        authorKey: "member-8",
        daysAgo: 47,
        hoursAgo: 11,
        body: "Gamle hørespill på radio. Helst krim. Jeg sovner alltid før jeg får vite hvem som gjorde det.",
        reactions: cheer("member-2", "member-12"),
      },
      {
        authorKey: "moderator",
        daysAgo: 47,
        hoursAgo: 6,
        body: "Så fine tips! Jeg har lydbok på øret nesten hele tiden. Akkurat nå en lang roman om en familie på et småbruk, som jeg egentlig synes er litt kjedelig, men som er perfekt å sovne til. Gråstein, krim med ukjent løsning er en god plan for søvn!",
        reactions: cheer("member-8"),
      },
      {
        authorKey: "member-11",
        daysAgo: 46,
        hoursAgo: 22,
        body: "Jeg hører på den samme spillelista om og om igjen. Trygg og forutsigbar. Hva heter podkasten din, @Sommerfugl?",
      },
      {
        authorKey: "member-7",
        daysAgo: 46,
        hoursAgo: 16,
        quotesPostIndex: 6,
        body: markdownBlocks(
          "> Hva heter podkasten din, @Sommerfugl?",
          "Den har et så kjedelig navn at jeg alltid glemmer det. Jeg sjekker og skriver det her!",
        ),
        reactions: cheer("member-11"),
      },
    ],
  },
  {
    key: "ny-her",
    categorySlug: "smaprat",
    title: "Hei, jeg er ny her",
    posts: [
      {
        authorKey: "member-13",
        daysAgo: 9,
        hoursAgo: 14,
        body: "Hei! Jeg fikk høre om forumet på kaféen i Havnøy. Jeg har lest en stund uten å skrive, men nå tør jeg. Det er godt å se at så mange kjenner seg igjen i hverandre.",
        reactions: cheer("member-7"),
      },
      {
        authorKey: "moderator",
        daysAgo: 9,
        hoursAgo: 11,
        body: "Velkommen, Solsikke! Det er modig å skrive det første innlegget. Ta den tiden du trenger, og spør gjerne i *Spør erfaringskonsulenten* hvis noe er uklart.",
      },
      {
        authorKey: "member-14",
        daysAgo: 6,
        hoursAgo: 20,
        body: "Jeg er også ny. Er litt usikker på hva jeg skal skrive, men jeg liker å lese hva dere gjør for å få dagene til å gå.",
        reactions: thanks("member-13"),
      },
      {
        authorKey: "member-15",
        daysAgo: 5,
        hoursAgo: 8,
        body: "Hei frå meg òg. Eg skriv nynorsk, håpar det går fint. Eg gler meg til å bli betre kjend med forumet.",
        reactions: hug("member-13", "moderator"),
      },
      {
        authorKey: "moderator",
        daysAgo: 5,
        hoursAgo: 5,
        body: "Så fint at dere er her, Kvitveis og Snøugle. Her skriver hver og en slik de vil, på bokmål, nynorsk eller engelsk.",
      },
    ],
  },
  {
    key: "kaffe-eller-te",
    categorySlug: "smaprat",
    title: "Kaffe eller te?",
    posts: [
      { authorKey: "member-3", daysAgo: 18, hoursAgo: 15, body: "Viktig spørsmål en grå dag: kaffe eller te?", reactions: cheer("member-8") },
      { authorKey: "member-8", daysAgo: 18, hoursAgo: 13, body: "Kaffe. Svart. Ingen diskusjon." },
      {
        authorKey: "member-5",
        daysAgo: 18,
        hoursAgo: 11,
        body: "Te med honning om kvelden, kaffi om morgonen. Eg er ikkje vanskeleg, eg er fleksibel.",
        reactions: cheer("member-3"),
      },
      { authorKey: "member-4", daysAgo: 18, hoursAgo: 8, body: "Kakao." },
      {
        authorKey: "member-6",
        daysAgo: 18,
        hoursAgo: 4,
        body: "Tea, always. But I have learned that in Norway, saying no to coffee is almost rude.",
        reactions: cheer("member-3", "member-8", "moderator"),
      },
      {
        authorKey: "moderator",
        daysAgo: 17,
        hoursAgo: 22,
        body: "Kaffe på jobb, te når jeg skal roe meg ned. Og @Stille vann, kakao er et undervurdert valg.",
        reactions: cheer("member-4"),
      },
      { authorKey: "member-10", daysAgo: 17, hoursAgo: 14, body: "Jeg har gått over til koffeinfri etter råd fra legen. Det smaker nesten det samme. Nesten." },
      { authorKey: "member-1", daysAgo: 17, hoursAgo: 10, body: "Kaffe, og helst sammen med noen. Da smaker det bedre.", reactions: thanks("member-3") },
      {
        authorKey: "member-9",
        daysAgo: 17,
        hoursAgo: 6,
        body: "Te. Jeg har en hel skuff med forskjellige sorter. Det er den lille samlingen min.",
        reactions: cheer("member-5"),
      },
      { authorKey: "member-12", daysAgo: 16, hoursAgo: 23, body: "Kaffe på termos på tur. Ingenting slår det." },
      {
        authorKey: "member-3",
        daysAgo: 16,
        hoursAgo: 12,
        body: "Da er det avgjort: Forumet er delt på midten, og Stille vann vinner med kakao.",
        reactions: cheer("member-4", "member-8", "member-5"),
      },
    ],
  },
  {
    key: "dyrene-vare",
    categorySlug: "smaprat",
    title: "Dyrene våre",
    posts: [
      {
        authorKey: "member-10",
        daysAgo: 11,
        hoursAgo: 18,
        body: "Jeg fikk katt for et år siden, og han har gjort mer for humøret mitt enn mye annet. Han krever mat klokka seks hver morgen, så nå står jeg opp til faste tider uansett. Har dere dyr?",
        reactions: cheer("member-1", "member-9"),
      },
      {
        authorKey: "member-1",
        daysAgo: 11,
        hoursAgo: 12,
        body: "En gammel hund som sover det meste av dagen. Men hun får meg ut på tur to ganger om dagen, og det hadde jeg aldri klart uten henne.",
        reactions: cheer("member-10"),
      },
      {
        authorKey: "member-9",
        daysAgo: 11,
        hoursAgo: 6,
        body: "Ingen dyr, men jeg mater fuglene på verandaen. Det har blitt en liten flokk som kommer hver dag. Jeg har gitt dem navn.",
        reactions: cheer("member-10", "member-5"),
      },
      {
        authorKey: "moderator",
        daysAgo: 10,
        hoursAgo: 20,
        body: "Så fint å lese! Dyr er fantastiske til å gi oss rytme og noen å bry oss om. Tusenfryd, fuglenavnene vil vi gjerne høre!",
        reactions: cheer("member-9"),
      },
      {
        authorKey: "member-2",
        daysAgo: 10,
        hoursAgo: 9,
        body: "Eg har ingen dyr sjølv, men eg går tur med hunden til naboen. Han er den beste turkameraten eg har hatt. Han seier aldri noko dumt.",
        reactions: cheer("member-10", "member-1"),
      },
      {
        authorKey: "member-10",
        daysAgo: 9,
        hoursAgo: 16,
        quotesPostIndex: 4,
        body: markdownBlocks("> Han seier aldri noko dumt.", "Det er den viktigste egenskapen et dyr kan ha, @Fjellrev."),
        reactions: cheer("member-2"),
      },
    ],
  },
  {
    key: "easy-norwegian-books",
    categorySlug: "smaprat",
    title: "Books in easy Norwegian?",
    posts: [
      {
        authorKey: "member-6",
        daysAgo: 7,
        hoursAgo: 14,
        body: "I want to practise my Norwegian by reading, but most books are too hard for me, and reading is hard anyway when my concentration is bad. Any tips for short or easy books?",
        reactions: thanks("member-3"),
      },
      {
        authorKey: "member-3",
        daysAgo: 7,
        hoursAgo: 8,
        body: "Barnebøker! Ikke flaut i det hele tatt. Jeg leser selv barnebøker når hodet er fullt. Korte kapitler og store bokstaver. Biblioteket har også bøker på lettlest norsk.",
        reactions: [...thanks("member-6"), ...cheer("moderator")],
      },
      {
        authorKey: "member-5",
        daysAgo: 6,
        hoursAgo: 20,
        body: "Prøv gjerne litt nynorsk òg, så lærer du begge delar! Dikt er fint: Dei er korte, og du kan lese eitt om dagen.",
        reactions: cheer("member-6"),
      },
      {
        authorKey: "moderator",
        daysAgo: 6,
        hoursAgo: 14,
        body: "Good question, @Nattergal. Many libraries have a shelf of books in easy Norwegian for adults, and you can often borrow the audiobook too, so you can listen and read at the same time. Ask at the library, they are happy to help.",
        reactions: thanks("member-6"),
      },
      {
        authorKey: "member-6",
        daysAgo: 3,
        hoursAgo: 10,
        body: "Thank you all. I borrowed two easy novels and a children's book about a cat. The children's book is my favourite so far. Og jeg leste et dikt på nynorsk! Det var vanskelig, men fint.",
        reactions: cheer("member-5", "member-3", "moderator"),
      },
    ],
  },
  {
    key: "enkel-middag",
    categorySlug: "smaprat",
    title: "Enkel middag når du ikke orker",
    posts: [
      {
        authorKey: "member-9",
        daysAgo: 2,
        hoursAgo: 18,
        body: "Jeg trenger tips til middager som tar under ti minutter og ikke gir mye oppvask. På tunge dager blir det bare knekkebrød, og det holder ikke i lengden.",
        reactions: thanks("member-8"),
      },
      {
        authorKey: "member-8",
        daysAgo: 2,
        hoursAgo: 12,
        body: "Omelett. Egg og det du har i kjøleskapet. Én panne.",
        reactions: thanks("member-9"),
      },
      {
        authorKey: "member-11",
        daysAgo: 2,
        hoursAgo: 3,
        body: "Ferdig risotto i pose med frosne grønnsaker oppi. Litt juks, men det er mat.",
        reactions: cheer("member-9"),
      },
      {
        authorKey: "moderator",
        daysAgo: 1,
        hoursAgo: 20,
        body: markdownBlocks(
          "Gode tips! Jeg lager ofte dobbel porsjon de dagene jeg har overskudd, og fryser ned resten. Da blir det en gave fra fortidens meg de dagene det er tungt.",
          "Og knekkebrød med pålegg og en frukt er også middag. Det viktigste er at du spiser.",
        ),
        reactions: thanks("member-9", "member-11"),
      },
      {
        authorKey: "member-5",
        daysAgo: 1,
        hoursAgo: 6,
        body: "Suppe frå pose med eit egg oppi. Det kjennest varmt og omsorgsfullt, sjølv om det berre tok fem minutt.",
        reactions: cheer("member-9"),
      },
      {
        // Left without a reply on purpose, so the moderators' "not answered yet" list has an entry.
        authorKey: "member-11",
        daysAgo: 0,
        hoursAgo: 3,
        body: "Er det noen som har tips til middag uten komfyr? Komfyren min er ødelagt, og utleier har ikke fått fikset den ennå.",
      },
    ],
  },
];

/** Threads in open categories, grouped by category in the order of `demoForumCategories`. */
export const demoForumThreads: DemoCategoryThread[] = [
  ...everydayLifeThreads,
  ...anxietyThreads,
  ...sleepThreads,
  ...treatmentThreads,
  ...goodDaysThreads,
  ...cafeThreads,
  ...askThePeerModeratorThreads,
  ...smallTalkThreads,
];

/**
 * Three members of Bjørkelia who met at the kafé, revealed their first names
 * to each other (see `demoReveals`) and now plan walks together. Their posts
 * use those first names, which every member of the group has been shown.
 */
export const demoClosedGroups: DemoClosedGroup[] = [
  {
    key: "turgjengen",
    name: "Turgjengen",
    creatorKey: "member-1",
    memberKeys: ["member-1", "member-3", "member-4"],
    daysAgo: 30,
    threads: [
      {
        key: "turgjengen-tur-i-helga",
        title: "Tur i helga?",
        posts: [
          {
            authorKey: "member-1",
            daysAgo: 29,
            hoursAgo: 10,
            body: "Hei, dere to! Skal vi prøve oss på en tur i helga? Jeg tenkte på den flate runden rundt vannet, så blir det ikke for tungt. Jeg kan ta med kaffe.",
            reactions: cheer("member-3", "member-4"),
          },
          {
            authorKey: "member-3",
            daysAgo: 29,
            hoursAgo: 6,
            body: "Ja! Så fint å ha en gruppe bare for oss tre. Jeg tar med boller. Passer formiddag?",
            reactions: thanks("member-1"),
          },
          {
            authorKey: "member-4",
            daysAgo: 29,
            hoursAgo: 1,
            body: "Jeg blir med. Formiddag passer. Kanskje jeg blir stille, men jeg kommer.",
            reactions: hug("member-1", "member-3"),
          },
          {
            authorKey: "member-1",
            daysAgo: 28,
            hoursAgo: 18,
            quotesPostIndex: 2,
            body: markdownBlocks("> Kanskje jeg blir stille, men jeg kommer.", "Stille er helt greit, Jonas. Vi er ikke der for å prate hele tiden."),
            reactions: thanks("member-4"),
          },
          {
            authorKey: "member-3",
            daysAgo: 28,
            hoursAgo: 12,
            body: "Avtalt. Vi møtes ved parkeringsplassen klokka elleve. Ta med gode sko, det var gjørmete sist.",
            reactions: cheer("member-1", "member-4"),
          },
        ],
      },
      {
        key: "turgjengen-takk-for-turen",
        title: "Takk for turen",
        posts: [
          {
            authorKey: "member-4",
            daysAgo: 26,
            hoursAgo: 15,
            body: "Takk for turen. Det var den beste dagen jeg har hatt på lenge. Ingrid, bollene var veldig gode.",
            reactions: cheer("member-1", "member-3"),
          },
          {
            authorKey: "member-1",
            daysAgo: 26,
            hoursAgo: 11,
            body: "Takk selv! Samme tid om to uker? Jeg tar med kaffe igjen.",
            reactions: cheer("member-3", "member-4"),
          },
          {
            authorKey: "member-3",
            daysAgo: 26,
            hoursAgo: 6,
            body: "Ja! Og neste gang baker jeg dobbel porsjon, Jonas.",
            reactions: [...cheer("member-4"), ...hug("member-1")],
          },
        ],
      },
    ],
  },
];

/**
 * The Turgjengen members have revealed to each other both ways. Fjellrev
 * showed his name to Morgenfugl after she drove him to the kafé, and
 * Tusenfryd sent a greeting to Havbris after they went to the kafé together.
 * Both of those are one-way.
 */
export const demoReveals: DemoReveal[] = [
  { giverKey: "member-1", receiverKey: "member-3", shownName: "Kari", daysAgo: 50 },
  { giverKey: "member-3", receiverKey: "member-1", shownName: "Ingrid", daysAgo: 50 },
  { giverKey: "member-1", receiverKey: "member-4", shownName: "Kari", daysAgo: 47 },
  { giverKey: "member-4", receiverKey: "member-1", shownName: "Jonas", daysAgo: 47 },
  { giverKey: "member-3", receiverKey: "member-4", shownName: "Ingrid", daysAgo: 47 },
  { giverKey: "member-4", receiverKey: "member-3", shownName: "Jonas", daysAgo: 46 },
  { giverKey: "member-2", receiverKey: "member-1", shownName: "Ola", daysAgo: 7 },
  { giverKey: "member-9", receiverKey: "member-11", shownName: "Hilsen fra Nina", daysAgo: 12 },
];
