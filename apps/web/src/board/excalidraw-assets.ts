/**
 * Where the editor fetches its fonts: our own origin (the build copies them there, see
 * `build/excalidraw-assets.ts`), never a CDN. Set before the editor's module is loaded.
 */
export const excalidrawAssetPath = '/excalidraw/';

declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

/** Loads the editor's module (and its styles), from our origin. */
export function loadEditor<T>(load: () => Promise<T>): Promise<T> {
  window.EXCALIDRAW_ASSET_PATH = excalidrawAssetPath;
  return load();
}
