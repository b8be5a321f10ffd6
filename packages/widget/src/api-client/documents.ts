import type { TypedDocument } from "./graphql-request.js";

/** The API's `Locale` enum. */
export type ApiLocale = "EN" | "DE";

export interface LibraryLesson {
  slug: string;
  title: string;
  minutes: number;
}

export interface LibrarySkill {
  slug: string;
  name: string;
  summary: string;
  lessons: LibraryLesson[];
}

export interface LessonContent {
  slug: string;
  title: string;
  minutes: number;
  keyIdea: string;
  whyItMatters: string;
  practice: string;
  reflectionQuestion: string;
  skill: { slug: string; name: string };
}

/** Every skill with its lesson titles: what `<rs-library>` lists. */
export const LIBRARY_QUERY: TypedDocument<
  { skills: { nodes: LibrarySkill[] } },
  { locale: ApiLocale }
> = {
  operationName: "WidgetLibrary",
  query: `query WidgetLibrary($locale: Locale) {
  skills(locale: $locale, first: 50) {
    nodes { slug name summary lessons { slug title minutes } }
  }
}`,
};

/** One lesson in full; `lesson` is null when the slug names no lesson. */
export const LESSON_QUERY: TypedDocument<
  { lesson: LessonContent | null },
  { slug: string; locale: ApiLocale }
> = {
  operationName: "WidgetLesson",
  query: `query WidgetLesson($slug: String!, $locale: Locale) {
  lesson(slug: $slug, locale: $locale) {
    slug title minutes keyIdea whyItMatters practice reflectionQuestion
    skill { slug name }
  }
}`,
};
