import autocannon from 'autocannon';

/**
 * Child process: loads several instances at once, `connections` to each, from this one process (one
 * core at most: the load generator); prints each instance's result as JSON, in the order given.
 */
const [urlsJson, pathsJson, seconds = '8', connections = '10'] = process.argv.slice(2);
if (!urlsJson || !pathsJson) throw new Error('usage: load-split.ts URLS_JSON PATHS_JSON [SECONDS] [CONNECTIONS_EACH]');
const urls = JSON.parse(urlsJson) as string[];
const paths = JSON.parse(pathsJson) as string[];
const results = await Promise.all(
  urls.map((url) =>
    autocannon({
      url,
      connections: Number(connections),
      duration: Number(seconds),
      headers: { 'accept-encoding': 'gzip' },
      requests: paths.map((path) => ({ method: 'GET', path })),
    }),
  ),
);
process.stdout.write(
  JSON.stringify(
    results.map((result) => ({
      requestsPerSecond: result.requests.average,
      latencyP50: result.latency.p50,
      latencyP97_5: result.latency.p97_5,
      latencyP99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    })),
  ),
);
