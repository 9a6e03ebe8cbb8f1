/**
 * A small hand-written stand-in for the parts of `electron` the shell uses (the real binary cannot run
 * here). Tests install it with `vi.mock('electron', () => import('./fake-electron.js'))`; the shell
 * modules then run unchanged against it, and the tests read back what they set up. `resetFakes()`
 * gives each test a clean world.
 */
import { EventEmitter } from 'node:events';

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = FakeFrame.nextRoutingId++,
  ) {}
  static nextRoutingId = 1;
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  loadedUrl: string | null = null;
  private destroyed = false;

  constructor(url = 'app://case-desk/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Fires a cancellable event the way Electron does; returns whether a listener prevented it. */
  fireCancellable(name: string, url: string): boolean {
    let prevented = false;
    const event = { url, preventDefault: () => void (prevented = true) };
    this.emit(name, event, url);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all;
  }
  readonly webContents = new FakeWebContents('about:blank');
  shown = false;
  /** Every `setProgressBar` value, in order. */
  progressBar: number[] = [];

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  setProgressBar(value: number): void {
    this.progressBar.push(value);
  }
}

type InvokeHandler = (event: unknown, input: unknown) => Promise<unknown>;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
};

/** An invoke event as Electron builds it: the sending webContents and the frame that sent it. */
export function invokeEvent(sender: FakeWebContents, frame: FakeFrame | null = sender.mainFrame) {
  return { sender, senderFrame: frame, processId: frame?.processId ?? 0, frameId: frame?.routingId ?? 0 };
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

class FakeIpcRenderer extends EventEmitter {
  invoked: { channel: string; input: unknown }[] = [];
  async invoke(channel: string, input: unknown): Promise<unknown> {
    this.invoked.push({ channel, input });
    return { ok: true, value: { channel } };
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const dialog = {
  openResult: { canceled: false, filePaths: ['/chosen/folder'] } as {
    canceled: boolean;
    filePaths: string[];
  },
  messageBoxResponse: 0,
  calls: [] as { kind: 'open' | 'message'; options: Record<string, unknown> }[],
  async showOpenDialog(...args: unknown[]) {
    this.calls.push({ kind: 'open', options: args.at(-1) as Record<string, unknown> });
    return this.openResult;
  },
  async showMessageBox(...args: unknown[]) {
    this.calls.push({ kind: 'message', options: args.at(-1) as Record<string, unknown> });
    return { response: this.messageBoxResponse, checkboxChecked: false };
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
  showItemInFolder(_path: string): void {},
  async openPath(_path: string): Promise<string> {
    return '';
  },
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  gotLock = true;
  quitCalled = false;
  private readyResolve: () => void = () => undefined;
  private ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, { isPackaged: false, sandboxEnabled: false, gotLock: true, quitCalled: false });
    this.ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  /** Only `userData` is asked for (the settings folder); a path that is never written in these tests. */
  getPath(name: string): string {
    return `/fake-electron/${name}`;
  }
  quit(): void {
    this.quitCalled = true;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Test control: lets `whenReady()` resolve. */
  fireReady(): void {
    this.readyResolve();
  }
}
export const app = new FakeApp();

export const Menu = {
  application: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    this.application = menu;
  },
};

export const BrowserWindow = FakeBrowserWindow;

/** Notifications as shown; `supported` stands for `Notification.isSupported()`. */
export class Notification {
  static supported = true;
  static shown: { title: string; body: string }[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }
  constructor(private readonly options: { title: string; body: string }) {}
  show(): void {
    Notification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

export function resetFakes(): void {
  ipcMain.handlers.clear();
  session.defaultSession = new FakeSession();
  protocol.privileged = [];
  protocol.handlers.clear();
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked = [];
  dialog.openResult = { canceled: false, filePaths: ['/chosen/folder'] };
  dialog.messageBoxResponse = 0;
  dialog.calls = [];
  shell.opened = [];
  app.reset();
  Menu.application = null;
  FakeBrowserWindow.all = [];
  Notification.supported = true;
  Notification.shown = [];
}
