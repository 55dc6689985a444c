/*
 * embed.js: load it once in a page that embeds Tallyscope, after or
 * before its iframes:
 *
 *   <iframe src="https://…/" data-tallyscope width="100%" height="640" …></iframe>
 *   <script async src="https://…/embed.js"></script>
 *
 * It resizes each Tallyscope iframe to the height the page inside reports.
 * The page posts this message to its parent (the shape of Datawrapper's
 * {"datawrapper-height": {...}}, with our own key):
 *
 *   {"tallyscope-height": {"id": "<the iframe's name>", "height": <CSS px>}}
 *
 * The iframe is found by the window that sent the message, so two embeds
 * of the same view cannot be confused; the id is there for pages that
 * listen without this script. On load, the script asks each iframe marked
 * data-tallyscope to report again ({"tallyscope-height-request": true}),
 * in case the page reported before the script arrived.
 *
 * The page in the frame starts its app (a download of a few MB) only when
 * the frame nears the viewport. From inside a frame on another origin, a
 * browser tells it only when the frame enters the viewport; this script
 * sees the iframe from outside and sends {"tallyscope-near": true} when
 * it comes within 200 px.
 *
 * It needs nothing else, loads nothing, talks only to the frames, and does
 * nothing when loaded a second time.
 */
(function () {
  'use strict';
  if (window.tallyscopeEmbed) return;
  window.tallyscopeEmbed = true;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function send(frame, msg) {
    if (frame.contentWindow) frame.contentWindow.postMessage(msg, '*');
  }

  // near lists the iframes that have come within 200 px of the viewport.
  var near = [];
  var watcher = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    for (var i = 0; i < entries.length; i++) {
      if (!entries[i].isIntersecting) continue;
      watcher.unobserve(entries[i].target);
      near.push(entries[i].target);
      send(entries[i].target, {'tallyscope-near': true});
    }
  }, {rootMargin: '200px'}) : null;

  window.addEventListener('message', function (e) {
    var m = e.data && typeof e.data === 'object' ? e.data['tallyscope-height'] : null;
    if (!m || typeof m !== 'object') return;
    var frame = frameOf(e.source);
    if (!frame) return;
    // A page that loads after its frame came near hears it now.
    if (near.indexOf(frame) >= 0) send(frame, {'tallyscope-near': true});
    var h = Number(m.height);
    if (h >= 100 && h <= 10000) frame.style.height = Math.ceil(h) + 'px';
  });

  function init() {
    var frames = document.querySelectorAll('iframe[data-tallyscope]');
    for (var i = 0; i < frames.length; i++) {
      send(frames[i], {'tallyscope-height-request': true});
      if (watcher) watcher.observe(frames[i]);
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
