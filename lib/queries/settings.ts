import { queryOptions } from '@tanstack/react-query';
import { settingsItem } from '@/lib/storage';

export const settingsQuery = () => queryOptions({ queryKey: ['settings'] as const, queryFn: () => settingsItem.get() });
