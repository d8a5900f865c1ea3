/**
 * Child process: 3 writers saving alliances of the given members and 2 clients searching, each in
 * a loop, until its standard input closes; then prints { saves, searches } as JSON. In a process of
 * its own so that the clients' work (fetch, JSON, gunzip) is not done on the app's thread, where an
 * in-process bench would count it as the server's.
 */
export {};

const [base, setsJson] = process.argv.slice(2);
if (!base || !setsJson) throw new Error('usage: savers.ts BASE NEIGHBOUR_SETS_JSON');
const sets = JSON.parse(setsJson) as string[][];

let done = false;
process.stdin.on('data', () => undefined);
process.stdin.on('end', () => (done = true));

async function loop(work: (i: number) => Promise<void>): Promise<number> {
  let i = 0;
  while (!done) await work(i++);
  return i;
}

async function save(name: string, members: string[]): Promise<void> {
  const response = await fetch(`${base}/api/alliances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      status: 'draft',
      members: members.map((code, i) => ({ code, lead: i === 0 })),
      services: [{ code: 'protocollo', provider: { kind: 'alliance' }, annualCostCents: 1_000_00, equalShare: 1 }],
    }),
  });
  if (response.status !== 201) throw new Error(`save failed: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

const names = ['roma', 'lugo', 'san', 'monte', 'castel', 'agl', '058091', 'torre'];
const writers = [0, 1, 2].map((w) => loop((i) => save(`Carico ${w}-${i}`, sets[(w + i) % sets.length]!)));
const searchers = [0, 1].map((s) => loop(async (i) => void (await (await fetch(`${base}/api/comuni?q=${names[(s + i) % names.length]}`)).arrayBuffer())));
process.stderr.write('ready\n');
const saves = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
const searches = (await Promise.all(searchers)).reduce((a, b) => a + b, 0);
process.stdout.write(JSON.stringify({ saves, searches }));
