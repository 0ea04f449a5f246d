import { slugifyName } from "../../lib/slugs.ts";
import { nonEmpty } from "./text.ts";

/** A name that gets a page of its own (a topic, a person): it needs letters or digits to make the page's address from. */
// An empty name has its own message already ("must not be empty").
export const pageName = nonEmpty.refine((name) => name === "" || slugifyName(name) !== "", {
  message: "needs letters or digits, to make its page's address from",
});
