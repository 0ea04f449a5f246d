/**
 * Tidies `astro build`'s "generating static routes" block. Astro writes each
 * route as it starts ("  ├─ /rss.xml") and its time when it ends (" (+81ms)"),
 * but generates four pages at a time (astro.config.mjs), so the routes ran
 * together on one line and their times on lines of their own; an archive
 * prints 10,000 of them. The block becomes one line, the number of routes;
 * everything else, warnings and errors in the block included, passes as is.
 */
import { stripVTControlCharacters } from "node:util";

/** A route's start, with the time Astro puts before it: the path ends at the next start or space. */
const routeStart = /(?:\d{2}:\d{2}:\d{2} )?\s*[├└]─ \S+?(?=\d{2}:\d{2}:\d{2} |\s|$)/g;
/** A route's time, which comes after whatever was written since it started. */
const routeTime = /\s*\(\+\d+(?:\.\d+)?m?s\)\s*/g;
const blockStart = /generating static routes/;
const blockEnd = /✓ Completed in /;

/** Rewrites a child's log, given in chunks as they come, and says how many routes it saw. */
export class RouteLogFilter {
  #pending = "";
  #inBlock = false;
  #routes = 0;

  /** Takes the next chunk of the log; returns the text to print now (whole lines only). */
  write(chunk: string): string {
    this.#pending += chunk;
    const end = this.#pending.lastIndexOf("\n");
    if (end < 0) return "";
    const lines = this.#pending.slice(0, end).split("\n");
    this.#pending = this.#pending.slice(end + 1);
    return lines.map((line) => this.#line(line)).join("");
  }

  /** Whatever is left when the log ends. */
  end(): string {
    const rest = this.#pending === "" ? "" : this.#line(this.#pending);
    this.#pending = "";
    return rest;
  }

  /** How many routes the block listed so far. */
  get routes(): number {
    return this.#routes;
  }

  #line(line: string): string {
    const plain = stripVTControlCharacters(line);
    if (!this.#inBlock) {
      if (blockStart.test(plain)) {
        this.#inBlock = true;
        this.#routes = 0;
      }
      return `${line}\n`;
    }
    const rest = plain
      .replace(routeStart, () => {
        this.#routes++;
        return "";
      })
      .replace(routeTime, "");
    if (blockEnd.test(rest)) {
      this.#inBlock = false;
      const time = /^\d{2}:\d{2}:\d{2} /.exec(rest)?.[0] ?? "";
      const count = `${this.#routes} route${this.#routes === 1 ? "" : "s"}`;
      return `${time}  ${count} generated\n${rest}\n`;
    }
    return rest.trim() === "" ? "" : `${rest}\n`;
  }
}
