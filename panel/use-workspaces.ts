import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { customEndpointHost } from '@/lib/incident-io/base-url';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { connectionItem } from '@/lib/storage';

/** The connected workspaces and what changes them; any change of the shown one drops every cached view. */
export function useWorkspaces() {
  const queryClient = useQueryClient();
  const workspaces = useQuery(queries.workspaces());
  const keep = new Set<unknown>([queries.workspaces().queryKey[0]]);
  const changed = async (reply: ResponseOf<'workspaces/list'>) => {
    queryClient.setQueryData(queries.workspaces().queryKey, reply);
    // Another workspace is another org: nothing cached from the one shown before may show.
    queryClient.removeQueries({ predicate: (query) => !keep.has(query.queryKey[0]) });
    await queryClient.invalidateQueries();
  };
  // The background may switch by itself (a click on another workspace's alert): the active
  // connection changes, so the panel re-reads the workspaces and, when the shown one changed, drops its views.
  useEffect(() => connectionItem.watch(() => {
    void send('workspaces/list', {}).then((reply) => {
      const shown = queryClient.getQueryData<ResponseOf<'workspaces/list'>>(queries.workspaces().queryKey);
      const activeOf = (r?: ResponseOf<'workspaces/list'>) => r?.workspaces.find((w) => w.active)?.id;
      if (activeOf(shown) !== activeOf(reply)) void changed(reply);
    }).catch(() => undefined);
  }), [queryClient]);
  const switchTo = useMutation({ mutationFn: (id: string) => send('workspaces/switch', { id }), onSuccess: changed });
  const add = useMutation({
    mutationFn: async (apiKey: string) => {
      // Another workspace on the same API as the connected one (the host the agent already confirmed).
      const { baseUrl } = await queryClient.fetchQuery(queries.connection());
      const customEndpoint = customEndpointHost(baseUrl) ?? undefined;
      return send('workspaces/add', { apiKey, baseUrl, ...(customEndpoint ? { customEndpoint } : {}) });
    },
    onSuccess: changed,
  });
  const remove = useMutation({ mutationFn: (id: string) => send('workspaces/remove', { id }), onSuccess: changed });
  return { list: workspaces.data?.workspaces ?? [], switchTo, add, remove };
}
