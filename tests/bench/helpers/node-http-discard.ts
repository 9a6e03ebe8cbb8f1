// Child process of download-1gb-zip.bench.ts: the floor for any Node client. Fetches the URL with
// Node's own http module and throws the body away (no got, no file, no hash, no fsync); prints
// {ms, bytes} as JSON.
import http from 'node:http';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node-http-discard URL TOKEN');
  process.exit(2);
}
const started = performance.now();
const bytes = await new Promise<number>((resolve, reject) => {
  http
    .get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`HTTP ${response.statusCode}`));
      let count = 0;
      response.on('data', (chunk: Buffer) => (count += chunk.length));
      response.on('end', () => resolve(count));
      response.on('error', reject);
    })
    .on('error', reject);
});
console.log(JSON.stringify({ ms: performance.now() - started, bytes }));
