/** `npm run sandbox`: the incident.io sandbox on PORT (default 8787) until Ctrl+C. */
import { API_KEYS, KEY_NAMES } from './seed';
import { SECOND_WORKSPACE } from './second-org';
import { startSandbox } from './server';

const port = Number(process.env.PORT ?? 8787);
const sandbox = await startSandbox({ port });

console.log(`incident.io sandbox listening on ${sandbox.url}`);
console.log('API keys (Authorization: Bearer <key>):');
for (const [kind, token] of Object.entries(API_KEYS)) {
  console.log(`  ${token.padEnd(22)} ${KEY_NAMES[kind as keyof typeof KEY_NAMES]}`);
}
console.log(`  ${SECOND_WORKSPACE.key.padEnd(22)} ${SECOND_WORKSPACE.name} (another organisation: the Workspace switcher)`);
console.log(`Admin API: ${sandbox.url}/_sandbox/health, /_sandbox/reset, /_sandbox/faults, /_sandbox/requests`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
