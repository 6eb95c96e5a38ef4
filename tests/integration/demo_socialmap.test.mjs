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

test('a beheerder publishes the social map on its overview page, which opens /hsds/ without login', async () => {
  const server = await startServer({ demoSocialMap: true });
  try {
    const anonymous = await fetch(server.url + '/hsds/services');
    assert.equal(anonymous.status, 401);
    const client = await loginClient(server, server.admin.name, server.admin.password);
    const before = await client.get('/sociale-kaart');
    assert.match(before.body, /Niet gepubliceerd\./);
    const published = await client.postForm('/sociale-kaart/publicatie', { publiceren: '1' });
    assert.equal(published.status, 303);
    assert.equal(published.headers.get('location'), '/sociale-kaart?gelukt=gepubliceerd#delen');
    const after = await client.get('/sociale-kaart?gelukt=gepubliceerd');
    assert.match(after.body, /De sociale kaart is gepubliceerd: \/hsds\/ is nu open zonder inloggen\./);
    assert.match(after.body, /Publicatie intrekken/);
    const open = await fetch(server.url + '/hsds/services');
    assert.equal(open.status, 200);
    assert.equal((await open.json()).total_items, 6);
    const refused = await client.postForm('/sociale-kaart/publicatie', { publiceren: '0', csrf: null });
    assert.equal(refused.status, 403);
    await client.postForm('/sociale-kaart/publicatie', { publiceren: '0' });
    assert.equal((await fetch(server.url + '/hsds/services')).status, 401);
  } finally {
    await server.stop();
  }
});
