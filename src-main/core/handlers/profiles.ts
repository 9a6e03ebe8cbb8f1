/**
 * `profiles.*`: saved connections (issue 4). Results are ProfileViews — whether a secret is available,
 * never the secret — and a switch answers with the SessionInfo, which carries no token either.
 */
import { switchToProfile } from '../session/profile-switch.js';
import type { HandlerContext, HandlersOf } from './context.js';

export function profileHandlers({ session, profiles, logger }: HandlerContext): HandlersOf<'profiles'> {
  return {
    'profiles.list': async () => {
      const [list, keychain] = await Promise.all([profiles.list(), profiles.keychainStatus()]);
      return { profiles: list, selectedId: list.find((p) => p.selected)?.profileId ?? null, keychain };
    },

    'profiles.add': ({ sessionOnly, ...input }) => profiles.add(input, { sessionOnly: sessionOnly === true }),

    /**
     * When it is the open profile: a new URL, client ID or secret reconnects with them (the change was
     * tested first); a new name only relabels the session.
     */
    'profiles.update': async ({ profileId, sessionOnly, ...changes }) => {
      const before = session.info();
      const updated = await profiles.update(profileId, changes, { sessionOnly: sessionOnly === true });
      if (!before.connected || before.profileId !== updated.profileId) return updated;
      const reconnect =
        changes.secret !== undefined ||
        updated.baseUrl !== before.baseUrl ||
        updated.clientId !== before.clientId;
      if (reconnect) {
        await switchToProfile(session, profiles, updated.profileId, { reconnect: true, logger }).catch(
          (error: unknown) =>
            // The change is saved; the session is disconnected and the page says so.
            logger.warn('could not reconnect the changed profile', {
              profileId: updated.profileId,
              error: error instanceof Error ? error.message : String(error),
            }),
        );
      } else {
        await session.relabel(updated.profileId, updated.label);
      }
      return updated;
    },

    /** Removing the open profile also disconnects it: its secret and token go with it. */
    'profiles.remove': async ({ profileId }) => {
      const removed = await profiles.remove(profileId);
      if (session.info().profileId === removed.profileId) await session.disconnect();
      return removed;
    },

    'profiles.test': async ({ profileId }) => {
      const result = await profiles.test(profileId);
      return { profileId: result.profileId, tenantId: result.tenantId };
    },

    'profiles.switch': ({ profileId }) => switchToProfile(session, profiles, profileId, { logger }),
  };
}
