import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from '#imports';
import { send } from '@/lib/messaging/send';

const ACTIVE_TAB_KEY = ['helpdesk', 'active-tab'] as const;

/**
 * The active tab of the panel's window, its origin and its help-desk ticket, kept current as the
 * agent switches tabs or tickets. Needs no `tabs` permission: tab events carry no URLs, they only
 * say when to ask the background again.
 */
export function useActiveTab() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ACTIVE_TAB_KEY,
    queryFn: async () => send('helpdesk/active-tab', { windowId: (await browser.windows.getCurrent()).id }),
    // Backstop for what tab events can't tell: the content script finishing its start after the load.
    refetchInterval: 10_000,
  });
  const tabId = query.data?.tabId;
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ queryKey: ACTIVE_TAB_KEY });
    // Any change to the shown tab (a help desk's in-app navigation to another ticket), or any load.
    const onUpdated = (updatedId: number, change: { status?: string }) => {
      if (updatedId === tabId || change.status === 'complete') refetch();
    };
    browser.tabs.onActivated.addListener(refetch);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refetch);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [queryClient, tabId]);
  return query;
}
