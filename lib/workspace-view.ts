import { z } from 'zod';

/** One connected workspace as the side panel sees it: never its key. */
export const workspaceViewSchema = z.object({ id: z.string(), name: z.string(), baseUrl: z.string(), active: z.boolean() });
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;
