/**
 * The page a person sees when their address has asked too much: a browser asking for a page gets
 * this, not the API's JSON. Italian then English, with how long to wait (also in Retry-After).
 */
export function tooManyRequestsPage(retryAfterSeconds: number): string {
  const wait = Math.max(1, Math.ceil(retryAfterSeconds));
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${wait}">
<title>Troppe richieste / Too many requests – ALI Atlas</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#222}h1{font-size:1.4rem}</style>
</head>
<body>
<h1>Troppe richieste</h1>
<p>Da questo indirizzo sono arrivate troppe richieste in poco tempo. La pagina si ricaricherà da sola tra ${wait} secondi.</p>
<h1 lang="en">Too many requests</h1>
<p lang="en">Too many requests came from this address in a short time. The page will reload by itself in ${wait} seconds.</p>
</body>
</html>
`;
}
