// Service worker of the deployed page (dist/sw.js, made by scripts/lib/make_dist.mjs, which fills
// in VERSION and PRECACHE): after the first visit the planner starts with no network at all, from
// this cache. A new build has new hashed file names, hence a new sw.js: the browser installs it next
// to this one, and it waits until the page asks it to take over (web/offline.js: the user clicked
// « Recharger » after the working copy was saved). It never takes over by itself, so an open page
// is never reloaded, nor fed files of another version.
'use strict';
const VERSION = 'dev';
const PRECACHE = [];
const CACHE = 'cpts-' + VERSION;
const ON_DEMAND = /\/(communes\.tsv|library-fiches-actions\.json|samples\/[a-z0-9-]+\.json)$/;

self.addEventListener('install', (event) => {
  // A hashed file may come from the browser's HTTP cache (the page has just downloaded it: no
  // second download); the others (index.html as './', the manifest) are revalidated with the host.
  const hashed = /\.[0-9a-f]{10}\.[a-z]+$/;
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(PRECACHE.map((url) => new Request(url, { cache: hashed.test(url) ? 'default' : 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  // The previous versions' files: the pages that used them are gone (taking over only happens on
  // a reload the user asked for).
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cpts-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'cpts-activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Opening the app (a reload, a new tab, the installed app's window): this version's page, from
  // the cache, so that it starts at once and offline; the network only if the cache lost it.
  if (request.mode === 'navigate') {
    event.respondWith(caches.open(CACHE)
      .then((cache) => cache.match('./'))
      .then((hit) => hit || fetch(request)));
    return;
  }
  // Files fetched on first use (the list of communes, the samples: make_dist.mjs) are kept once fetched, so
  // that what worked online keeps working offline.
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => {
    if (hit) return hit;
    return fetch(request).then((response) => {
      if (response.ok && ON_DEMAND.test(url.pathname)) cache.put(request, response.clone());
      return response;
    });
  })));
});
