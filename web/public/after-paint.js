// Starts the application once the plain sign-in form has been painted. Started from the page's head, its scripts
// (fetched, compiled and run as they arrived) held the first paint back: about 0.3 s instead of 0.15 s on this
// project's two-core test machine. The server moved the entry and its preloads here (src/platform/http/web-preload.ts);
// they are all requested at once, so the page's chunks still come in one round trip.
(() => {
  const script = document.currentScript;
  const entry = script?.dataset.entry;
  if (!entry) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const href of (script.dataset.preload ?? '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    import(entry);
  };
  // A task queued from a frame callback runs after that frame is painted; a hidden tab gets no frames.
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 250);
})();
