/**
 * The connection the app works on: the demo workspace or a tenant for this session. Main owns it
 * (and the secret); this mirrors what main reports, including `session.changed` pushes.
 */
import type { SessionInfo } from '../../src-shared/ipc/contract.js';
import { caseDesk, toApiError, unwrap } from './api.js';
import type { ApiError } from './api.js';

export interface ConnectInput {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export class SessionState {
  info = $state<SessionInfo | null>(null);
  /** True until the first `session.get` answers. */
  starting = $state(true);
  /** A connect or open-demo request in flight. */
  pending = $state<'demo' | 'connect' | 'disconnect' | null>(null);
  error = $state<ApiError | null>(null);

  connected = $derived(this.info?.connected === true);

  #unsubscribe: (() => void) | null = null;

  async start(): Promise<void> {
    try {
      this.#unsubscribe = caseDesk().on('session.changed', (info) => {
        this.info = info;
      });
      this.info = unwrap(await caseDesk().session.get({}));
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.starting = false;
    }
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  openDemo(): Promise<boolean> {
    return this.#run('demo', async () => unwrap(await caseDesk().session.openDemo({})));
  }

  connect(input: ConnectInput): Promise<boolean> {
    return this.#run('connect', async () => unwrap(await caseDesk().session.connect(input)));
  }

  disconnect(): Promise<boolean> {
    return this.#run('disconnect', async () => unwrap(await caseDesk().session.disconnect({})));
  }

  async #run(kind: 'demo' | 'connect' | 'disconnect', request: () => Promise<SessionInfo>): Promise<boolean> {
    if (this.pending) return false;
    this.pending = kind;
    this.error = null;
    try {
      this.info = await request();
      return true;
    } catch (error) {
      this.error = toApiError(error);
      return false;
    } finally {
      this.pending = null;
    }
  }
}
