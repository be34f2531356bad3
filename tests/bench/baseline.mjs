// baseline.mjs — what a script using the official Node library does for
// FULL_WHITELIST: the same POST with the same JSON body to the same mock,
// then JSON.parse (Sonoran.js parses by content type; see reference §1.4).
//
// Usage: node baseline.mjs URL COMMUNITY_ID RUNS   (key in SCMS_MOCK_API_KEY)
// Prints one JSON line per run: {"ms": …, "entries": …, "bytes": …}

const [url, communityId, runs] = process.argv.slice(2);
const body = JSON.stringify({
  id: communityId,
  key: process.env.SCMS_MOCK_API_KEY,
  type: 'FULL_WHITELIST',
  data: [{ serverId: 1 }],
});

for (let i = 0; i < Number(runs || 5); i++) {
  const start = performance.now();
  const reply = await fetch(`${url}/servers/full_whitelist`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body,
  });
  const text = await reply.text();
  const value = JSON.parse(text);
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, entries: value.length, bytes: Buffer.byteLength(text) }));
}
