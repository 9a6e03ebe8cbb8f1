/** Result shapes of the event-ID parser: a value, never an exception (the UI and the CLI both show it). */

/** How the input was read. `json` is one JSON document (an array, or an object wrapping one). */
export const EVENT_ID_FORMATS = ['text', 'csv', 'jsonl', 'json'] as const;
export type EventIdFormat = (typeof EVENT_ID_FORMATS)[number];

/** Why nothing (or not everything) could be read. Each comes with a plain sentence. */
export const EVENT_ID_PARSE_ERRORS = [
  'EMPTY',
  'TOO_LARGE',
  'NO_ID_COLUMN',
  'NO_ID_FIELD',
  'INVALID_JSON',
  'NO_IDS',
  'NO_VALID_IDS',
] as const;
export type EventIdParseErrorCode = (typeof EVENT_ID_PARSE_ERRORS)[number];

export interface EventIdParseError {
  code: EventIdParseErrorCode;
  message: string;
}

/** One entry that is not a usable event ID. */
export interface MalformedEntry {
  /** The offending text, cut to 80 characters (with a trailing `…` when cut). */
  token: string;
  /** 1-based line where the entry starts; 0 inside a JSON document, where `item` says which element. */
  line: number;
  /** 1-based element of a JSON array document, when that is how the entry was found. */
  item?: number;
  /** A plain sentence fragment, e.g. `contains "/", which an event ID cannot contain`. */
  reason: string;
}

export interface ParsedEventIds {
  format: EventIdFormat;
  /** Valid IDs, each once, in the order first seen. */
  ids: string[];
  /** How many valid entries repeated an ID seen earlier. */
  duplicates: number;
  /** The first `maxMalformed` malformed entries (100 by default). */
  malformed: MalformedEntry[];
  /** How many malformed entries there were in all (may exceed `malformed.length`). */
  malformedCount: number;
  /** Entries examined: `ids.length + duplicates + malformedCount`. */
  total: number;
  /** The CSV column the IDs were read from, as written in the header. */
  column?: string;
  /** Set when no ID could be used, or the input as a whole could not be read. */
  error?: EventIdParseError;
}

export interface ParseEventIdsOptions {
  /** A file name (or path) whose extension hints at the format: .csv .tsv .jsonl .ndjson .json .txt */
  fileName?: string;
  /** Skip detection and read the input in this format. */
  format?: EventIdFormat;
  /** Inputs longer than this many characters are refused with TOO_LARGE. Default 32 Mi. */
  maxChars?: number;
  /** How many malformed entries to keep in the list. Default 100. */
  maxMalformed?: number;
}
