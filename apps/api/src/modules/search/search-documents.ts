/**
 * The text each kind is searched by, for a table alias (`g.` or ''). The search
 * migration builds its GIN indexes over these same expressions, so the queries use them;
 * changing one needs a migration that rebuilds its index.
 */
export const SEARCH_DOCUMENTS = {
  working_group: (t: string) => `${t}name || ' ' || ${t}purpose || ' ' || ${t}goals`,
  meeting: (t: string) => `${t}title || ' ' || ${t}description`,
  card: (t: string) => `${t}title || ' ' || ${t}description`,
  message: (t: string) => `${t}body`,
  organisation: (t: string) => `${t}name || ' ' || coalesce(${t}description, '') || ' ' || coalesce(${t}district, '')`,
  person: (t: string) => `${t}display_name || ' ' || coalesce(${t}bio, '')`,
} as const;

export type SearchTable = keyof typeof SEARCH_DOCUMENTS;

/** The indexed vector of a table's document. */
export const searchVector = (table: SearchTable, alias: string) => `to_tsvector('german', ${SEARCH_DOCUMENTS[table](alias)})`;
