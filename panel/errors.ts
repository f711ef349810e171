import { AppError } from '@/lib/app-error';
import type { ErrorInfo } from '@/lib/incident-io/errors';

/** Every error the panel shows is an ErrorInfo; anything else becomes an actionable one. */
export function errorInfo(error: unknown): ErrorInfo | null {
  if (!error) return null;
  if (error instanceof AppError) return error.info;
  return { kind: 'server', message: 'Incident Copilot hit an unexpected problem. Reload the side panel and try again.' };
}
