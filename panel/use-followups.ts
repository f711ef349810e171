import { useEffect, useState } from 'react';
import type { Followups } from '@/lib/background/followups';
import { followupsItem } from '@/lib/storage';

/** The stored follow-up queue, kept current as the poll (or another panel) changes it. */
export function useFollowups(): Followups {
  const [state, setState] = useState<Followups>({});
  useEffect(() => {
    let live = true;
    void followupsItem.get().then((value) => live && setState(value));
    const stop = followupsItem.watch(setState);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}
