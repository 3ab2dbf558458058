// Baseline process: the smallest Bolt 5.1 app that answers `/pilot` (ack, then one fixed reply to response_url) and
// GET /healthz. With BENCH_PGLITE_DIR set it first opens a bare PGlite on that folder and reads one count, so it is
// also the "bare PGlite open + minimal Bolt start" and "bare PGlite holding the same data" baseline; on an empty
// folder PGlite creates the database first, which is the first start's baseline.
import { PGlite } from '@electric-sql/pglite';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const dir = process.env.BENCH_PGLITE_DIR;
let pglite: PGlite | undefined;
if (dir) {
  pglite = await PGlite.create({ dataDir: dir });
  const { rows } = await pglite.query<{ t: string | null }>(`SELECT to_regclass('"Project"')::text AS t`);
  if (rows[0]?.t) await pglite.query('SELECT count(*) FROM "Project"');
}
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  endpoints: '/slack/events',
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
    },
  ],
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN!,
  receiver,
  logLevel: LogLevel.ERROR,
  // The fake Slack answers auth.test; authorising once at start, like a single-workspace app.
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL! },
});
app.command('/pilot', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: 'Pilot Desk' });
});
const port = Number(process.env.PORT ?? 0);
await app.start({ port, host: '127.0.0.1' });
console.log(`minimal Bolt is running (port ${port})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void app
      .stop()
      .then(() => pglite?.close())
      .then(() => process.exit(0));
  });
