/** The e2e sandbox port: not 8787, so a developer's `npm start` sandbox never collides with a test run. */
export const SANDBOX_PORT = 8797;
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
