// Graceful shutdown: on SIGTERM the server stops accepting, lets requests in flight finish, and
// exits with 0. A slow request (an import on the worker pool) is the request in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer, loginClient, DEFAULT_ADMIN } from './lib/server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('a request in flight when SIGTERM arrives still gets its whole answer', async () => {
  const server = await startServer();
  const admin = await loginClient(server, DEFAULT_ADMIN.name, DEFAULT_ADMIN.password);
  const bytes = await readFile(path.join(process.env.WK_SHARED_DATA, 'cbs/CBS-Utrecht-kwb-2023.xlsx'));
  const form = new FormData();
  form.set('csrf', admin.csrf);
  form.set('kind', 'cbs');
  form.set('file', new Blob([bytes]), 'CBS-Utrecht-kwb-2023.xlsx');
  const inFlight = admin.request('/beheer/import', { method: 'POST', body: form });
  await sleep(150);  // the import is running on the worker pool now
  const stopped = server.stop();
  const answer = await inFlight;
  assert.equal(answer.status, 200, answer.body.slice(0, 300));
  assert.match(answer.body, /Import voltooid/);
  const { code } = await stopped;
  assert.equal(code, 0, server.output());
  // The signal came while the import was running: its access-log line follows the signal's.
  const out = server.output();
  const signalAt = out.indexOf('signal 15 received: finishing requests in flight');
  const answerAt = out.indexOf('"POST /beheer/import" 200');
  assert.ok(signalAt >= 0 && answerAt > signalAt, out);
  // After the stop nothing answers any more.
  await assert.rejects(fetch(server.url + '/healthz'));
});
