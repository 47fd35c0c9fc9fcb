import { io } from 'socket.io-client';
import type { HandshakeAuth } from '../../shared/protocol/socketProtocol';
import { PROTOCOL_VERSION } from '../../shared/protocol/socketProtocol';
import type { FocusSocket } from './focusStream';

/**
 * Opens the screen's socket to the page's own origin, announcing the protocol version it speaks.
 * Who the screen is travels in its session cookie (auth/tradeScreenToken.ts), not in the page.
 */
export function connectSocket(): FocusSocket {
  return io({ auth: { protocolVersion: PROTOCOL_VERSION } satisfies HandshakeAuth, withCredentials: true });
}
