import { io } from 'socket.io-client';
import type { HandshakeAuth } from '../../shared/protocol/socketProtocol';
import { PROTOCOL_VERSION } from '../../shared/protocol/socketProtocol';
import type { FocusSocket } from './focusStream';

/**
 * Opens the screen's socket to the page's own origin, announcing the protocol version it speaks
 * and, for a wall screen set up with one (`?token=gp_…` in its kiosk address), its screen token.
 */
export function connectSocket(token?: string | null): FocusSocket {
  const auth: HandshakeAuth = token ? { protocolVersion: PROTOCOL_VERSION, token } : { protocolVersion: PROTOCOL_VERSION };
  return io({ auth });
}
