import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type ManagedConfig, readManagedConfig, watchManagedConfig } from '@/lib/managed';

const MANAGED_KEY = ['managed'] as const;

/** The organisation's policy ({} while loading or when there is none), re-read when IT changes it. */
export function useManagedConfig(): ManagedConfig {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: MANAGED_KEY, queryFn: readManagedConfig });
  // A changed policy changes the effective settings and connection too: everything is re-read.
  useEffect(() => watchManagedConfig(() => void queryClient.invalidateQueries()), [queryClient]);
  return query.data ?? {};
}
