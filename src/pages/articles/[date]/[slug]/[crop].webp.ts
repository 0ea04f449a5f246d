import type { ImageMetadata } from "astro";
import type { APIRoute, GetStaticPaths } from "astro";
import { getConfiguredImageService, imageConfig } from "astro:assets";
import { readFile } from "node:fs/promises";
import { getArticles } from "../../../../data/articles";
import { leadPictureOf, type LeadPicture } from "../../../../data/lead-picture";
import { articlePagesToMake } from "../../../../data/pages-to-make";
import { cropPosition, LISTING_CROPS, type ListingCrop } from "../../../../lib/pictures";
import { articleParams } from "../../../../lib/site-urls";

// The listings' crops of each lead picture, made beside the article's page by
// the build that makes the page, where its picture is bundled: a listing
// names the file by its path and never bundles the picture.
export const getStaticPaths = (async () =>
  articlePagesToMake(await getArticles()).flatMap((article) => {
    const picture = leadPictureOf(article);
    if (!picture) return [];
    return (Object.keys(LISTING_CROPS) as ListingCrop[]).map((crop) => ({
      params: { ...articleParams(article.data), crop },
      props: { picture, crop },
    }));
  })) satisfies GetStaticPaths;

/** A WebP crop of the picture, made by Astro's image service (sharp) as its pages' pictures are. */
export const GET: APIRoute<{ picture: LeadPicture; crop: ListingCrop }> = async ({
  props,
  logger,
}) => {
  const { picture, crop } = props;
  // Its file, without reading the bundled picture's fields (which would
  // copy the original into the site: src/data/lead-picture.ts).
  const file = (picture.src as ImageMetadata & { fsPath?: string }).fsPath;
  if (!file) throw new Error("the lead picture's file is not known to this build");
  const { width, height } = LISTING_CROPS[crop];
  const service = await getConfiguredImageService();
  if (!("transform" in service)) throw new Error("the image service does not make files");
  const { data } = await service.transform(
    await readFile(file),
    {
      src: file,
      width,
      height,
      fit: "cover",
      position: cropPosition(picture.focus),
      format: "webp",
    },
    imageConfig,
    logger,
  );
  return new Response(new Uint8Array(data), { headers: { "Content-Type": "image/webp" } });
};
