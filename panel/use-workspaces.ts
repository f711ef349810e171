import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { customEndpointHost } from '@/lib/incident-io/base-url';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';

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
