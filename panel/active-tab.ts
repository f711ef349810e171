import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from '#imports';
import { queries } from '@/lib/queries/keys';

/**
 * The active tab of the panel's window, its origin and its help-desk ticket, kept current as the
 * agent switches tabs or tickets. Needs no `tabs` permission: tab events carry no URLs, they only
 * say when to ask the background again.
 */
export function useActiveTab() {
  const queryClient = useQueryClient();
  const query = useQuery(queries.activeTab());
  const tabId = query.data?.tabId;
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ queryKey: queries.activeTab().queryKey });
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
