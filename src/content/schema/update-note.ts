import { z } from "astro/zod";
import { ordinalNames, splitUpdateNote } from "../../lib/update-note.ts";
import { nonEmpty } from "./text.ts";

/**
 * The newsroom's note on what the latest update changed, and the body
 * paragraph it changed (counted from 1, as the note counts), whose words in
 * the note ("third paragraph") the page links to that paragraph.
 */
export const updateNoteSchema = z
  .strictObject({
    /** The note as the newsroom wrote it: "(Updates with Putin comment in third paragraph.)". Required. */
    text: nonEmpty,
    /** The paragraph the update changed, counted from 1; the text must name it ("third paragraph" or "3rd paragraph"). */
    paragraph: z
      .int()
      .positive({ message: "must be a paragraph number, counted from 1" })
      .optional(),
  })
  .superRefine(({ text, paragraph }, ctx) => {
    // A paragraph number already reported as invalid is not checked again.
    if (paragraph === undefined || !(Number.isInteger(paragraph) && paragraph > 0)) return;
    if (splitUpdateNote(text, paragraph)) return;
    const names = ordinalNames(paragraph).map((name) => `“${name} paragraph”`);
    ctx.addIssue({
      code: "custom",
      message: `must name paragraph ${paragraph} so the page can link it: write ${names.join(" or ")}`,
      path: ["text"],
    });
  });
