import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { browser } from '#imports';
import { type CurrentSite, SiteAccess } from '@/components/site-access';
import { AppError } from '@/lib/app-error';
import { adapterForUrl } from '@/lib/helpdesk/registry';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { useActiveTab } from './active-tab';
import { errorInfo } from './errors';


function currentSite(url: string | null, sites: readonly string[]): CurrentSite {
  if (!url) return { kind: 'unknown' };
  const parsed = new URL(url);
  if (sites.includes(parsed.origin)) return { kind: 'enabled', origin: parsed.origin };
  return adapterForUrl(parsed) ? { kind: 'built-in', origin: parsed.origin } : { kind: 'enableable', origin: parsed.origin };
}

/**
 * "Enable on this site" for self-hosted desks. The browser's permission prompt must come from the
 * agent's click, so the panel asks for the origin itself; the background then checks the grant and
 * registers the content script there. The active tab's URL is visible to the panel through
 * activeTab (the agent clicked the toolbar button on that tab), so no `tabs` permission is needed.
 */
export function SiteAccessView() {
  const queryClient = useQueryClient();
  const active = useActiveTab();
  const sites = useQuery(queries.sites());
  const onSites = (data: { sites: string[] }) => {
    queryClient.setQueryData(queries.sites().queryKey, data);
    void queryClient.invalidateQueries({ queryKey: queries.activeTab().queryKey });
  };
  const enable = useMutation({
    mutationFn: async ({ origin, tabId, grant }: { origin: string; tabId: number | null; grant: Promise<boolean> }) => {
      if (!(await grant)) throw new AppError({ kind: 'not_allowed', message: `Access to ${origin} was not granted, so Incident Copilot stays off there.` });
      return send('sites/enable', { url: origin, ...(tabId === null ? {} : { tabId }) });
    },
    onSuccess: onSites,
  });
  const disable = useMutation({ mutationFn: (origin: string) => send('sites/disable', { origin }), onSuccess: onSites });

  const list = sites.data?.sites ?? [];
  // A built-in desk's tab URL stays hidden (content-script matches don't reveal tab URLs), but its
  // content script reports the ticket's URL.
  const current = currentSite(active.data?.url ?? active.data?.ticket?.url ?? null, list);
  return (
    <SiteAccess
      current={current}
      sites={list}
      onEnable={() => {
        if (current.kind !== 'enableable') return;
        // Asked synchronously inside the click: the browser only prompts in response to a user gesture.
        const grant = browser.permissions.request({ origins: [`${current.origin}/*`] });
        enable.mutate({ origin: current.origin, tabId: active.data?.tabId ?? null, grant });
      }}
      onDisable={(origin) => disable.mutate(origin)}
      busy={enable.isPending || disable.isPending}
      error={errorInfo(enable.error ?? disable.error ?? sites.error)}
    />
  );
}
