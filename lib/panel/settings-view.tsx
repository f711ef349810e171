import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SettingsPanel } from '@/components/settings-panel';
import { StatusMappingEditor } from '@/components/status-mapping-editor';
import type { StatusMapping } from '@/lib/incident-io/status-words';
import { send } from '@/lib/messaging/send';
import { errorInfo } from './errors';
import { useOrg } from './use-org';
import { extraCapabilitiesFromRoles } from '@/lib/incident-io/roles';

export function SettingsView() {
  const queryClient = useQueryClient();
  const org = useOrg();
  const onConnectionChange = async () => {
    // A new key may belong to another org: nothing cached from the old one may show.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'connection' });
    await queryClient.invalidateQueries();
  };
  const connect = useMutation({
    mutationFn: (input: { apiKey: string; baseUrl: string }) => send('connection/connect', input),
    onSuccess: async (connection) => {
      queryClient.setQueryData(['connection'], connection);
      await onConnectionChange();
    },
  });
  const disconnect = useMutation({
    mutationFn: () => send('connection/disconnect', {}),
    onSuccess: async (connection) => {
      queryClient.setQueryData(['connection'], connection);
      await onConnectionChange();
    },
  });
  const saveMapping = useMutation({
    mutationFn: (statusMapping: StatusMapping) => send('settings/update', { statusMapping }),
    onSuccess: (settings) => queryClient.setQueryData(['settings'], settings),
  });

  const data = org.connection.data;
  if (!data) return null;
  const identity = data.connected ? data.identity : null;
  return (
    <SettingsPanel
      key={data.baseUrl}
      baseUrl={data.baseUrl}
      connection={identity && data.capabilities ? { name: identity.name, capabilities: { ...data.capabilities, extra: extraCapabilitiesFromRoles(identity.roles) } } : null}
      onSave={({ apiKey, baseUrl }) => connect.mutate({ apiKey, baseUrl })}
      onDisconnect={() => disconnect.mutate()}
      busy={connect.isPending || disconnect.isPending}
      error={errorInfo(connect.error ?? disconnect.error)}
    >
      {org.statuses.length > 0 && (
        <StatusMappingEditor
          statuses={org.statuses}
          mapping={org.mapping}
          onSave={(mapping) => saveMapping.mutate(mapping)}
          busy={saveMapping.isPending}
          error={errorInfo(saveMapping.error)}
        />
      )}
    </SettingsPanel>
  );
}
