// Bench only (bench/webviewFloor): says ready, then draws what the host sends.
(function () {
  const vscode = acquireVsCodeApi();
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'state') return;
    // The same User Timing marks as the incident page, so both are timed by the page's own clock.
    performance.mark('own-it: first state received');
    const app = document.getElementById('app');
    const title = document.createElement('input');
    title.id = 'f-title';
    title.value = m.title;
    const file = document.createElement('p');
    file.textContent = `${m.file} · Reverted by the bench`;
    app.replaceChildren(title, file);
    app.setAttribute('aria-busy', 'false');
    performance.mark('own-it: first state drawn');
  });
  vscode.postMessage({ type: 'ready' });
})();
