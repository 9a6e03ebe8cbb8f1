/** How the case list pages through the server (a plain module, so benchmarks can read it too). */

/** Cases per request: large, so 20,000 cases are ten requests. */
export const PAGE_SIZE = 2000;
/** Requests in flight at once after the first page. */
export const PAGES_IN_FLIGHT = 2;
