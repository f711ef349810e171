import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { WatchControls } from '@/components/watch-controls';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';

/** The star and snooze for one incident; alerts for watched incidents come from the background poller. */
export function WatchView({ incidentId, reference }: { incidentId: string; reference: string }) {
  const queryClient = useQueryClient();
  const watch = useQuery(queries.watch());
  const refresh = () => queryClient.invalidateQueries({ queryKey: queries.watch().queryKey });
  const toggle = useMutation({ mutationFn: () => send('watch/toggle', { incidentId }), onSuccess: refresh });
  const snooze = useMutation({ mutationFn: (minutes: number) => send('snooze/set', { incidentId, minutes }), onSuccess: refresh });
  if (!watch.data) return null;
  return (
    <WatchControls
      reference={reference}
      watched={watch.data.incidentIds.includes(incidentId)}
      snoozedUntil={watch.data.snoozedUntil[incidentId]}
      onToggleWatch={() => toggle.mutate()}
      onSnooze={(minutes) => snooze.mutate(minutes)}
      busy={toggle.isPending || snooze.isPending}
    />
  );
}
