import { WebSocket as WsWebSocket } from 'ws';

// Colyseus 0.18 checks the global WebSocket when a client reconnects; Node 20 has none, and without it
// every reconnect fails with 4003. Import this module before the server starts.
const g = globalThis as { WebSocket?: unknown };
g.WebSocket ??= WsWebSocket;
