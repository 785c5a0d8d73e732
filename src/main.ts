// `npm start`: serve Rapport on the embedded database.
import { loadConfig } from './app/config.ts';
import { startApp } from './app/app.ts';

const config = loadConfig();
const running = await startApp(config);
const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
running.app.log.info(`Rapport is serving http://${shownHost}:${config.port} (database ${config.databaseFile})`);
if (running.generatedAdminPassword) {
  // Printed once, on first start only: it is not stored anywhere in clear.
  console.log(`\nFirst start: created admin ${config.adminEmail} with password ${running.generatedAdminPassword}\n`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
