/**
 * The e2e sandbox port: not 8787, so a developer's `npm start` sandbox never collides with a test run.
 * `E2E_SANDBOX_PORT` lets parallel runs on one machine keep their sandboxes apart.
 */
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 8797);
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
