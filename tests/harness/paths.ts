/** URL paths the harness serves next to the renderer (shared by the server and the page script). */
export const BRIDGE_SCRIPT_PATH = '/__harness/bridge.js';
export const BRIDGE_SOCKET_PATH = '/__harness/ws';
