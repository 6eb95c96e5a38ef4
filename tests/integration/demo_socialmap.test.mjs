// The demo (`serve --demo`, what scripts/run starts) comes with a small made-up social map, so a
// new installation shows what the social map looks like; WIJKKOMPAS_DEMO_SOCIALMAP=0 leaves it out.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, loginClient } from './lib/server.mjs';

test('the demo loads its made-up social map once, findable by a need', async () => {
  const server = await startServer({ demoSocialMap: true });
  try {
    assert.match(server.output(), /Demo-sociale kaart geladen: 6 verzonnen diensten van 5 verzonnen partijen\./);
    const client = await loginClient(server, server.admin.name, server.admin.password);
    const overview = await client.get('/sociale-kaart');
    assert.equal(overview.status, 200);
    assert.match(overview.body, /Buurthuis De Voorbeeldhoek/);
    const found = await client.get('/sociale-kaart/zoeken?behoefte=' + encodeURIComponent('eenzaam, 75+, Overvecht'));
    const html = found.body;
    assert.match(html, /1 dienst gevonden/);
    assert.match(html, /Koffieochtend/);
    assert.match(html, /Verzonnen voorbeeld/);
  } finally {
    await server.stop();
  }
});

test('without WIJKKOMPAS_DEMO_SOCIALMAP the tests start from an empty social map', async () => {
  const server = await startServer();
  try {
    assert.doesNotMatch(server.output(), /Demo-sociale kaart/);
    const client = await loginClient(server, server.admin.name, server.admin.password);
    const found = await client.get('/sociale-kaart/zoeken?behoefte=koffie');
    assert.match(found.body, /Geen diensten gevonden/);
  } finally {
    await server.stop();
  }
});
