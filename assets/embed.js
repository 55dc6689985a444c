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
 * It needs nothing else, sends nothing anywhere, and does nothing when
 * loaded a second time.
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

  window.addEventListener('message', function (e) {
    var m = e.data && typeof e.data === 'object' ? e.data['tallyscope-height'] : null;
    if (!m || typeof m !== 'object') return;
    var h = Number(m.height);
    if (!(h >= 100 && h <= 10000)) return;
    var frame = frameOf(e.source);
    if (frame) frame.style.height = Math.ceil(h) + 'px';
  });

  function ask() {
    var frames = document.querySelectorAll('iframe[data-tallyscope]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage({'tallyscope-height-request': true}, '*');
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ask);
  } else {
    ask();
  }
})();
