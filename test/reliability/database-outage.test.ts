import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/db.ts';
import { TEST_ENGINE } from '../support/engine.ts';
import { SlackUser } from '../support/slack-user.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const STAFF = 'U0OUTAGE01';
const ATTEMPTS = 5;

// The embedded database runs inside the bot's own process: there is no connection between them to cut.
describe.skipIf(TEST_ENGINE === 'pglite')(
  'the database going away and coming back (PostgreSQL only: PGlite has no connection to cut)',
  () => {
    let url: string;
    let proxy: TcpProxy;
    let app: TestApp;
    beforeAll(async () => {
      url = await createPostgresDatabase();
      const direct = new URL(url);
      proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
      const proxied = new URL(url);
      proxied.host = `127.0.0.1:${proxy.port}`;
      app = await startTestApp({
        storage: { env: { DATABASE_URL: proxied.toString() }, dispose: async () => {} },
      });
    });
    afterAll(async () => {
      await app?.stop();
      await proxy?.close();
      if (url) await dropPostgresDatabase(url);
    });

    const health = async () => (await fetch(`${app.baseUrl}/healthz`)).status;
    const metric = async (name: string) => {
      const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
      return new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
    };

    it('answers honestly while it is away, turns /healthz 503, and recovers without a restart losing nothing', async () => {
      const staff = new SlackUser(app, STAFF);
      await new SlackUser(app, ADMIN).command(`roles grant <@${STAFF}> staff`);
      expect((await staff.command('batch open 断库之前 2026-11-01 2026-12-31')).text).toContain('断库之前');
      expect(await health()).toBe(200);

      proxy.cut();
      const during = await health();
      const honest = t('zh-CN', 'error.databaseUnavailable');
      let honestAnswers = 0;
      for (let i = 0; i < ATTEMPTS; i++) {
        const answer = await staff.command(`batch open 断库期间${i} 2026-11-01 2026-12-31`);
        expect(answer.text).not.toMatch(/^\s+at /m);
        if (answer.text === honest) honestAnswers++;
      }
      const upDuring = await metric('pilotdesk_database_up');

      proxy.restore();
      // The pool reconnects on its own: the same process answers again.
      let probes = 0;
      while ((await health()) !== 200) {
        probes++;
        expect(probes).toBeLessThan(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await staff.command('batch open 断库之后 2026-11-01 2026-12-31')).text).toContain('断库之后');
      const names = (await app.server.db.prisma.batch.findMany({ orderBy: { name: 'asc' } })).map((b) => b.name);
      const unavailable = await metric(
        'pilotdesk_handler_errors_total\\{kind="command",outcome="databaseUnavailable"\\}',
      );
      console.log(
        `reliability: database cut: ${honestAnswers}/${ATTEMPTS} told nothing was changed, /healthz ${during} during and 200 after ${probes} probe(s), database_up ${upDuring} during, ${names.length}/2 acknowledged changes kept, 0 restarts`,
      );
      expect(during).toBe(503);
      expect(honestAnswers).toBe(ATTEMPTS);
      expect(upDuring).toBe('0');
      expect(Number(unavailable)).toBe(ATTEMPTS);
      // What was acknowledged before is kept; nothing from the outage half-happened.
      expect(names).toEqual(['断库之前', '断库之后'].sort());
    }, 120_000);
  },
);
