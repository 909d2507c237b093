import { forumCategories } from "./schema";

/** The column that holds a category's name, and its description, in each of the portal's languages. */
export const categoryNameColumns = { nb: forumCategories.nameNb, nn: forumCategories.nameNn, en: forumCategories.nameEn } as const;
export const categoryDescriptionColumns = { nb: forumCategories.descriptionNb, nn: forumCategories.descriptionNn, en: forumCategories.descriptionEn } as const;
