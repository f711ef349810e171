import type { ErrorInfo } from '@/lib/incident-io/errors';

/** A failure that already carries its actionable, serialisable description. */
export class AppError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'AppError';
  }
}
