/**
 * The contract's channel names with nothing else: no zod, no types from the domain. The sandboxed
 * preload can only `require('electron')`, so it bundles this tiny module instead of the contract;
 * `contract.ts` checks at compile time that these lists match its channel objects exactly.
 */

export const REQUEST_CHANNEL_NAMES = [
  'session.get',
  'session.openDemo',
  'session.connect',
  'session.disconnect',
  'profiles.list',
  'profiles.add',
  'profiles.update',
  'profiles.remove',
  'profiles.test',
  'profiles.switch',
  'cases.page',
  'cases.rows',
  'cases.get',
  'cases.create',
  'cases.update',
  'cases.delete',
  'events.page',
  'events.detail',
  'events.add',
  'events.remove',
  'users.list',
  'users.get',
  'actors.search',
  'actors.get',
  'dialog.chooseFolder',
  'folders.last',
  'downloads.start',
  'downloads.cancel',
  'exports.start',
  'exports.list',
  'exports.items',
  'exports.cancel',
  'exports.retryFailed',
  'exports.resume',
  'library.list',
  'library.verify',
  'library.reveal',
  'library.open',
  'views.list',
  'views.save',
  'views.delete',
  'views.select',
  'shell.openExternal',
] as const;

export const EVENT_CHANNEL_NAMES = [
  'session.changed',
  'downloads.progress',
  'downloads.finished',
  'exports.progress',
  'events.attachProgress',
] as const;

export type RequestChannelName = (typeof REQUEST_CHANNEL_NAMES)[number];
export type EventChannelName = (typeof EVENT_CHANNEL_NAMES)[number];

/** Main-to-renderer pushes travel on their own prefix, so an event never shares a name with a request. */
export function eventIpcChannel(event: EventChannelName): `event:${EventChannelName}` {
  return `event:${event}`;
}

/** Splits `cases.page` into its group and method, as the preload and harness build the API. */
export function splitChannelName(channel: string): [group: string, method: string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}
