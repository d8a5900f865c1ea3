import autocannon from 'autocannon';

/** Child process: loads the server with a list of paths and prints autocannon's result as JSON. */
const [url, pathsJson, seconds = '8', connections = '10'] = process.argv.slice(2);
if (!url || !pathsJson) throw new Error('usage: load.ts URL PATHS_JSON [SECONDS] [CONNECTIONS]');
const paths = JSON.parse(pathsJson) as string[];
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  headers: { 'accept-encoding': 'gzip' },
  requests: paths.map((path) => ({ method: 'GET', path })),
});
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP97_5: result.latency.p97_5,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }),
);
