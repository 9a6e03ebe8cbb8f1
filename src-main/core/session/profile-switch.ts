/**
 * Opening saved profiles (issue 4). A switch drops the current connection — downloads cancelled,
 * client and token gone, the demo emulator stopped — before the chosen profile connects, and then
 * records it as the one to open on the next start. On start, the last used profile opens by itself
 * when its secret is at hand (keychain, or memory); otherwise the profiles page asks for it.
 */
import type { ProfileView } from '../../../src-shared/domain/profile.js';
import type { SessionInfo } from '../../../src-shared/ipc/contract.js';
import type { ProfileService } from '../credentials/profile-service.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import type { SessionManager, SessionTarget } from './session-manager.js';

/** What to open for a profile; reads a tenant profile's secret (main process only). */
export async function targetFor(profiles: ProfileService, profile: ProfileView): Promise<SessionTarget> {
  if (profile.kind === 'demo') return { kind: 'demo' };
  const connection = await profiles.connectionFor(profile.profileId);
  return {
    kind: 'tenant',
    request: {
      baseUrl: connection.baseUrl,
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      profile: { profileId: profile.profileId, label: profile.label, region: profile.region },
    },
  };
}

export interface SwitchOptions {
  /** Open it again even when it is the open profile (its URL, client ID or secret changed). */
  reconnect?: boolean;
  logger?: Logger;
}

/**
 * Opens the profile `profileId` (`demo` for the demo workspace) in place of the current connection. A
 * profile without a secret fails with SECRET_MISSING (or KEYCHAIN_UNAVAILABLE) before anything is
 * dropped; a connection that fails after the drop leaves the session disconnected.
 */
export async function switchToProfile(
  session: SessionManager,
  profiles: ProfileService,
  profileId: string,
  options: SwitchOptions = {},
): Promise<SessionInfo> {
  const logger = options.logger ?? silentLogger;
  const info = await session.switchTo(async () => {
    const profile = await profiles.get(profileId);
    const current = session.info();
    if (!options.reconnect && current.connected && current.profileId === profile.profileId) return null;
    return targetFor(profiles, profile);
  });
  await remember(profiles, profileId, logger);
  return info;
}

/**
 * On start: opens the profile that was used last, if it has a secret now. Call it before the window
 * loads: the switch is queued at once, so the page's first `session.get` answers after it.
 */
export function openSelectedProfile(
  session: SessionManager,
  profiles: ProfileService,
  logger: Logger = silentLogger,
): Promise<SessionInfo> {
  let opened: string | null = null;
  return session
    .switchTo(async () => {
      const selected = await profiles.selected();
      if (selected === null || !selected.hasSecret) return null;
      opened = selected.profileId;
      logger.info('opening the profile used last', { profileId: selected.profileId });
      return targetFor(profiles, selected);
    })
    .then(async (info) => {
      if (opened !== null) await remember(profiles, opened, logger);
      return info;
    });
}

/** Records the profile as the one to open next time; a failure to write that is not the switch's. */
async function remember(profiles: ProfileService, profileId: string, logger: Logger): Promise<void> {
  try {
    await profiles.select(profileId);
  } catch (error) {
    logger.warn('could not record the profile as last used', {
      profileId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
