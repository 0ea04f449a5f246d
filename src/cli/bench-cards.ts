/*
 * The social-card benchmark: `npm run bench:cards [-- --rounds R] [--out DIR]`.
 *
 * Draws 50 distinct cards (headlines of 40–120 characters, a few with accents
 * or curly quotes) and measures the CPU time of each stage of a card, per
 * card, with process.cpuUsage(): every thread of the process, so libvips's
 * threads count too, and time spent waiting does not.
 * - layout: satori, element tree → SVG (text as paths);
 * - rasterise: sharp, SVG → raw RGBA pixels;
 * - encode: raw pixels → PNG, with the encoder drawCard uses, and for
 *   comparison with sharp's palette PNG as the cards had it before (the
 *   fallback's settings) and at its fastest settings that still look the same;
 * - card: drawCard, all of it, as a worker runs it.
 * The fonts are loaded and every stage is run over every card once before
 * measuring (the first card of a process also pays for satori's WebAssembly,
 * parsing the fonts and the JIT; that one-off cost is printed on its own).
 * Then R rounds of the stages, card by card, each taking the last one's
 * output; then R rounds of drawCard alone. It prints, per stage, the median,
 * mean and 90th percentile of milliseconds of CPU per card, and the PNGs'
 * bytes. Medians are the stages' own cost; the mean also counts the garbage
 * collections that a card's garbage (satori's objects, the 3 MB of pixels)
 * brings on every dozen cards or so, which land on whichever stage is
 * running. With --out, it also writes each card's PNG there, to look at.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import satori from "satori";
import sharp from "sharp";
import { CARD_HEIGHT, CARD_WIDTH } from "../lib/social-meta.ts";
import { cardTree, type CardNode } from "../social-cards/design.ts";
import { drawCard, PNG_ENCODING } from "../social-cards/draw.ts";
import { loadCardFonts } from "../social-cards/fonts.ts";
import { encodeIndexedPng } from "../social-cards/indexed-png.ts";

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

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, out: { type: "string" } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error("--rounds takes a whole number of at least 1");

/** Milliseconds of CPU (user and system, every thread) that `work` took, and what it returned. */
async function cpu<T>(work: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.cpuUsage();
  const result = await work();
  const { user, system } = process.cpuUsage(start);
  return { ms: (user + system) / 1000, result };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

const raw = { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 4 } as const;
const trees: CardNode[] = headlines.map((headline) =>
  cardTree({ headline, siteName: "Broadsheet" }),
);

// The one-off cost of a process's first card: satori's WebAssembly, the fonts, the JIT.
const firstCard = await cpu(async () => drawCard(trees[0]!, await loadCardFonts(projectRoot)));
const fonts = await loadCardFonts(projectRoot);

/** A figure: CPU milliseconds per card and, for a PNG, its bytes. */
class Figure {
  readonly ms: number[] = [];
  readonly bytes: number[] = [];
  readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  /** Runs `work`, counting its CPU time, and its result's bytes if it is a PNG. */
  async measure<T>(work: () => T | Promise<T>, png = false): Promise<T> {
    const { ms, result } = await cpu(work);
    this.ms.push(ms);
    if (png) this.bytes.push((result as Uint8Array).length);
    return result;
  }

  print(): void {
    const ms = [percentile(this.ms, 50), mean(this.ms), percentile(this.ms, 90)];
    const png = this.bytes.length
      ? `${percentile(this.bytes, 50).toLocaleString("en")} B, ${Math.max(...this.bytes).toLocaleString("en")} B`
      : "";
    console.log(
      `${this.name.padEnd(44)}${ms.map((n) => n.toFixed(1).padStart(7)).join("")}   ${png}`,
    );
  }
}

const layout = new Figure("layout: satori → SVG");
const rasterise = new Figure("rasterise: sharp SVG → RGBA");
const indexed = new Figure("encode: indexed PNG (drawCard's)");
const sharpBefore = new Figure("encode: sharp palette, before (effort 10)");
const sharpFastest = new Figure("encode: sharp palette, effort 1, dither 0");
const card = new Figure("card: drawCard, end to end");

/** Each stage on one card, the next stage taking the last one's output. */
async function stages(tree: CardNode): Promise<void> {
  const svg = await layout.measure(() =>
    satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts }),
  );
  const pixels = await rasterise.measure(() => sharp(Buffer.from(svg)).raw().toBuffer());
  await indexed.measure(
    () => encodeIndexedPng(pixels, CARD_WIDTH, CARD_HEIGHT, PNG_ENCODING.indexed),
    true,
  );
  await sharpBefore.measure(
    () => sharp(pixels, { raw }).png(PNG_ENCODING.fallback).toBuffer(),
    true,
  );
  await sharpFastest.measure(
    () =>
      sharp(pixels, { raw })
        .png({ palette: true, quality: 90, effort: 1, dither: 0, compressionLevel: 6 })
        .toBuffer(),
    true,
  );
}

// Warm-up: every stage on every card once, unmeasured.
for (const tree of trees) {
  await stages(tree);
  await drawCard(tree, fonts);
}
for (const figure of [layout, rasterise, indexed, sharpBefore, sharpFastest]) {
  figure.ms.length = 0;
  figure.bytes.length = 0;
}

for (let round = 0; round < rounds; round++) for (const tree of trees) await stages(tree);
// drawCard on its own, card after card as a worker draws them: its mean, and
// the whole pass's CPU divided by the cards, count the garbage collections
// that drawing brings on, and no other stage's.
const pass = await cpu(async () => {
  for (let round = 0; round < rounds; round++) {
    for (const tree of trees) await card.measure(() => drawCard(tree, fonts), true);
  }
});

console.log(
  `${trees.length} cards × ${rounds} rounds; ms of CPU per card (median, mean, p90); PNG bytes (median, max)`,
);
console.log(`first card of a process, fonts and all: ${firstCard.ms.toFixed(0)} ms`);
for (const figure of [layout, rasterise, indexed, sharpBefore, sharpFastest, card]) figure.print();
console.log(`drawCard, the whole pass's CPU per card: ${(pass.ms / card.ms.length).toFixed(1)} ms`);

if (values.out) {
  await mkdir(values.out, { recursive: true });
  for (const [i, tree] of trees.entries()) {
    await writeFile(
      join(values.out, `card-${String(i).padStart(2, "0")}.png`),
      await drawCard(tree, fonts),
    );
  }
  console.log(`wrote ${trees.length} cards to ${values.out}`);
}
