import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './infra/db/database';
import { createApp } from './server/app';
import { createContext } from './server/context';
import { createHttpServer } from './server/http/server';
import { buildClient, launchChromium } from './tests/helpers/browser';

const cache = path.join('tests', '.cache');
const tpl = fs.readdirSync(cache).find((d) => d.startsWith('pglite-') && !d.includes('.building'))!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shot-'));
fs.cpSync(path.join(cache, tpl, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true });
const db = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
const clientDir = await buildClient();
const ctx = createContext(db, { clientDir });
const server = createHttpServer(createApp(ctx));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
await fetch(`${base}/api/alliances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ALI Bassa Romagna digitale', status: 'draft', members: [{ code: '039012', lead: true }, { code: '039002' }] }) });
const browser = await launchChromium();
for (const [w, h] of [[1280, 800], [390, 760]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  for (const [name, url] of [['dati', '/?mode=data'], ['lugo', '/comuni/039012?ov=unioni&lon=11.9&lat=44.42&z=9.5']]) {
    await page.goto(base + url);
    await page.waitForTimeout(name === 'lugo' ? 9000 : 3000);
    await page.screenshot({ path: `/tmp/shot-${name}-${w}.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(name, w, 'overflow', overflow);
  }
  await page.close();
}
await browser.close();
server.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
