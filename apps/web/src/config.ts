/** The web app's configuration: the only place that reads `import.meta.env`. */
export const config = Object.freeze({
  /** Base of the API. Relative by default: the dev server proxies it, production serves both from one origin. */
  apiBase: (import.meta.env.VITE_ASSENT_API_BASE as string | undefined) ?? '/api',
  /** Camera capture kept small: a 2-core machine hosts every tab, the media server and the recorder. */
  videoCapture: { width: 640, height: 360, frameRate: 15 },
  isDev: import.meta.env.DEV,
});
