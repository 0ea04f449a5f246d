/*
 * The social-card benchmark: `npm run bench:cards [-- --cards N] [--out DIR]`.
 *
 * Draws N distinct cold cards (200 by default: headlines of 30–130
 * characters, some with accents or curly quotes, none drawn before in the
 * process, an empty card cache) the way a build does, through
 * createCardRenderer, and prints the figure the card budget is set in:
 * milliseconds of CPU per cold card, the process's CPU time (user and system,
 * every thread, so libvips's threads count too, and time spent waiting does
 * not) over the whole pass divided by the cards. Then the same split by the
 * stages drawCard reports:
 * - layout: satori, element tree → SVG (text as paths);
 * - rasterise: SVG → pixels;
 * - encode: pixels → PNG;
 * - other: the rest of the pass (the cache key, writing the file, and the
 *   garbage collections that land between stages).
 * For each stage it prints the median and the mean per card (the mean counts
 * the garbage collections that land inside a stage, the median does not), and
 * the PNGs' bytes.
 *
 * Before the pass, the fonts are loaded and 30 other cards drawn, so the JIT
 * is warm as in a worker that has drawn a few cards; the one-off cost of a
 * process's first card (satori's WebAssembly, parsing the fonts, the JIT) is
 * printed on its own. With --out, it also writes each card's PNG there, to
 * look at.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createCardRenderer } from "../social-cards/cache.ts";
import type { CardText } from "../social-cards/design.ts";
import { drawCard, type CardStage } from "../social-cards/draw.ts";
import { loadCardFonts } from "../social-cards/fonts.ts";

const projectRoot = pathToFileURL(`${resolve(import.meta.dirname, "../..")}/`);

const headlines = [
  "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
  "Central Bank Holds Rates Steady as Inflation Cools for a Third Month",
  "Floods Cut Off Villages Across Northern Italy",
  "Senate Passes Stopgap Bill Hours Before Shutdown Deadline, Sending It to the President",
  "Shipping Firms Reroute Around the Red Sea as Insurance Costs Soar",
  "A Quiet Town in Wales Becomes the Unlikely Centre of Europe’s Lithium Rush",
  "Erdoğan Signals Openness to Talks With Opposition After Local Election Losses",
  "Tech Giants Face New EU Rules on Data Sharing",
  "Wildfire Smoke Blankets Montreal, Closing Schools and Grounding Flights",
  "Łódź Orchestra Revives a Forgotten Symphony, 90 Years On",
  "Union Leaders Reject Pay Offer, Setting Stage for Summer of Strikes",
  "Scientists Map the Deepest Coral Reef Yet Found in the Pacific",
  "Governors Clash Over Water Rights as the Colorado River Shrinks",
  "Investors Brace for Volatile Week After Surprise Jobs Report Shows 300,000 New Positions",
  "Why the World’s Biggest Chipmaker Is Building Its Next Plant in the Desert",
  "Diplomats Agree on Framework for Ceasefire Monitoring",
  "São Paulo Mayor Unveils $2 Billion Plan to Tackle Flooding in Poorest Districts",
  "Regulators Delay Decision on Merger of Two Largest Rail Freight Operators",
  "The 12 Books Our Critics Could Not Put Down This Year",
  "Rebels Seize Airport in Eastern Province, Government Says",
  "Parliament Votes to Lower the Voting Age to 16 in Local Elections",
  "Heatwave Pushes Power Grid to Its Limit; Officials Urge Residents to Cut Use",
  "Astronomers Detect Water Vapour on a Rocky Planet 40 Light-Years Away",
  "In Kraków, a Bakery’s 300-Year-Old Recipe Draws Lines Around the Block",
  "Ministers Weigh Tax Cut for First-Time Home Buyers Ahead of Budget",
  "Museum Returns Looted Bronzes to Nigeria After Decades of Negotiation",
  "Olympic Committee Names Brisbane Venues, Promising No New Stadiums",
  "Drought Forces Panama Canal to Limit Ships for a Second Year",
  "How a Small Newspaper in Ohio Uncovered a $40 Million Fraud",
  "Court Strikes Down Law Requiring Age Checks on Social Media Sites",
  "Ferry Operators Cancel Crossings as Storm Ciarán Batters the Channel",
  "Europe’s Farmers Protest New Environmental Rules With Tractors in Brussels",
  "Global Shares Rise After Fed Chair Hints at Pause",
  "Archaeologists Unearth a Roman Villa Beneath a Supermarket Car Park in Kent",
  "Zürich Tops Ranking of World’s Most Expensive Cities for the Fourth Time",
  "Hospitals Postpone Surgeries as Nurses Begin 48-Hour Walkout",
  "Airline Orders 150 Jets in Largest Deal in Its History, Betting on Asia Travel Boom",
  "Election Officials Count Ballots Late Into the Night in a Race Too Close to Call",
  "New Subway Line Opens After 14 Years and Billions Over Budget",
  "Fishing Fleets Return Empty as Warming Seas Drive Cod North",
  "A Chef Who Cooks Only With What Grows Within Ten Miles of Her Kitchen",
  "Prime Minister Survives Confidence Vote by Narrow Margin of Seven",
  "Researchers Say a Common Blood Test Could Spot Cancer Years Earlier",
  "Citizens in Reykjavík Vote to Keep Their Geothermal Utility in Public Hands",
  "Oil Prices Jump 6% After Attacks on Two Tankers in the Strait of Hormuz",
  "Students Return to Classrooms After a Year of Remote Lessons",
  "‘We Were Never Told’: Residents Learn of Chemical Leak Weeks Later",
  "Housing Starts Fall to Lowest Level Since 2011 as Mortgage Rates Climb",
  "Café Owners in Lyon Fight a Plan to Ban Terraces on the Riverbank",
  "Spacecraft Sends Back First Close-Up Images of a Metal Asteroid’s Surface",
];

/**
 * The `index`th distinct headline: the first half of one headline's words and
 * the second half of another's, so there are 50 × 49 of them, of every length.
 */
function headline(index: number): string {
  const first = index % headlines.length;
  const second = (first + 1 + Math.floor(index / headlines.length)) % headlines.length;
  if (first === second) throw new Error("--cards takes at most 2,450 (less 30 for the warm-up)");
  const words = (text: string) => text.split(" ");
  const head = words(headlines[first]!);
  const tail = words(headlines[second]!);
  return [
    ...head.slice(0, Math.ceil(head.length / 2)),
    ...tail.slice(Math.ceil(tail.length / 2)),
  ].join(" ");
}

const { values } = parseArgs({
  options: { cards: { type: "string", default: "200" }, out: { type: "string" } },
});
const count = Number(values.cards);
if (!Number.isInteger(count) || count < 1)
  throw new Error("--cards takes a whole number of at least 1");
const warmUp = 30;
const texts: CardText[] = Array.from({ length: warmUp + count }, (_, i) => ({
  headline: headline(i),
  siteName: "Broadsheet",
}));

/** Milliseconds of CPU (user and system, every thread) that `work` took, and what it returned. */
async function cpu<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.cpuUsage();
  const result = await work();
  const { user, system } = process.cpuUsage(start);
  return { ms: (user + system) / 1000, result };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

// The one-off cost of a process's first card: satori's WebAssembly, the fonts, the JIT.
const firstCard = await cpu(async () =>
  drawCard(
    { type: "div", props: { style: {}, children: "Warm-up" } },
    await loadCardFonts(projectRoot),
  ),
);
const fonts = await loadCardFonts(projectRoot);

const stages = new Map<CardStage, number[]>([
  ["layout", []],
  ["rasterise", []],
  ["encode", []],
]);
let measuring = false;
const cacheDir = await mkdtemp(join(tmpdir(), "broadsheet-bench-cards-"));
const renderCard = createCardRenderer({
  projectRoot,
  cacheDir,
  draw: (tree) =>
    drawCard(tree, fonts, (stage, ms) => {
      if (measuring) stages.get(stage)!.push(ms);
    }),
});

const pngs: Buffer[] = [];
try {
  for (const text of texts.slice(0, warmUp)) await renderCard(text);
  measuring = true;
  const pass = await cpu(async () => {
    for (const text of texts.slice(warmUp)) {
      const { png, drawn } = await renderCard(text);
      if (!drawn) throw new Error(`"${text.headline}" was not drawn: the bench's headlines repeat`);
      pngs.push(png);
    }
  });

  const perCard = pass.ms / count;
  const bytes = pngs.map((png) => png.length);
  const row = (name: string, median: string, mean: number) =>
    console.log(`${name.padEnd(36)}${median.padStart(8)}${mean.toFixed(1).padStart(8)}`);
  console.log(`${count} cold cards (distinct headlines, empty cache), after ${warmUp} to warm up`);
  console.log(`first card of a process, fonts and all: ${firstCard.ms.toFixed(0)} ms of CPU`);
  console.log(`${"ms of CPU per card".padEnd(36)}${"median".padStart(8)}${"mean".padStart(8)}`);
  let staged = 0;
  for (const [stage, ms] of stages) {
    staged += mean(ms);
    row(`  ${stage}`, median(ms).toFixed(1), mean(ms));
  }
  row("  other (cache, files, GC)", "", perCard - staged);
  row("cold card, process CPU ÷ cards", "", perCard);
  console.log(
    `PNG bytes: median ${median(bytes).toLocaleString("en")}, mean ${Math.round(mean(bytes)).toLocaleString("en")}, max ${Math.max(...bytes).toLocaleString("en")}`,
  );

  if (values.out) {
    await mkdir(values.out, { recursive: true });
    for (const [i, png] of pngs.entries()) {
      await writeFile(join(values.out, `card-${String(i).padStart(3, "0")}.png`), png);
    }
    console.log(`wrote the ${count} cards to ${values.out}`);
  }
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
