// The follow-your-ticket page: puts the server's words in place as events arrive. The server
// chooses every word (web/src/pages.cpp); EventSource reconnects by itself.
(function () {
  var body = document.body;
  var lastPhase = body.dataset.phase;
  var lastRecalls = Number(body.dataset.recalls || 0);
  function set(id, text) { var e = document.getElementById(id); if (e) e.textContent = text; }
  function beep() {
    try {
      var C = window.AudioContext || window.webkitAudioContext;
      if (!C) return;
      var c = new C(), o = c.createOscillator(), g = c.createGain();
      o.frequency.value = 880; g.gain.value = 0.3; o.connect(g); g.connect(c.destination);
      o.start(); o.stop(c.currentTime + 0.6);
    } catch (e) { /* no sound on this phone */ }
  }
  function show(m) {
    document.getElementById('card').className = 'card phase-' + m.phase;
    set('number', m.number); set('item', m.note || m.item);
    set('headline', m.headline); set('detail', m.detail);
    document.getElementById('stale').hidden = m.live;
    var rate = document.getElementById('rate');
    if (rate) rate.hidden = !m.can_rate;
    document.title = m.headline;
    if (m.phase === 'called' && (lastPhase !== 'called' || m.recalls !== lastRecalls)) {
      if (navigator.vibrate) navigator.vibrate([400, 150, 400, 150, 400]);
      beep();
    }
    lastPhase = m.phase; lastRecalls = m.recalls;
    body.dataset.phase = m.phase;
  }
  var query = body.dataset.lang === 'en' ? '?lang=en' : '';
  var events = new EventSource('/t/' + body.dataset.token + '/events' + query);
  events.addEventListener('status', function (e) {
    document.getElementById('offline').hidden = true;
    show(JSON.parse(e.data));
  });
  events.onerror = function () {
    document.getElementById('offline').hidden = false;
    // Closed for good (the token expired, the server refused): the page itself says why.
    if (events.readyState === 2) setTimeout(function () { location.reload(); }, 5000);
  };
})();
