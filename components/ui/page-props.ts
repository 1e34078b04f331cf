/** A page's query string as Next.js hands it to the page: a promise of each name's value or values. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The props of a page under a `[id]` segment that reads its query string too. */
export type IdPageProps = { params: Promise<{ id: string }>; searchParams: SearchParams };
