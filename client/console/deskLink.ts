import { SocketEvent } from '../../shared/protocol/socketProtocol';
import { isAlert, readAlerts } from '../stream/inbound';
import { gridEventSchema } from './apiSchemas';
import type { FocusLink } from './useFocusLink';
import type { AlertDesk } from './useAlertDesk';

/**
 * Keeps the desk live from the link: alerts at once, each tick's changed events (another
 * officer's moves arrive this way), and the focus's whole open list that comes with every
 * snapshot and every resumed link's catch-up. The server sends an alert on its own only to
 * screens already subscribed: one raised after the desk's REST read but before its subscription
 * is only in that list. A later snapshot means the link started over: the desk reloads as well.
 */
export function followLink(link: Pick<FocusLink, 'on'>, desk: AlertDesk): void {
  link.on(SocketEvent.alert, (a) => {
    if (isAlert(a)) desk.liveAlert(a);
  });
  link.on(SocketEvent.delta, (d) => {
    const mine = (Array.isArray(d.events) ? d.events : []).filter((e) => desk.events.value.has(e?.id));
    const ok = mine.flatMap((e) => {
      const p = gridEventSchema.safeParse(e);
      return p.success ? [p.data] : [];
    });
    if (ok.length > 0) desk.liveEvents(ok);
    if (d.alertsComplete === true) desk.liveOpenAlerts(readAlerts(d.alerts));
    else for (const a of readAlerts(d.alerts)) desk.liveAlert(a);
  });
  let snapshots = 0;
  link.on(SocketEvent.snapshot, (s) => {
    desk.liveOpenAlerts(readAlerts(s.alerts));
    if (snapshots++ > 0) void desk.load();
  });
}
