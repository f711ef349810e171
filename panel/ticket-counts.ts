import { useEffect, useState } from 'react';
import { ticketCounts } from '@/lib/background/followups';
import { incidentLinksItem } from '@/lib/storage';

/**
 * Linked tickets per incident, from the links the poll already reads per incident (no request of its
 * own), kept current as each poll or link from this browser lands.
 */
export function useTicketCounts(): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    let live = true;
    void incidentLinksItem.get().then((links) => live && setCounts(ticketCounts(links.byIncident)));
    const stop = incidentLinksItem.watch((links) => setCounts(ticketCounts(links.byIncident)));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return counts;
}
