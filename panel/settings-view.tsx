import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ConnectionSettings, SettingsPanel } from '@/components/settings-panel';
import { OrganisationPolicy } from '@/components/organisation-policy';
import { StatusMappingEditor } from '@/components/status-mapping-editor';
import { SupportLoopSettings, type SupportLoopValues } from '@/components/support-loop-settings';
import { DEFAULT_SPIKE_WINDOW_MINUTES, type Settings, SPIKE_WINDOW_BOUNDS } from '@/lib/settings';
import type { StatusMapping } from '@/lib/incident-io/status-words';
import { type ManagedConfig, managedBaseUrl } from '@/lib/managed';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { errorInfo } from './errors';
import { useManagedConfig } from './use-managed';
import { useWorkspaces } from './use-workspaces';
import { WorkspaceList } from '@/components/workspace-list';
import { useOrg } from './use-org';
import { extraCapabilitiesFromRoles } from '@/lib/incident-io/roles';
import { useMemo } from 'react';

/** What the policy sets that has no control of its own here. */
function policyItems(managed: ManagedConfig): { label: string; value: string }[] {
  const items: { label: string; value: string }[] = [];
  if (managed.allowWrites !== undefined) {
    items.push({ label: 'Changes to incidents', value: managed.allowWrites ? 'Allowed' : 'Turned off: Incident Copilot only shows incidents' });
  }
  if (managed.pollIntervalSeconds !== undefined) items.push({ label: 'Checks for new incidents', value: `Every ${managed.pollIntervalSeconds} s` });
  if (managed.defaultSeverity !== undefined) items.push({ label: 'Default severity', value: managed.defaultSeverity });
  if (managed.defaultIncidentType !== undefined) items.push({ label: 'Default incident type', value: managed.defaultIncidentType });
  if (managed.helpdeskOrigins?.length) items.push({ label: 'Help desks', value: managed.helpdeskOrigins.join(', ') });
  return items;
}

/** Where ticket counts go and the spike window, once connected. */
function SupportLoopSection({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const settings = useQuery(queries.settings());
  const fields = useQuery(queries.numericFields());
  const save = useMutation({
    mutationFn: (values: SupportLoopValues) => send('settings/update', values),
    onSuccess: (next) => queryClient.setQueryData(queries.settings().queryKey, next),
  });
  const values = useSupportValues(settings.data);
  if (!values) return null;
  return (
    <SupportLoopSettings
      values={values}
      numericFields={fields.data?.fields ?? (fields.isError ? [] : undefined)}
      canEdit={canEdit}
      onSave={(next) => save.mutate(next)}
      busy={save.isPending}
      saved={save.isSuccess}
      error={errorInfo(save.error ?? fields.error)}
      min={SPIKE_WINDOW_BOUNDS.min}
      max={SPIKE_WINDOW_BOUNDS.max}
    />
  );
}

/** One values object per stored settings object, so the form resets only when they really change. */
function useSupportValues(settings: Settings | undefined): SupportLoopValues | null {
  return useMemo(() => settings
    ? { ticketCountFieldId: settings.ticketCountFieldId ?? null, spikeWindowMinutes: settings.spikeWindowMinutes ?? DEFAULT_SPIKE_WINDOW_MINUTES }
    : null, [settings]);
}

export function SettingsView() {
  const queryClient = useQueryClient();
  const org = useOrg();
  const managed = useManagedConfig();
  const workspaces = useWorkspaces();
  const onConnectionChange = async () => {
    // A new key may belong to another org: nothing cached from the old one may show.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queries.connection().queryKey[0] });
    await queryClient.invalidateQueries();
  };
  const connect = useMutation({
    mutationFn: (input: ConnectionSettings) => send('connection/connect', input),
    onSuccess: async (connection) => {
      queryClient.setQueryData(queries.connection().queryKey, connection);
      await onConnectionChange();
    },
  });
  const disconnect = useMutation({
    mutationFn: () => send('connection/disconnect', {}),
    onSuccess: async (connection) => {
      queryClient.setQueryData(queries.connection().queryKey, connection);
      await onConnectionChange();
    },
  });
  const saveMapping = useMutation({
    mutationFn: (statusMapping: StatusMapping) => send('settings/update', { statusMapping }),
    onSuccess: (settings) => queryClient.setQueryData(queries.settings().queryKey, settings),
  });

  const data = org.connection.data;
  if (!data) return null;
  const identity = data.connected ? data.identity : null;
  return (
    <SettingsPanel
      key={data.baseUrl}
      baseUrl={data.baseUrl}
      baseUrlLocked={managedBaseUrl(managed) !== null}
      connection={identity && data.capabilities ? { name: identity.name, capabilities: { ...data.capabilities, extra: extraCapabilitiesFromRoles(identity.roles) } } : null}
      onSave={(settings) => connect.mutate(settings)}
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
          locked={managed.statusMapping !== undefined}
        />
      )}
      {data.connected && (
        <WorkspaceList
          workspaces={workspaces.list}
          onAdd={(apiKey) => workspaces.add.mutateAsync(apiKey)}
          onRemove={(id) => workspaces.remove.mutate(id)}
          busy={workspaces.add.isPending || workspaces.remove.isPending}
          error={errorInfo(workspaces.add.error ?? workspaces.remove.error)?.message ?? null}
        />
      )}
      <SupportLoopSection canEdit={data.capabilities?.canEdit ?? false} />
      <OrganisationPolicy items={policyItems(managed)} />
    </SettingsPanel>
  );
}
