import { loadConfig } from './config.ts';
import { bootstrap } from './bootstrap.ts';

/** Entry point of `npm start`: boot, listen, print where to go and how to sign in. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const server = await bootstrap(config);
  const address = await server.app.listen({ port: config.PORT, host: config.HOST });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const lines = [
    '',
    `motcua is running at ${url}  (database: ${server.database.kind}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s, pid ${process.pid})`,
    `API documentation: ${url}/api/docs`,
  ];
  const s = server.seedResult;
  if (s.seeded && s.kind === 'none') lines.push(`Administrator account: admin / ${s.password}  (change it after the first sign-in)`);
  const demo = config.SEED === 'demo';
  if (demo) {
    lines.push('Demo accounts (password "motcua2026"): admin (administrator), quantri.tienyen (commune administrator), motcua (counter officer),');
    lines.push('  chuyenvien (specialist), lanhdao (unit leader), cchc (reform officer), thanhtra (inspector), motcua.hailang (another commune), congdan (citizen)');
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
