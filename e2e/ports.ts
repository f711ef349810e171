/**
 * Each Playwright worker runs its own sandbox on its own port (base + parallel index), so workers never
 * reset each other's state. The base is not 8787, so a developer's `npm start` sandbox never collides
 * with a test run; `E2E_SANDBOX_PORT` moves it for runs side by side on one machine.
 */
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 8797) + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
