import { queryOptions } from '@tanstack/react-query';
import { connectionView } from '@/lib/connection';
import { connectionItem } from '@/lib/storage';

/** Connected = a stored identity (lib/connection.ts); read from storage, never the key. */
export const connectionQuery = () =>
  queryOptions({ queryKey: ['connection'] as const, queryFn: async () => connectionView(await connectionItem.get()) });
