/** `session.*`: which Incydr the app talks to — the demo workspace or a tenant for this session. */
import type { HandlerContext, HandlersOf } from './context.js';

export function sessionHandlers({ session }: HandlerContext): HandlersOf<'session'> {
  return {
    /** Answers once a switch in progress (such as opening the last used profile on start) is done. */
    'session.get': () => session.settled(),
    'session.openDemo': () => session.openDemo(),
    'session.connect': (input) => session.connect(input),
    'session.disconnect': () => session.disconnect(),
  };
}
