/**
 * The one typed contract between main and renderer (design.md §2). Each request channel names its
 * input schema (parsed in main) and its output type; event channels carry main-to-renderer pushes.
 * The preload, the main bridge, the browser test harness and the renderer's `lib/api` are all
 * generated from this object, so a renamed field breaks the build on both sides.
 */
import { z } from 'zod';
import type { CaseDetail, CasePage } from '../domain/case.js';
import type { CaseRowsPage } from '../domain/case-rows.js';
import type { CaseFileEventPage, FileEventV2 } from '../domain/file-event.js';
import type { Actor, ActorSearchItem, User, UserPage } from '../domain/people.js';
import type { ExportItemPage, ExportJobSummary, LibraryCheck, LibraryList } from '../domain/exports.js';
import type { ErrorCode } from '../domain/problems.js';
import type {
  ProfileList,
  ProfileTestView,
  RemovedProfileView,
  TenantProfileView,
} from '../domain/profile.js';
import type { RegionName } from '../domain/regions.js';
import type { ViewList } from '../domain/views.js';
import { splitChannelName } from './channels.js';
import type { EventChannelName, RequestChannelName } from './channels.js';
import * as s from './schemas.js';

/** Marks a channel's output type; the value is never read at run time. */
function returns<T>(): T {
  return undefined as T;
}

function channel<I extends z.ZodType, O>(input: I, output: O) {
  return { input, output };
}

const none = z.strictObject({});

export interface SessionInfo {
  connected: boolean;
  /** `demo` is the built-in emulator workspace; `tenant` a real Incydr connection. */
  kind: 'demo' | 'tenant' | null;
  label: string | null;
  baseUrl: string | null;
  clientId: string | null;
  tenantId: string | null;
  /** The saved profile this connection was opened from (`demo` for the demo workspace), else null. */
  profileId: string | null;
  /** The profile's region, when its URL is one of the regional gateways. */
  region: RegionName | null;
}

export interface AttachResult {
  eventId: string;
  status: 'attached' | 'already-attached' | 'not-found' | 'failed';
  code?: ErrorCode;
  message?: string;
}

/** Pushed while `events.add` runs: IDs with a result so far (`done`) of all distinct IDs (`total`). */
export interface AttachProgressEvent {
  caseNumber: number;
  done: number;
  total: number;
}

export interface FolderChoice {
  folderId: string;
  /** Shown to the investigator; never sent back to main as a path. */
  path: string;
}

export interface DownloadProgress {
  downloadId: string;
  bytes: number;
  total: number | null;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface DownloadFinished {
  downloadId: string;
  ok: boolean;
  fileName?: string;
  path?: string;
  bytes?: number;
  sha256?: string;
  error?: IpcError;
}

export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const requests = {
  'session.get': channel(none, returns<SessionInfo>()),
  'session.openDemo': channel(none, returns<SessionInfo>()),
  'session.connect': channel(s.connectRequest, returns<SessionInfo>()),
  'session.disconnect': channel(none, returns<SessionInfo>()),

  /** Saved connections (the demo workspace first), which one opens on start, and the keychain's state. */
  'profiles.list': channel(none, returns<ProfileList>()),
  /** Tests the connection first; saves nothing when the test fails. Never returns the secret. */
  'profiles.add': channel(s.profileAdd, returns<TenantProfileView>()),
  /** A new secret replaces the old one (which is never returned); without `secret` the saved one stays. */
  'profiles.update': channel(s.profileUpdate, returns<TenantProfileView>()),
  /** Removes the profile and its keychain entry; disconnects when it is the open one. */
  'profiles.remove': channel(z.strictObject({ profileId: s.profileId }), returns<RemovedProfileView>()),
  'profiles.test': channel(z.strictObject({ profileId: s.profileId }), returns<ProfileTestView>()),
  /** Drops the current connection (client, token, downloads, demo emulator), then opens this profile. */
  'profiles.switch': channel(z.strictObject({ profileId: s.profileId }), returns<SessionInfo>()),

  'cases.page': channel(s.caseQuery, returns<CasePage>()),
  /** The same page in the case list's compact form (see domain/case-rows.ts). */
  'cases.rows': channel(s.caseQuery, returns<CaseRowsPage>()),
  'cases.get': channel(z.strictObject({ number: s.caseNumber }), returns<CaseDetail>()),
  'cases.create': channel(s.caseCreate, returns<CaseDetail>()),
  'cases.update': channel(
    z.strictObject({
      number: s.caseNumber,
      changes: s.caseChanges,
      /** The `updatedAt` the editor started from; main refuses with CASE_CHANGED if it moved. */
      expectedUpdatedAt: z.string().max(64).nullable().optional(),
    }),
    returns<CaseDetail>(),
  ),
  'cases.delete': channel(z.strictObject({ number: s.caseNumber }), returns<{ deleted: number }>()),

  'events.page': channel(
    z.strictObject({
      number: s.caseNumber,
      pgNum: z.int().min(1).optional(),
      pgSize: z.int().min(1).max(10_000).optional(),
    }),
    returns<CaseFileEventPage>(),
  ),
  'events.detail': channel(
    z.strictObject({ number: s.caseNumber, eventId: s.eventId }),
    returns<FileEventV2>(),
  ),
  'events.add': channel(
    z.strictObject({ number: s.caseNumber, eventIds: s.eventIdList }),
    returns<AttachResult[]>(),
  ),
  'events.remove': channel(
    z.strictObject({ number: s.caseNumber, eventId: s.eventId }),
    returns<{ removed: string }>(),
  ),

  'users.list': channel(
    z.strictObject({
      username: z.string().max(320).optional(),
      active: z.boolean().optional(),
      page: z.int().min(1).optional(),
      pageSize: z.int().min(1).max(500).optional(),
    }),
    returns<UserPage>(),
  ),
  'users.get': channel(z.strictObject({ userId: s.personId }), returns<User>()),
  'actors.search': channel(
    z.strictObject({
      nameStartsWith: z.string().max(320).optional(),
      nameEndsWith: z.string().max(320).optional(),
      active: z.boolean().optional(),
      page: z.int().min(1).optional(),
      pageSize: z.int().min(1).max(500).optional(),
    }),
    returns<ActorSearchItem[]>(),
  ),
  'actors.get': channel(z.strictObject({ actorId: s.personId }), returns<Actor>()),

  'dialog.chooseFolder': channel(
    z.strictObject({ title: z.string().max(200).optional() }),
    returns<FolderChoice | null>(),
  ),
  /**
   * The folder last chosen with the connected profile, when it is still there (a handle like
   * `dialog.chooseFolder` gives), so exports can offer it before asking again; else null.
   */
  'folders.last': channel(none, returns<FolderChoice | null>()),
  'downloads.start': channel(s.downloadRequest, returns<{ downloadId: string }>()),
  'downloads.cancel': channel(
    z.strictObject({ downloadId: z.string().max(64) }),
    returns<{ cancelled: boolean }>(),
  ),

  /**
   * A bulk export into a chosen folder: the selected cases, or every case a filter matches. Returns
   * once the cases are known and the job runs; its state arrives as `exports.progress` events.
   */
  'exports.start': channel(s.exportStart, returns<{ jobId: string }>()),
  /** Jobs running now and saved jobs (newest first), with interrupted ones marked resumable. */
  'exports.list': channel(none, returns<ExportJobSummary[]>()),
  /** A page of a job's items (its cases, with state, file, size and error), in the job's order. */
  'exports.items': channel(s.exportItems, returns<ExportItemPage>()),
  'exports.cancel': channel(z.strictObject({ jobId: s.exportJobId }), returns<{ cancelled: boolean }>()),
  /** Queues the job's failed items again (only those). */
  'exports.retryFailed': channel(z.strictObject({ jobId: s.exportJobId }), returns<{ requeued: number }>()),
  /** Continues an interrupted job: its unfinished items, and saved files that went missing. */
  'exports.resume': channel(z.strictObject({ jobId: s.exportJobId }), returns<{ resumed: number }>()),

  /** Files exported on this machine: the connected profile's (`all`: every profile's; offline: all). */
  'library.list': channel(
    z.strictObject({ scope: z.enum(['profile', 'all']).optional() }),
    returns<LibraryList>(),
  ),
  /** Re-hashes the files (default: every entry `library.list` shows) against what was recorded. */
  'library.verify': channel(
    z.strictObject({ entryIds: z.array(s.libraryEntryId).min(1).max(10_000).optional() }),
    returns<LibraryCheck[]>(),
  ),
  /** Shows a recorded file in the OS file manager (only paths the library recorded). */
  'library.reveal': channel(z.strictObject({ entryId: s.libraryEntryId }), returns<{ revealed: boolean }>()),
  /** Opens a recorded file with its default application. */
  'library.open': channel(z.strictObject({ entryId: s.libraryEntryId }), returns<{ opened: boolean }>()),

  /** Saved views of the case list, for the connected profile; the last one used opens on start. */
  'views.list': channel(none, returns<ViewList>()),
  /** Saves a new view, or changes the view `id`; a new view with a saved view's name replaces it. */
  'views.save': channel(s.viewSave, returns<ViewList>()),
  'views.delete': channel(z.strictObject({ id: s.viewId }), returns<ViewList>()),
  /** Remembers the view in use (null: none), to restore it on the next start. */
  'views.select': channel(z.strictObject({ id: s.viewId.nullable() }), returns<ViewList>()),

  /** Opens an `https:` link from untrusted markdown after main asks the investigator to confirm. */
  'shell.openExternal': channel(
    z.strictObject({ url: z.string().max(2048) }),
    returns<{ opened: boolean }>(),
  ),
} as const;

export const events = {
  'session.changed': returns<SessionInfo>(),
  'downloads.progress': returns<DownloadProgress>(),
  'downloads.finished': returns<DownloadFinished>(),
  /** A bulk export's state: sent a few times a second while it runs, and when it ends. */
  'exports.progress': returns<ExportJobSummary>(),
  'events.attachProgress': returns<AttachProgressEvent>(),
} as const;

export type Requests = typeof requests;
export type RequestChannel = keyof Requests;
export type InputOf<C extends RequestChannel> = z.input<Requests[C]['input']>;
export type ParsedInputOf<C extends RequestChannel> = z.output<Requests[C]['input']>;
export type OutputOf<C extends RequestChannel> = Requests[C]['output'];

export type Events = typeof events;
export type EventChannel = keyof Events;
export type PayloadOf<E extends EventChannel> = Events[E];

// The zod-free name lists in channels.ts (bundled into the preload) must name exactly these channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _requestNamesMatch: Same<RequestChannelName, RequestChannel> = true;
const _eventNamesMatch: Same<EventChannelName, EventChannel> = true;

export const REQUEST_CHANNELS = Object.keys(requests) as RequestChannel[];
export const EVENT_CHANNELS = Object.keys(events) as EventChannel[];

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;

/**
 * The API the preload (and the test harness) exposes to the page: one named function per channel,
 * grouped by the channel's prefix (`api.cases.page(query)`), plus `on` for events.
 */
export type CaseDeskApi = {
  [G in GroupOf<RequestChannel>]: {
    [C in RequestChannel as C extends `${G}.${infer M}` ? M : never]: (
      input: InputOf<C>,
    ) => Promise<Result<OutputOf<C>>>;
  };
} & {
  on<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
};

/** Splits `cases.page` into its group and method, as the preload and harness build the API. */
export function splitChannel(channel: RequestChannel): [group: string, method: string] {
  return splitChannelName(channel);
}
