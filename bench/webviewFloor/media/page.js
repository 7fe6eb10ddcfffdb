// Bench only (bench/webviewFloor): says ready, then draws what the host sends.
(function () {
  const vscode = acquireVsCodeApi();
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'state') return;
    const app = document.getElementById('app');
    const title = document.createElement('input');
    title.id = 'f-title';
    title.value = m.title;
    const file = document.createElement('p');
    file.textContent = `${m.file} · Reverted by the bench`;
    app.replaceChildren(title, file);
    app.setAttribute('aria-busy', 'false');
  });
  vscode.postMessage({ type: 'ready' });
})();
