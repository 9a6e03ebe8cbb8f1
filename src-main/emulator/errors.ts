/**
 * Errors a handler throws; the dispatcher turns each into the response the real API gives for it.
 */

/**
 * A problem body: `{"problem": CODE, "description": text|null}` with 400 (or 403). An undefined
 * description leaves the key out (`{"problem": CODE}`, the shape of the actors API).
 */
export class ProblemError extends Error {
  constructor(
    readonly problem: string,
    readonly description: string | null | undefined,
    readonly status: 400 | 403 | 409 = 400,
  ) {
    super(problem);
  }
}

/** A request the framework could not bind (bad enum, malformed JSON): a Spring-style 400 body. */
export class BadRequestError extends Error {}

/** 404 with a JSON object body. */
export class NotFoundError extends Error {}

/** 415: a body that is not JSON where JSON is required. */
export class UnsupportedMediaTypeError extends Error {}
