import { io } from 'socket.io-client';
import type { HandshakeAuth } from '../../shared/protocol/socketProtocol';
import { PROTOCOL_VERSION } from '../../shared/protocol/socketProtocol';
import type { FocusSocket } from './focusStream';

/**
 * Opens the page's socket to its own origin, announcing the protocol version it speaks. Who is
 * watching travels in the cookies (a person's session, or a wall screen's from its link:
 * screen/adoptScreenLink.ts), not in the page; `as` says which speaks when a browser has both.
 */
export function connectSocket(as: 'screen' | 'person' = 'person'): FocusSocket {
  return io({ auth: { protocolVersion: PROTOCOL_VERSION, as } satisfies HandshakeAuth, withCredentials: true });
}
