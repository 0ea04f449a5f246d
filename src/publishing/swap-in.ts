import { rename, rm } from "node:fs/promises";

/**
 * Puts the folder `next` where `target` is, keeping the old `target` (moved
 * to `previous`) until the new one is in place, so that `target` is always
 * the old folder or the new one, never half of one; if the last rename fails,
 * the old one is put back. Then removes `previous`, unless told to keep it
 * for the caller to remove. Used for the whole site (`npm run build`) and
 * for each year's search bundle.
 */
export async function swapIn(
  next: string,
  target: string,
  previous = `${next}-previous`,
  { keepPrevious = false }: { keepPrevious?: boolean } = {},
): Promise<void> {
  await rm(previous, { recursive: true, force: true });
  const hadTarget = await rename(target, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return false;
      throw error;
    },
  );
  try {
    await rename(next, target);
  } catch (error) {
    if (hadTarget) await rename(previous, target);
    throw error;
  }
  if (hadTarget && !keepPrevious) await rm(previous, { recursive: true, force: true });
}
