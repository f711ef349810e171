import { queryOptions } from '@tanstack/react-query';
import { browser } from '#imports';
import { send } from '@/lib/messaging/send';

/** The active tab of the panel's window: its URL (when visible) and its help-desk ticket. */
export const activeTabQuery = () => queryOptions({
  queryKey: ['helpdesk', 'active-tab'] as const,
  queryFn: async () => send('helpdesk/active-tab', { windowId: (await browser.windows.getCurrent()).id }),
  // Backstop for what tab events can't tell: the content script finishing its start after the load.
  refetchInterval: 10_000,
});
