// The bare server of the lean-pipeline reference (sync-lean.ts): node:http, no framework, no
// database, no authentication. POST / with a JSON array of sha256s answers them in the batch framing
// of POST /v1/blobs/batch (`<sha256> <size>\n` + bytes), each file read whole. Prints its port.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';

const dir = process.argv[2];
const server = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (c) => parts.push(c));
  req.on('end', async () => {
    const ids = JSON.parse(Buffer.concat(parts).toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    for (const id of ids) {
      const data = await readFile(join(dir, id.slice(0, 2), id.slice(2)));
      res.write(`${id} ${data.length}\n`);
      if (!res.write(data)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
