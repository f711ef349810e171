import { z } from 'zod';
import { workspaceViewSchema } from '@/lib/workspace-view';

export { workspaceViewSchema, type WorkspaceView } from '@/lib/workspace-view';
const workspacesReply = z.object({ workspaces: z.array(workspaceViewSchema) });

/** Several incident.io workspaces (issue 12 §4): agent-only, never from help-desk pages. */
export const workspacesProtocol = {
  'workspaces/list': { access: 'agent', request: z.object({}).strict(), response: workspacesReply },
  /** Validated with identity before it is stored, like `connection/connect`; the first becomes active. */
  'workspaces/add': {
    access: 'agent',
    request: z.object({ apiKey: z.string().trim().min(1).max(500), baseUrl: z.string().max(500), customEndpoint: z.string().max(300).optional() }),
    response: workspacesReply,
  },
  'workspaces/switch': { access: 'agent', request: z.object({ id: z.string().min(1).max(100) }), response: workspacesReply },
  /** Removes its key, its caches, its watches and its follow-ups. */
  'workspaces/remove': { access: 'agent', request: z.object({ id: z.string().min(1).max(100) }), response: workspacesReply },
} as const;
